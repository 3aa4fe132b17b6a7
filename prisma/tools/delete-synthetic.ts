// npm run db:delete-synthetic — removes everything the traffic generator wrote: synthetic decision
// records (one UTC day per DELETE, along the createdAt index, so no statement holds locks for
// long), synthetic hourly and daily rollup rows, and the generator's API keys. Real traffic and its
// rollups are untouched: synthetic is part of every rollup key, so no row mixes the two.
import pg from "pg";
import { env } from "../../lib/env";

const DAY_MS = 86_400_000;
const formatInt = (value: number) => new Intl.NumberFormat("en-US").format(value);

export async function deleteSynthetic(log: (line: string) => void = console.log): Promise<{ records: number; rollups: number; keys: number }> {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run through `npm run db:delete-synthetic` (prisma/tools/with-database.ts).");
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const started = performance.now();
  try {
    await client.query(`SET synchronous_commit = off`);
    // The oldest and newest records, from the createdAt index (no scan of the table).
    const { rows } = await client.query<{ first: Date | null; last: Date | null }>(
      `SELECT (SELECT "createdAt" FROM "DecisionRecord" ORDER BY "createdAt" ASC, id ASC LIMIT 1) AS first,
              (SELECT "createdAt" FROM "DecisionRecord" ORDER BY "createdAt" DESC, id DESC LIMIT 1) AS last`,
    );
    let records = 0;
    const { first, last } = rows[0] ?? { first: null, last: null };
    if (first && last) {
      const days = Math.floor(last.getTime() / DAY_MS) - Math.floor(first.getTime() / DAY_MS) + 1;
      log(`Deleting synthetic decision records between ${first.toISOString()} and ${last.toISOString()} (${days} days)…`);
      for (let day = Math.floor(first.getTime() / DAY_MS), index = 1; day * DAY_MS <= last.getTime(); day++, index++) {
        const result = await client.query(`DELETE FROM "DecisionRecord" WHERE synthetic AND "createdAt" >= $1 AND "createdAt" < $2`, [new Date(day * DAY_MS), new Date((day + 1) * DAY_MS)]);
        records += result.rowCount ?? 0;
        if ((result.rowCount ?? 0) > 0 || index === days) log(`  ${new Date(day * DAY_MS).toISOString().slice(0, 10)}  day ${index}/${days}  ${formatInt(result.rowCount ?? 0)} deleted, ${formatInt(records)} so far`);
      }
    }
    const hourly = await client.query(`DELETE FROM "UsageRollup" WHERE synthetic`);
    const daily = await client.query(`DELETE FROM "DailyUsageRollup" WHERE synthetic`);
    // ApiKeyFeature rows go with their keys (ON DELETE CASCADE).
    const keys = await client.query(`DELETE FROM "ApiKey" WHERE id LIKE 'synthetic-key-%'`);
    const rollups = (hourly.rowCount ?? 0) + (daily.rowCount ?? 0);
    log(
      `Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${formatInt(records)} records, ${formatInt(rollups)} rollup rows and ${keys.rowCount ?? 0} synthetic keys deleted. ` +
        "Autovacuum reclaims the space; run VACUUM (ANALYZE) \"DecisionRecord\" to do it now.",
    );
    return { records, rollups, keys: keys.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  deleteSynthetic().catch((error: unknown) => {
    console.error("Deleting synthetic traffic failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
