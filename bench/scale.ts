// bench/scale.ts — the dashboards and the ledger at ten million decision records.
//
//   npx tsx bench/scale.ts                       (re-runs itself with --conditions=react-server)
//
// Needs a database holding the traffic (see bench/SCALE.md for how switchyard_scale is built):
// SCALE_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/switchyard_scale.
//
// read   In one process on the scale database: every Costs query (spend, usage, reasons,
//        month-to-date; and the whole page's loadCostReport) for common filter sets, and the
//        Decisions list (first page and a page 60 days deep, without and with common filters),
//        the detail read and the live tail's read. Warm-up, then BENCH_RUNS timed runs each
//        (server time: the function call against the database, Prisma included).
// write  writeDecisionBatch (what the gateway's write-behind queue calls) with batches of 500
//        realistic records, on a fresh empty database (migrated and seeded, dropped afterwards)
//        and on the scale database (its records are removed again afterwards: they carry the
//        feature key "bench-scale", which also keys their rollup rows).
//
// Settings: BENCH_PHASES=read,write  BENCH_RUNS=20  BENCH_WRITE_BATCHES=30  BENCH_BATCH_SIZE=500
//           SCALE_DATABASE_URL  TEST_DATABASE_ADMIN_URL (where the empty database is created).
// Results: printed, and written to bench/results/scale-<time>.json.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { rerunWithReactServer } from "./lib/react-server";
import { loadLine, machineInfo } from "./lib/machine";
import { rounded, summarise, table } from "./lib/stats";

const BENCH_DIR = import.meta.dirname ?? __dirname;
const ROOT = path.resolve(BENCH_DIR, "..");
const RESULTS = path.join(BENCH_DIR, "results");
const SCALE_URL = process.env.SCALE_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/switchyard_scale";
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WRITE_BATCHES = Number(process.env.BENCH_WRITE_BATCHES ?? 30);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 500);
const BENCH_FEATURE = "bench-scale";
const DAY_MS = 86_400_000;

interface CaseResult {
  group: string;
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  rows?: number;
}

const p95 = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(0.95 * sorted.length))) - 1]!;
};

async function measure(group: string, name: string, run: () => Promise<number | void>, runs = RUNS): Promise<CaseResult> {
  let rows: number | undefined;
  for (let i = 0; i < 2; i++) await run(); // warm-up: plans and caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await run();
    samples.push(performance.now() - started);
    if (typeof result === "number") rows = result;
  }
  const summary = summarise(samples);
  return rounded({ group, name, runs, p50: summary.p50, p95: p95(samples), max: summary.max, ...(rows === undefined ? {} : { rows }) }, 1);
}

// ─────────────────────────────── phase: read ───────────────────────────────

