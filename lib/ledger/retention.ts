import "server-only";
// Retention of raw decision records: records older than DECISION_RETENTION_DAYS are deleted in
// small batches (each its own short transaction, oldest first, along the createdAt index), so a
// purge never holds long locks or bloats one huge transaction while the gateway keeps writing.
// The hourly and daily rollups are never touched: totals outlive the raw records.
import { getDb, Prisma } from "@/lib/db";
import { retentionCutoff } from "./retention-cutoff";

export interface PurgeOptions {
  retentionDays: number;
  now?: Date;
  /** Records per DELETE. */
  batchSize?: number;
  /** Stop after this many batches (the periodic job bounds its work per run); default: until done. */
  maxBatches?: number;
  /** Pause between batches, to leave the database to the gateway. */
  pauseMs?: number;
  onBatch?: (deletedSoFar: number) => void;
}

export interface PurgeResult {
  cutoff: Date;
  deleted: number;
  /** False when maxBatches stopped the purge before every expired record was gone. */
  complete: boolean;
}

export async function purgeExpiredDecisions(options: PurgeOptions): Promise<PurgeResult> {
  const cutoff = retentionCutoff(options.now ?? new Date(), options.retentionDays);
  const batchSize = options.batchSize ?? 5_000;
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const db = getDb();
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await db.$executeRaw(Prisma.sql`
      DELETE FROM "DecisionRecord" WHERE id IN (
        SELECT id FROM "DecisionRecord" WHERE "createdAt" < ${cutoff} ORDER BY "createdAt", id LIMIT ${batchSize}
      )`);
    deleted += count;
    options.onBatch?.(deleted);
    if (count < batchSize) return { cutoff, deleted, complete: true };
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  return { cutoff, deleted, complete: false };
}
