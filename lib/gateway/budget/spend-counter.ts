import "server-only";
import { getDb } from "@/lib/db";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { reportDatabaseDown } from "../instance/database-status";

export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** Worst-case cost held against a feature's budget while its request runs. */
export interface Reservation {
  id: string;
  featureKey: string;
  amountUsd: number;
  month: string;
}

export type Totals = Record<string, number>;

/**
 * Month-to-date spend per feature for budgets, and the reservations of requests in flight.
 * Every request of a feature with a budget reserves its worst-case cost before calling a model
 * (admitted only while spent + reserved < budget) and settles the real cost after, so N
 * concurrent requests at budget − ε cannot all pass: the overshoot is at most one request's
 * worst case.
 */
export interface SpendCounter {
  /** Waits for the first read of the month's totals, so budgets hold from a process's first request. */
  ensureRead(now: Date): Promise<void>;
  /** Spent + reserved per feature, as the engine should see it now. */
  snapshot(now: Date): Totals;
  /** Reserves, or null when spent + reserved has reached the budget (the request is over budget). */
  reserve(featureKey: string, amountUsd: number, budgetUsd: number, now: Date): Promise<Reservation | null>;
  /** The request ended: its reservation is released and its real cost (if any) counted. */
  settle(reservation: Reservation | null, featureKey: string | null, costUsd: number | null): void;
  /** A record a previous process journaled (and counted wherever it counted): this process counts it locally until written. */
  countReplayed(record: DecisionRecordInput): void;
  /** Records now in PostgreSQL (the ledger's drain). */
  written(records: readonly DecisionRecordInput[]): void;
  /** How counting works right now, for health and the console. */
  mode(): { shared: boolean; degraded: boolean };
}

const add = (totals: Totals, key: string, amount: number) => {
  totals[key] = (totals[key] ?? 0) + amount;
  if (Math.abs(totals[key]!) < 1e-12) delete totals[key];
};

/** The database's month-to-date totals per feature, from the hourly rollups every instance writes. */
export async function readRollupTotals(now: Date): Promise<Totals> {
  const rows = await getDb().usageRollup.groupBy({
    by: ["featureKey"],
    where: { hour: { gte: monthStart(now) }, synthetic: false },
    _sum: { costUsd: true },
  });
  return Object.fromEntries(rows.map((row) => [row.featureKey, row._sum.costUsd?.toNumber() ?? 0]));
}

/**
 * Counting in this process: the database total (re-read periodically; other instances' spend
 * arrives through it), plus what this process spent that the database has not shown yet, plus
 * its reservations. A re-read never drops spend the write queue has not flushed: only records
 * the queue reports written before the read began are taken as included in it.
 */
export class LocalSpendCounter implements SpendCounter {
  private fromDatabase: Totals = {};
  /** Counted here, not yet written to the database. */
  private unwritten: Totals = {};
  /** Written since the last read began (possibly not in that read's totals: counted, conservatively). */
  private writtenSinceRead: Totals = {};
  private reserved: Totals = {};
  private readonly open = new Map<string, Reservation>();
  private month = "";
  private readAt = 0;
  private reading: Promise<void> | null = null;
  private sequence = 0;

  constructor(
    private readonly rereadMs = 15_000,
    private readonly readTotals: (now: Date) => Promise<Totals> = readRollupTotals,
  ) {}

  snapshot(now: Date): Totals {
    this.turnMonth(now);
    if (now.getTime() - this.readAt > this.rereadMs) void this.reread(now);
    const totals: Totals = { ...this.fromDatabase };
    for (const part of [this.writtenSinceRead, this.unwritten, this.reserved]) for (const [feature, amount] of Object.entries(part)) add(totals, feature, amount);
    return totals;
  }

  /** Spent per feature without the reservations in flight (what seeds a shared counter). */
  spentWithoutReservations(now: Date): Totals {
    const totals = this.snapshot(now);
    for (const [feature, amount] of Object.entries(this.reserved)) add(totals, feature, -amount);
    return totals;
  }

  async ensureRead(now: Date): Promise<void> {
    this.turnMonth(now);
    if (this.readAt === 0) await this.reread(now);
  }

  async reserve(featureKey: string, amountUsd: number, budgetUsd: number, now: Date): Promise<Reservation | null> {
    return this.reserveNow(featureKey, amountUsd, budgetUsd, now);
  }

  /** Synchronous: between reading the total and adding the reservation no other request runs. */
  reserveNow(featureKey: string, amountUsd: number, budgetUsd: number, now: Date): Reservation | null {
    const current = this.snapshot(now)[featureKey] ?? 0;
    if (current >= budgetUsd) return null;
    const reservation: Reservation = { id: `${process.pid}-${++this.sequence}`, featureKey, amountUsd, month: this.month };
    add(this.reserved, featureKey, amountUsd);
    this.open.set(reservation.id, reservation);
    return reservation;
  }

  settle(reservation: Reservation | null, featureKey: string | null, costUsd: number | null): void {
    if (reservation && this.open.delete(reservation.id) && reservation.month === this.month) add(this.reserved, reservation.featureKey, -reservation.amountUsd);
    if (featureKey && costUsd) add(this.unwritten, featureKey, costUsd);
  }

  countReplayed(record: DecisionRecordInput): void {
    if (record.featureKey && record.costUsd && monthStart(record.createdAt).toISOString() === this.month) add(this.unwritten, record.featureKey, record.costUsd);
  }

  written(records: readonly DecisionRecordInput[]): void {
    for (const record of records) {
      if (!record.featureKey || !record.costUsd) continue;
      // A record of an earlier month (replayed after a restart) no longer counts here.
      if (monthStart(record.createdAt).toISOString() !== this.month) continue;
      add(this.unwritten, record.featureKey, -record.costUsd);
      add(this.writtenSinceRead, record.featureKey, record.costUsd);
    }
  }

  mode() {
    return { shared: false, degraded: false };
  }

  private turnMonth(now: Date) {
    const month = monthStart(now).toISOString();
    if (month === this.month) return;
    // A new month: budgets start from zero until the database says otherwise.
    this.month = month;
    this.fromDatabase = {};
    this.unwritten = {};
    this.writtenSinceRead = {};
    this.reserved = {};
    this.open.clear();
    this.readAt = 0;
  }

  private reread(now: Date): Promise<void> {
    this.reading ??= (async () => {
      const month = this.month;
      // What was written before this read began is in its totals; what is written during it may not be.
      const before = { ...this.writtenSinceRead };
      try {
        const totals = await this.readTotals(now);
        if (month !== this.month) return;
        this.fromDatabase = totals;
        for (const [feature, amount] of Object.entries(before)) add(this.writtenSinceRead, feature, -amount);
      } catch (error) {
        reportDatabaseDown(error, "reading month-to-date spend");
      } finally {
        this.readAt = now.getTime();
        this.reading = null;
      }
    })();
    return this.reading;
  }
}