async function readPhase(): Promise<Record<string, unknown>> {
  const { getDb, disconnectDb } = await import("../lib/db");
  const { resolveCostFilters } = await import("../lib/analytics/costs/cost-filters");
  const { queryMonthToDate, queryReasons, querySpend, queryUsage } = await import("../lib/analytics/costs/cost-queries");
  const { loadCostReport } = await import("../lib/analytics/costs/load-cost-report");
  const { resolveDecisionFilters } = await import("../lib/analytics/decisions/decision-filters");
  const { listDecisions, listLatestDecisions } = await import("../lib/analytics/decisions/list-decisions");
  const { getDecision } = await import("../lib/analytics/decisions/get-decision");
  const db = getDb();
  const now = new Date();

  const [stats] = await db.$queryRaw<Array<{ records: number; hourly: number; daily: number; tableSize: string; indexSize: string; first: Date; last: Date }>>`
    SELECT (SELECT reltuples::float8 FROM pg_class WHERE relname = 'DecisionRecord') AS records,
      (SELECT COUNT(*)::float8 FROM "UsageRollup") AS hourly, (SELECT COUNT(*)::float8 FROM "DailyUsageRollup") AS daily,
      pg_size_pretty(pg_table_size('"DecisionRecord"')) AS "tableSize", pg_size_pretty(pg_indexes_size('"DecisionRecord"')) AS "indexSize",
      (SELECT "createdAt" FROM "DecisionRecord" ORDER BY "createdAt" ASC, id ASC LIMIT 1) AS first,
      (SELECT "createdAt" FROM "DecisionRecord" ORDER BY "createdAt" DESC, id DESC LIMIT 1) AS last`;
  console.log(`Scale database: ~${Math.round(stats!.records).toLocaleString("en-US")} decision records (${stats!.tableSize} + ${stats!.indexSize} of indexes), ${stats!.hourly.toLocaleString("en-US")} hourly and ${stats!.daily.toLocaleString("en-US")} daily rollup rows, ${stats!.first.toISOString()} – ${stats!.last.toISOString()}.`);

  const key = await db.apiKey.findFirst({ where: { id: { startsWith: "synthetic-key-code" } }, select: { id: true } });
  const results: CaseResult[] = [];

  const costFilterSets: Array<[string, Record<string, string>]> = [
    ["last 30 days", { preset: "last-30" }],
    ["last 90 days", { preset: "last-90" }],
    ["last month", { preset: "last-month" }],
    ["month to date", { preset: "mtd" }],
    ["last 90 days by week", { preset: "last-90", grain: "week" }],
    ["last 30 days, feature", { preset: "last-30", feature: "code-assist" }],
    ["last 90 days, team", { preset: "last-90", team: "Legal" }],
    ["last 30 days, model", { preset: "last-30", model: "claude-sonnet" }],
    ["last 90 days, key", { preset: "last-90", key: key?.id ?? "none" }],
  ];
  for (const [name, params] of costFilterSets) {
    const filters = resolveCostFilters(params, now);
    results.push(await measure("costs: spend over time", name, async () => (await querySpend(filters)).length));
    results.push(await measure("costs: usage (tables, latency, break-even)", name, async () => (await queryUsage(filters)).length));
    results.push(await measure("costs: reasons (escalation, fallback, refusal)", name, async () => (await queryReasons(filters)).length));
    results.push(await measure("costs: budgets month to date", name, async () => (await queryMonthToDate(filters, now)).size));
    results.push(await measure("costs: whole page (all queries, parallel)", name, async () => void (await loadCostReport(filters, now))));
    console.log(`  costs, ${name}: done (${loadLine()})`);
  }

  const deep = { createdAt: new Date(now.getTime() - 60 * DAY_MS), id: "ffffffff-ffff-ffff-ffff-ffffffffffff" };
  const tuesday = new Date(now.getTime() - 45 * DAY_MS);
  tuesday.setUTCDate(tuesday.getUTCDate() - ((tuesday.getUTCDay() + 5) % 7)); // back to a Tuesday
  const tuesdayDay = tuesday.toISOString().slice(0, 10);
  const tuesdayNoon = { createdAt: new Date(`${tuesdayDay}T12:00:00.000Z`), id: "ffffffff-ffff-ffff-ffff-ffffffffffff" };
  const decisionFilterSets: Array<[string, Record<string, string>, typeof deep]> = [
    ["no filter", {}, deep],
    ["feature", { feature: "support-summaries" }, deep],
    ["status refused", { status: "refused" }, deep],
    ["feature + refused", { feature: "contract-review", status: "refused" }, deep],
    ["key", { key: key?.id ?? "none" }, deep],
    ["tier frontier", { tier: "frontier" }, deep],
    ["data class restricted", { dataClass: "restricted" }, deep],
    ["fell back", { fallback: "yes" }, deep],
    ["latency ≥ 30 s", { minLatency: "30000" }, deep],
    ["cost $0.05–0.10", { minCost: "0.05", maxCost: "0.1" }, deep],
    ["model claude-opus (0.8%)", { model: "claude-opus" }, deep],
    [`one Tuesday (${tuesdayDay}), feature + refused`, { from: tuesdayDay, to: tuesdayDay, feature: "contract-review", status: "refused" }, tuesdayNoon],
    [`one Tuesday (${tuesdayDay})`, { from: tuesdayDay, to: tuesdayDay }, tuesdayNoon],
  ];
  for (const [name, params, cursor] of decisionFilterSets) {
    const filters = resolveDecisionFilters(params);
    results.push(await measure("decisions: first page", name, async () => (await listDecisions(filters, { direction: "older", cursor: null })).rows.length));
    results.push(await measure("decisions: deep page", name, async () => (await listDecisions(filters, { direction: "older", cursor })).rows.length));
    console.log(`  decisions, ${name}: done (${loadLine()})`);
  }
  const sample = await db.decisionRecord.findFirst({ where: { createdAt: { lt: deep.createdAt } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
  if (sample) results.push(await measure("decisions: detail", "by id, 60 days old", async () => ((await getDecision(sample.id)) ? 1 : 0)));
  results.push(await measure("decisions: live tail", "newest 50", async () => (await listLatestDecisions(resolveDecisionFilters({}), 50)).length));
  results.push(await measure("decisions: live tail", "newest 50, refused", async () => (await listLatestDecisions(resolveDecisionFilters({ status: "refused" }), 50)).length));

  await disconnectDb();
  return { database: stats, results };
}

// ─────────────────────────────── phase: write ───────────────────────────────

async function writePhase(label: string): Promise<Record<string, unknown>> {
  const { getDb, disconnectDb } = await import("../lib/db");
  const { writeDecisionBatch } = await import("../lib/ledger/write-batch");
  const { uuidv7 } = await import("../lib/ledger/uuidv7");
  const { buildTrafficScenarios } = await import("../prisma/tools/generate-traffic-scenarios");
  const { baselinePrices } = await import("../prisma/tools/generate-traffic-scenarios");
  type RecordInput = import("../lib/ledger/record").DecisionRecordInput;
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
function runPhase(phase: string, databaseUrl: string, label = ""): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, "--phase", phase, label], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, DECISION_PURGE_INTERVAL_MINUTES: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      for (const line of text.split("\n")) if (line && !line.startsWith("@@RESULT ")) console.log(line);
    });
    child.on("exit", (code) => {
      const line = out.split("\n").find((candidate) => candidate.startsWith("@@RESULT "));
      if (code !== 0 || !line) reject(new Error(`phase ${phase} failed (exit ${code})`));
      else resolve(JSON.parse(line.slice("@@RESULT ".length)) as Record<string, unknown>);
    });
  });
}

