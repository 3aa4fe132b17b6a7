// npm run db:purge-decisions [-- --days N] [-- --dry-run]
//
// Deletes raw decision records older than the retention (DECISION_RETENTION_DAYS, default 90, or
// --days), in batches of 5,000, oldest first; the hourly and daily rollups keep their totals. Every
// process that writes decision records already does this hourly (lib/ledger/retention-schedule.ts);
// this command is for cron, for a first purge after lowering the retention, and for checking what
// would go (--dry-run counts along the createdAt index and deletes nothing).
import { disconnectDb, getDb } from "../../lib/db";
import { env } from "../../lib/env";
import { purgeExpiredDecisions } from "../../lib/ledger/retention";
import { retentionCutoff } from "../../lib/ledger/retention-cutoff";

const formatInt = (value: number) => new Intl.NumberFormat("en-US").format(value);

async function main() {
  const argv = process.argv.slice(2);
  const daysArg = argv.indexOf("--days");
  const retentionDays = daysArg >= 0 ? Number(argv[daysArg + 1]) : env.DECISION_RETENTION_DAYS;
  const cutoff = retentionCutoff(new Date(), retentionDays);
  if (argv.includes("--dry-run")) {
    const expired = await getDb().decisionRecord.count({ where: { createdAt: { lt: cutoff } } });
    console.log(`${formatInt(expired)} decision records are older than ${retentionDays} days (before ${cutoff.toISOString()}); nothing deleted (--dry-run).`);
    return;
  }
  console.log(`Deleting decision records older than ${retentionDays} days (before ${cutoff.toISOString()}); rollups are kept…`);
  const started = performance.now();
  let last = 0;
  const result = await purgeExpiredDecisions({
    retentionDays,
    onBatch: (deleted) => {
      if (deleted - last >= 100_000) {
        last = deleted;
        console.log(`  ${formatInt(deleted)} deleted`);
      }
    },
  });
  console.log(`Done: ${formatInt(result.deleted)} records deleted in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main()
  .then(() => disconnectDb())
  .catch(async (error: unknown) => {
    console.error("Purge failed:", error instanceof Error ? error.message : error);
    await disconnectDb();
    process.exit(1);
  });
