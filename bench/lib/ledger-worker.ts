// Run by bench/ledger.ts in its own process (lib/env reads DATABASE_URL once, at import):
// writes realistic decision records with the gateway's own writer (writeDecisionBatch) in batches
// of several sizes and reports wall time and CPU per batch and per record. Prints one JSON line.
import { AsyncLocalStorage } from "node:async_hooks";
import { readFileSync } from "node:fs";
import pg from "pg";
import { analyseRequest } from "@/lib/gateway/pipeline/analyse";
import { DecisionDraft } from "@/lib/gateway/records/decision-draft";
import { preparePolicy } from "@/lib/gateway/instance/policy-store";
import { disconnectDb } from "@/lib/db";
import { baselineCostUsd, requestCostUsd } from "@/lib/pricing/cost";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { uuidv7 } from "@/lib/ledger/uuidv7";
import { writeDecisionBatch } from "@/lib/ledger/write-batch";
import { decide } from "@/lib/routing";
import { FIXTURE_NOW, fixtureSnapshot } from "@/lib/routing/fixtures";
import { asRequest, ROUTINE_PROMPT } from "./prompts";
import { summarise } from "./stats";

function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** One record as the gateway writes it for a served routine request (trace, candidates, rejections). */
function templateRecord(): DecisionRecordInput {
  const policy = preparePolicy(fixtureSnapshot());
  const request = asRequest(ROUTINE_PROMPT);
  const key = { id: "bench-ledger-key", prefix: "sy_benchled", name: "Bench", rateLimitPerMinute: null, defaultFeatureKey: "support-bot", featureKeys: [] };
  const createdAt = new Date();
  const call = {
    endpoint: "chat.completions" as const,
    key,
    requestedModel: "auto",
    request,
    stream: false,
    includeUsage: false,
    featureKey: "support-bot",
    difficulty: null,
    dataClass: null,
    dryRun: false,
    signal: new AbortController().signal,
    createdAt,
    startedAt: performance.now(),
  };
  const analysed = analyseRequest({ request, requestedModel: "auto", featureKey: "support-bot", declaredDifficulty: null, declaredDataClass: null }, policy.detectors, policy.snapshot.unscannableDataClass);
  const decision = decide(analysed.analysis, policy.snapshot, { openCircuitProviderKeys: [], rateLimitedProviders: [], monthToDateSpendUsdByFeature: {}, now: FIXTURE_NOW });
  const draft = new DecisionDraft({ endpoint: call.endpoint, key, createdAt, startedAt: call.startedAt });
  draft.learn({ call });
  draft.learn({ featureKey: "support-bot", team: "Customer Care", policyVersion: policy.snapshot.version, decision, promptSha256: analysed.promptSha256, prompt: null, estimatedInputTokens: analysed.analysis.estimatedPromptTokens, findings: [] });
  const served = decision.candidates[0]!;
  const model = policy.models.get(served.alias)!;
  return draft.finish({
    status: "success",
    httpStatus: 200,
    served,
    usage: { inputTokens: 31, outputTokens: 12, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false },
    ttftMs: 2,
    costUsd: requestCostUsd(model, 31, 12),
    baselineCostUsd: baselineCostUsd(policy.snapshot, 31, 12),
    extraTrace: [`Served by ${served.alias} (${served.providerKey}, ${served.tierKey} tier).`],
  });
}

async function main() {
  const template = templateRecord();
  const sizes = (process.env.BENCH_LEDGER_BATCHES ?? "1,10,50,200,500").split(",").map(Number);
  const perSize = Number(process.env.BENCH_LEDGER_RECORDS ?? 3_000);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const backends = async () => {
    const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return rows.reduce((sum, row) => sum + cpuSecondsOf(row.pid), 0);
  };
  const batchOf = (size: number) => {
    const now = Date.now();
    return Array.from({ length: size }, () => ({ ...template, id: uuidv7(now), createdAt: new Date(now) }));
  };
  const results = [];
  for (const size of sizes) {
    const batches = Math.max(20, Math.round(perSize / size));
    for (let i = 0; i < 5; i += 1) await writeDecisionBatch(batchOf(size)); // warm-up
    const wall: number[] = [];
    const cpuBefore = process.cpuUsage();
    const pgBefore = await backends();
    // BENCH_LEDGER_VARY=1: batch sizes vary around `size` (size/2 .. 3·size/2), as the gateway's
    // 100 ms flushes do; a fixed size lets Prisma reuse one compiled query.
    const vary = process.env.BENCH_LEDGER_VARY === "1";
    let records = 0;
    for (let i = 0; i < batches; i += 1) {
      const batch = batchOf(vary ? Math.max(1, Math.round(size * (0.5 + Math.random()))) : size);
      records += batch.length;
      const started = performance.now();
      await writeDecisionBatch(batch);
      wall.push(performance.now() - started);
    }
    const cpu = process.cpuUsage(cpuBefore);
    const pgCpu = (await backends()) - pgBefore;
    const nodeMs = (cpu.user + cpu.system) / 1000;
    const wallSummary = summarise(wall);
    results.push({
      batchSize: size,
      batches,
      wallMsPerBatch: { p50: wallSummary.p50, p99: wallSummary.p99, mean: wallSummary.mean },
      nodeCpuMsPerBatch: nodeMs / batches,
      nodeCpuMsPerRecord: nodeMs / records,
      postgresCpuMsPerRecord: (pgCpu * 1000) / records,
    });
  }
  await admin.end();
  await disconnectDb();
  const json = JSON.stringify({ recordJsonBytes: JSON.stringify(template).length, results });
  console.log(json);
}

// BENCH_LEDGER_ALS=1: run inside an AsyncLocalStorage context, as route handlers do under Next
// (on Node 20 that switches on async_hooks promise tracking, which taxes promise-heavy code).
const run = process.env.BENCH_LEDGER_ALS === "1" ? () => new AsyncLocalStorage<object>().run({}, main) : main;
run().catch(async (error: unknown) => {
  console.error(error);
  await disconnectDb();
  process.exit(1);
});