async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { createScratchDatabase, applyMigrations, DEFAULT_ADMIN_URL } = await import("../lib/testing/database");
  const database = await createScratchDatabase("switchyard_bench_scale", process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL);
  try {
    await applyMigrations(database.url);
    await new Promise<void>((resolve, reject) => {
      const seed = spawn("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: database.url, SEED_ADMIN_PASSWORD: "bench-password-1", SEED_USER_PASSWORD: "bench-password-1" },
        stdio: "ignore",
      });
      seed.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed failed (exit ${code})`))));
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return { url: database.url, drop: database.drop };
}

async function main() {
  const phaseIndex = process.argv.indexOf("--phase");
  if (phaseIndex >= 0) {
    const phase = process.argv[phaseIndex + 1];
    const result = phase === "read" ? await readPhase() : await writePhase(process.argv[phaseIndex + 2] ?? "");
    console.log(`@@RESULT ${JSON.stringify(result)}`);
    process.exit(0);
  }
  const phases = (process.env.BENCH_PHASES ?? "read,write").split(",").map((phase) => phase.trim());
  const report: Record<string, unknown> = { machine: machineInfo(), settings: { runs: RUNS, writeBatches: WRITE_BATCHES, batchSize: BATCH_SIZE, scaleDatabase: SCALE_URL.replace(/\/\/[^@]*@/, "//") } };
  console.log(`bench/scale.ts — ${loadLine()}`);
  if (phases.includes("write")) {
    console.log("Write path (writeDecisionBatch):");
    const empty = await emptyDatabase();
    try {
      report.writeEmpty = await runPhase("write", empty.url, "empty");
    } finally {
      await empty.drop();
    }
    report.writeScale = await runPhase("write", SCALE_URL, "scale");
  }
  if (phases.includes("read")) {
    console.log("Read path (Costs queries, Decisions list):");
    report.read = await runPhase("read", SCALE_URL);
  }
  report.finishedAt = new Date().toISOString();

  const read = report.read as { results: CaseResult[] } | undefined;
  if (read) {
    console.log("\nServer time per call (ms):\n");
    console.log(table([["case", "runs", "p50", "p95", "max", "rows"], ...read.results.map((r) => [`${r.group} · ${r.name}`, r.runs, r.p50, r.p95, r.max, r.rows ?? ""])]));
    const slow = read.results.filter((r) => r.p95 > 300 && !r.group.includes("whole page"));
    console.log(slow.length === 0 ? "\nEvery Costs query and Decisions list read: p95 ≤ 300 ms." : `\nOver 300 ms p95: ${slow.map((r) => `${r.group} · ${r.name} (${r.p95} ms)`).join("; ")}`);
  }
  for (const key of ["writeEmpty", "writeScale"] as const) {
    const write = report[key] as { database: string; recordsBefore: number; p50: number; p95: number; recordsPerSecond: number } | undefined;
    if (write) console.log(`write ${write.database} (${write.recordsBefore.toLocaleString("en-US")} records before): p50 ${write.p50} ms, p95 ${write.p95} ms per batch of ${BATCH_SIZE}, ${Math.round(write.recordsPerSecond)} records/s`);
  }
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `scale-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`\nResults: ${path.relative(ROOT, file)}`);
}

if (!rerunWithReactServer()) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
