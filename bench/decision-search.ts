// bench/decision-search.ts — the decision log's "cost from" filter, count and grouping, with and
// without the costUsd index (migration 20261203114557_decision_cost_index).
//
//   DECISION_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<db> npx tsx bench/decision-search.ts
//
// The database needs synthetic traffic: migrate, seed, then
//   npm run db:generate-traffic -- --requests 1000000 --days 30 --seed 0.42
// Each case runs the SQL the page runs (lib/analytics/decisions/list-decisions.ts, summarise-decisions.ts).
// "before" runs inside a transaction that drops the index and restores the default statistics
// (ANALYZE), then rolls back — the database is left as it was. Warm-up 2, then BENCH_RUNS runs.
import pg from "pg";
import { loadLine, machineInfo } from "./lib/machine";
import { summarise } from "./lib/stats";

const URL = process.env.DECISION_BENCH_DATABASE_URL;
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
if (!URL) {
  console.error("Set DECISION_BENCH_DATABASE_URL to a database holding synthetic traffic (see the header).");
  process.exit(2);
}

const COLUMNS = `id::text AS id, "createdAt", "featureKey", "apiKeyPrefix", endpoint, "requestedModel", "dataClass", "tierKey", "modelAlias", "providerKey",
  status::text AS status, "httpStatus", "refusalConstraint", "errorCode", "escalationReason", jsonb_array_length(fallbacks) AS "fallbackCount",
  "latencyMs", "ttftMs", "costUsd", "baselineCostUsd", findings, "dryRun", synthetic`;

const CASES: Array<[string, string, unknown[]]> = [
  ...[0.01, 0.1, 0.5, 1, 2, 5].map((cost): [string, string, unknown[]] => [`first page, cost from $${cost}`, `SELECT ${COLUMNS} FROM "DecisionRecord" WHERE "costUsd" >= $1 ORDER BY "createdAt" DESC, id DESC LIMIT 51`, [cost]]),
  ["count (capped at 10,000), cost from $1", `SELECT count(*)::int FROM (SELECT 1 FROM "DecisionRecord" WHERE "costUsd" >= $1 LIMIT 10001) m`, [1]],
  ["count (capped at 10,000), no filter", `SELECT count(*)::int FROM (SELECT 1 FROM "DecisionRecord" LIMIT 10001) m`, []],
  ["group by model, cost from $0.5", `SELECT "modelAlias", count(*) FROM "DecisionRecord" WHERE "costUsd" >= $1 GROUP BY 1 ORDER BY 2 DESC LIMIT 51`, [0.5]],
  ["group by constraint, refused, last 7 days", `SELECT "refusalConstraint", count(*) FROM "DecisionRecord" WHERE status = 'refused' AND "createdAt" >= now() - interval '7 days' GROUP BY 1 ORDER BY 2 DESC LIMIT 51`, []],
];

async function time(client: pg.Client, sql: string, params: unknown[]): Promise<{ p50: number; max: number }> {
  for (let i = 0; i < 2; i++) await client.query(sql, params);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await client.query(sql, params);
    samples.push(performance.now() - started);
  }
  const summary = summarise(samples);
  return { p50: Math.round(summary.p50 * 10) / 10, max: Math.round(summary.max * 10) / 10 };
}

async function main() {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "DecisionRecord"`);
  console.log(`decision-search bench: ${rows[0]!.n.toLocaleString("en-US")} records, ${RUNS} runs per case, ${machineInfo().cpus} cores, ${loadLine()}`);
  const results: Array<{ name: string; before: { p50: number; max: number }; after: { p50: number; max: number } }> = [];
  for (const [name, sql, params] of CASES) {
    await client.query("BEGIN");
    await client.query(`DROP INDEX IF EXISTS "DecisionRecord_costUsd_idx"`);
    await client.query(`ALTER TABLE "DecisionRecord" ALTER COLUMN "costUsd" SET STATISTICS -1`);
    await client.query(`ANALYZE "DecisionRecord" ("costUsd")`);
    const before = await time(client, sql, params);
    await client.query("ROLLBACK");
    // The rollback restored the index and the finer statistics; re-analyse with them.
    await client.query(`ANALYZE "DecisionRecord" ("costUsd")`);
    const after = await time(client, sql, params);
    results.push({ name, before, after });
    console.log(`  ${name.padEnd(46)} before p50 ${String(before.p50).padStart(8)} ms (max ${before.max})   after p50 ${String(after.p50).padStart(7)} ms (max ${after.max})`);
  }
  await client.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
