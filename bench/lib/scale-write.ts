// bench/scale.ts's write phase: writeDecisionBatch (what the gateway's write-behind queue calls)
// with batches of realistic records on the database DATABASE_URL names; the bench records are
// removed again afterwards (they carry BENCH_FEATURE, which also keys their rollup rows).
import { loadLine } from "./machine";
import { BATCH_SIZE, BENCH_FEATURE, p95, WRITE_BATCHES } from "./scale-kit";
import { rounded, summarise } from "./stats";

export async function writePhase(label: string): Promise<Record<string, unknown>> {
  const { getDb, disconnectDb } = await import("../../lib/db");
  const { writeDecisionBatch } = await import("../../lib/ledger/write-batch");
  const { uuidv7 } = await import("../../lib/ledger/uuidv7");
  const { buildTrafficScenarios } = await import("../../prisma/tools/generate-traffic-scenarios");
  const { baselinePrices } = await import("../../prisma/tools/generate-traffic-scenarios");
  type RecordInput = import("../../lib/ledger/record").DecisionRecordInput;
  const db = getDb();
  const version = await db.policyVersion.findFirst({ orderBy: { number: "desc" }, select: { snapshot: true } });
  if (!version) throw new Error("No published policy in this database: seed it first.");
  const scenarios = buildTrafficScenarios(version.snapshot as never, new Date()).filter((scenario) => !scenario.dryRun);
  const cumulative: number[] = [];
  scenarios.reduce((sum, scenario, index) => (cumulative[index] = sum + scenario.weight), 0);
  const pick = () => {
    const r = Math.random() * cumulative.at(-1)!;
    return scenarios[cumulative.findIndex((hi) => hi > r)] ?? scenarios[0]!;
  };
  const [before] = await db.$queryRaw<Array<{ records: number }>>`SELECT GREATEST(reltuples, 0)::float8 AS records FROM pg_class WHERE relname = 'DecisionRecord'`;

  const baseline = baselinePrices(version.snapshot as never);
  const batch = (): RecordInput[] =>
    Array.from({ length: BATCH_SIZE }, () => {
      const scenario = pick();
      const createdAt = new Date();
      const input = scenario.usage ? Math.round(scenario.estimatedInputTokens * (0.85 + 0.3 * Math.random())) : null;
      const output = scenario.usage ? Math.max(1, Math.round(scenario.outputMedian * Math.exp(0.6 * (Math.random() * 2 - 1)))) : null;
      return {
        id: uuidv7(createdAt.getTime()),
        createdAt,
        apiKeyId: null,
        apiKeyPrefix: null,
        featureKey: BENCH_FEATURE,
        team: "Bench",
        endpoint: "chat.completions",
        requestedModel: scenario.requestedModel,
        policyVersion: scenario.policyVersion,
        dataClass: scenario.dataClass,
        findings: scenario.findings,
        promptSha256: "e".repeat(64),
        prompt: null,
        difficulty: scenario.difficulty,
        stream: scenario.stream,
        dryRun: false,
        estimatedInputTokens: scenario.estimatedInputTokens,
        requestedOutputTokens: null,
        inputTokens: input,
        outputTokens: output,
        tierKey: scenario.tierKey,
        modelAlias: scenario.modelAlias,
        providerKey: scenario.providerKey,
        escalationReason: scenario.escalationReason,
        candidates: scenario.candidates,
        rejected: scenario.rejected,
        trace: scenario.trace,
        fallbacks: scenario.fallbacks,
        status: scenario.status,
        httpStatus: scenario.httpStatus,
        errorCode: scenario.errorCode,
        refusalConstraint: scenario.refusalConstraint,
        latencyMs: 100 + Math.round(Math.random() * 4000),
        ttftMs: scenario.ttftMedianMs === null ? null : Math.round(scenario.ttftMedianMs),
        costUsd: input !== null && scenario.inputPrice !== null ? (input * scenario.inputPrice + output! * scenario.outputPrice!) / 1e6 : null,
        baselineCostUsd: input !== null && baseline ? (input * baseline.input + output! * baseline.output) / 1e6 : null,
        synthetic: true,
      };
    });

  try {
    for (let i = 0; i < 3; i++) await writeDecisionBatch(batch()); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < WRITE_BATCHES; i++) {
      const records = batch();
      const started = performance.now();
      await writeDecisionBatch(records);
      samples.push(performance.now() - started);
    }
    const summary = summarise(samples);
    const result = rounded({ database: label, recordsBefore: Math.round(before!.records), batches: WRITE_BATCHES, batchSize: BATCH_SIZE, p50: summary.p50, p95: p95(samples), max: summary.max, recordsPerSecond: (BATCH_SIZE * 1000) / summary.mean }, 1);
    console.log(`  write, ${label}: p50 ${result.p50} ms, p95 ${result.p95} ms per ${BATCH_SIZE}-record batch (${Math.round(result.recordsPerSecond)} records/s) (${loadLine()})`);
    return result;
  } finally {
    // Leave the database as it was: the bench's records and the rollup rows they created.
    await db.$executeRaw`DELETE FROM "DecisionRecord" WHERE "featureKey" = ${BENCH_FEATURE}`;
    await db.$executeRaw`DELETE FROM "UsageRollup" WHERE "featureKey" = ${BENCH_FEATURE}`;
    await db.$executeRaw`DELETE FROM "DailyUsageRollup" WHERE "featureKey" = ${BENCH_FEATURE}`;
    await disconnectDb();
  }
}

// ─────────────────────────────── orchestration ───────────────────────────────

/** Runs one phase in a child process bound to `databaseUrl` (lib/db reads DATABASE_URL once). */
