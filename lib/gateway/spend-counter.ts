import "server-only";
import { getDb } from "@/lib/db";

export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Month-to-date spend per feature, for budgets. The database total (from the hourly rollups,
 * which every instance writes) is re-read periodically; what this process spent since that
 * read is added on top, so a budget reacts to this process's own traffic at once.
 */
export class SpendCounter {
  private fromDatabase: Record<string, number> = {};
  private sinceRead: Record<string, number> = {};
  private month = "";
  private readAt = 0;
  private reading: Promise<void> | null = null;

  constructor(private readonly rereadMs = 15_000) {}

  /** Current month-to-date spend; triggers a background re-read when stale. */
  snapshot(now: Date): Record<string, number> {
    const month = monthStart(now).toISOString();
    if (month !== this.month) {
      // A new month: budgets start from zero until the database says otherwise.
      this.month = month;
      this.fromDatabase = {};
      this.sinceRead = {};
      this.readAt = 0;
    }
    if (now.getTime() - this.readAt > this.rereadMs) void this.reread(now);
    const totals: Record<string, number> = { ...this.fromDatabase };
    for (const [feature, spent] of Object.entries(this.sinceRead)) totals[feature] = (totals[feature] ?? 0) + spent;
    return totals;
  }

  add(featureKey: string | null, costUsd: number | null) {
    if (!featureKey || !costUsd) return;
    this.sinceRead[featureKey] = (this.sinceRead[featureKey] ?? 0) + costUsd;
  }

  /** Reads the totals now; the first request of a process waits for it so budgets hold from the start. */
  async ensureRead(now: Date): Promise<void> {
    if (this.readAt === 0 || this.month !== monthStart(now).toISOString()) await this.reread(now);
  }

  private reread(now: Date): Promise<void> {
    this.reading ??= (async () => {
      try {
        const rows = await getDb().usageRollup.groupBy({
          by: ["featureKey"],
          where: { hour: { gte: monthStart(now) }, synthetic: false },
          _sum: { costUsd: true },
        });
        this.month = monthStart(now).toISOString();
        this.fromDatabase = Object.fromEntries(rows.map((row) => [row.featureKey, row._sum.costUsd?.toNumber() ?? 0]));
        this.sinceRead = {};
        this.readAt = now.getTime();
      } catch (error) {
        console.error("[switchyard] could not read month-to-date spend; budgets use the last known totals", error);
        this.readAt = now.getTime();
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }
}
