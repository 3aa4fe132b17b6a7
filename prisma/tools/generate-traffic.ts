// npm run db:generate-traffic -- --requests 10000000 --days 90
//
// Writes realistic synthetic decision records (synthetic = true) straight into the database, with
// their hourly and daily rollups, for dashboards, audits and scale tests. The request mix comes
// from generate-traffic-scenarios.ts: request shapes decided by the real policy engine under the
// published policy, so traces, candidates, escalation reasons and refusals are true to the router;
// costs use the published prices and the baseline model's. Rows are made by the database itself,
// one UTC day per statement: generate_series draws the requests of each hour (a weekday/daytime
// curve with growth), picks a scenario per row, draws tokens and latencies, inserts, and folds
// the inserted rows into both rollup tables in the same statement (traffic/day-sql.ts). No per-row
// round trips.
//
// Options: --requests N (100000)  --days D (30)  --end ISO time (now)  --unpriced-share S (0.03)
//          --seed X (0..1, repeatable randomness)  --skip-if-present (do nothing when synthetic
//          records exist already: lets several test files ask for traffic without doubling it)
// Undo: npm run db:delete-synthetic (prisma/tools/delete-synthetic.ts).
import pg from "pg";
import { env } from "../../lib/env";
import { LATENCY_BUCKET_BOUNDS_MS } from "../../lib/ledger/histogram";
import type { PolicySnapshot } from "../../lib/routing/types";
import { baselinePrices, buildTrafficScenarios } from "./generate-traffic-scenarios";
import { DAY_SQL } from "./traffic/day-sql";
import { DAY_MS, HOUR_MS, hourlyCounts, parseArgs, seededRandom, type GenerateOptions } from "./traffic/options";
import { ensureSyntheticKeys, loadScenarios } from "./traffic/scenario-table";

export { ENDPOINT_SHARES } from "./traffic/day-sql";
export { hourlyCounts, parseArgs, type GenerateOptions } from "./traffic/options";

async function latestSnapshot(client: pg.Client): Promise<PolicySnapshot> {
  const { rows } = await client.query<{ snapshot: PolicySnapshot }>(`SELECT snapshot FROM "PolicyVersion" ORDER BY number DESC LIMIT 1`);
  if (!rows[0]) throw new Error("No published policy: run `npm run db:seed` first.");
  return rows[0].snapshot;
}

const formatInt = (value: number) => new Intl.NumberFormat("en-US").format(value);

export async function generateTraffic(options: GenerateOptions, log: (line: string) => void = console.log): Promise<{ records: number; seconds: number }> {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run through `npm run db:generate-traffic` (prisma/tools/with-database.ts).");
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const started = performance.now();
  try {
    await client.query(`SET TIME ZONE 'UTC'`);
    // Losing the last moments of a synthetic run in a crash is harmless; waiting for each flush is not.
    await client.query(`SET synchronous_commit = off`);
    if (options.skipIfPresent) {
      const { rowCount } = await client.query(`SELECT 1 FROM "DecisionRecord" WHERE synthetic LIMIT 1`);
      if (rowCount) {
        log("Synthetic traffic is present already; nothing generated (--skip-if-present).");
        return { records: 0, seconds: 0 };
      }
    }
    if (options.seed !== null) await client.query(`SELECT setseed($1)`, [options.seed * 2 - 1]);
    const snapshot = await latestSnapshot(client);
    const keys = await ensureSyntheticKeys(client, snapshot);
    const scenarios = buildTrafficScenarios(snapshot, options.end, { unpricedShare: options.unpricedShare });
    await loadScenarios(client, scenarios, keys);
    const baseline = baselinePrices(snapshot);
    log(`Policy version ${snapshot.version}: ${formatInt(scenarios.length)} request scenarios decided by the policy engine; baseline ${snapshot.baselineModelAlias ?? "none"}.`);

    const endHour = Math.floor(options.end.getTime() / HOUR_MS) * HOUR_MS;
    const hours = Math.max(1, Math.round(options.days * 24));
    const start = new Date(endHour - hours * HOUR_MS);
    const counts = hourlyCounts(start, hours, options.requests, options.seed === null ? Math.random : seededRandom(options.seed));
    // Group hours into UTC days: one statement (and one transaction) per day.
    const days = new Map<number, { hours: string[]; counts: number[] }>();
    counts.forEach((count, i) => {
      const at = start.getTime() + i * HOUR_MS;
      const day = Math.floor(at / DAY_MS);
      const entry = days.get(day) ?? { hours: [], counts: [] };
      entry.hours.push(new Date(at).toISOString());
      entry.counts.push(count);
      days.set(day, entry);
    });
    log(`Writing ${formatInt(options.requests)} records from ${start.toISOString()} to ${new Date(endHour).toISOString()} (${days.size} days)…`);
    let written = 0;
    let dayIndex = 0;
    for (const [day, entry] of days) {
      dayIndex += 1;
      const dayStarted = performance.now();
      const { rows } = await client.query<{ records: number; hourly: number; daily: number }>(DAY_SQL, [
        entry.hours,
        entry.counts,
        keys.shared.id,
        keys.shared.prefix,
        baseline?.input ?? null,
        baseline?.output ?? null,
        [...LATENCY_BUCKET_BOUNDS_MS],
      ]);
      written += rows[0]!.records;
      const elapsed = (performance.now() - started) / 1000;
      const rate = written / elapsed;
      const eta = (options.requests - written) / Math.max(rate, 1);
      log(
        `  ${new Date(day * DAY_MS).toISOString().slice(0, 10)}  day ${String(dayIndex).padStart(3)}/${days.size}  ${formatInt(rows[0]!.records).padStart(9)} records in ${((performance.now() - dayStarted) / 1000).toFixed(1)} s` +
          `  total ${formatInt(written)} (${((written / options.requests) * 100).toFixed(1)}%, ${formatInt(Math.round(rate))}/s, ~${Math.round(eta)} s left)`,
      );
    }
    log("Updating planner statistics…");
    await client.query(`ANALYZE "DecisionRecord"`);
    await client.query(`ANALYZE "UsageRollup"`);
    await client.query(`ANALYZE "DailyUsageRollup"`);
    const seconds = (performance.now() - started) / 1000;
    log(`Done: ${formatInt(written)} synthetic records in ${seconds.toFixed(1)} s (${formatInt(Math.round(written / seconds))}/s). Remove them with npm run db:delete-synthetic.`);
    return { records: written, seconds };
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generateTraffic(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error("Traffic generation failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
