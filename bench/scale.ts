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
import { BATCH_SIZE, DAY_MS, measure, RUNS, SCALE_URL, WRITE_BATCHES, type CaseResult } from "./lib/scale-kit";
import { writePhase } from "./lib/scale-write";
import { table } from "./lib/stats";

const BENCH_DIR = import.meta.dirname ?? __dirname;
const ROOT = path.resolve(BENCH_DIR, "..");
const RESULTS = path.join(BENCH_DIR, "results");
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
