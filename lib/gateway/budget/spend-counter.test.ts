import { describe, expect, it } from "vitest";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { LocalSpendCounter, type Totals } from "./spend-counter";

const now = new Date(Date.UTC(2026, 11, 3, 12));
const record = (featureKey: string, costUsd: number) => ({ id: `${featureKey}-${costUsd}`, featureKey, costUsd, createdAt: now }) as unknown as DecisionRecordInput;

/** A database whose rollup totals the test sets, read on demand. */
function database(initial: Totals) {
  const state = { totals: initial, reads: 0 };
  return { state, read: async () => (state.reads++, { ...state.totals }) };
}

describe("LocalSpendCounter", () => {
  it("keeps spend the write queue has not flushed through a re-read of the rollups", async () => {
    const db = database({ reports: 1 });
    const counter = new LocalSpendCounter(0, db.read);
    await counter.ensureRead(now);
    counter.settle(null, "reports", 0.25);
    // The re-read sees the old total: the 0.25 is not in the database yet, and must not vanish.
    await (counter as unknown as { reread(now: Date): Promise<void> }).reread(now);
    expect(counter.snapshot(now).reports).toBeCloseTo(1.25);
    // Written, then read again: counted once.
    counter.written([record("reports", 0.25)]);
    expect(counter.snapshot(now).reports).toBeCloseTo(1.25);
    db.state.totals = { reports: 1.25 };
    await (counter as unknown as { reread(now: Date): Promise<void> }).reread(now);
    expect(counter.snapshot(now).reports).toBeCloseTo(1.25);
  });

  it("admits a reservation only while spent + reserved is below the budget, and releases it on settle", async () => {
    const counter = new LocalSpendCounter(60_000, database({ reports: 9 }).read);
    await counter.ensureRead(now);
    const first = await counter.reserve("reports", 0.6, 10, now);
    const second = await counter.reserve("reports", 0.6, 10, now);
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(await counter.reserve("reports", 0.6, 10, now)).toBeNull();
    expect(counter.snapshot(now).reports).toBeCloseTo(10.2);
    counter.settle(first, "reports", 0.1);
    counter.settle(second, "reports", 0.1);
    expect(counter.snapshot(now).reports).toBeCloseTo(9.2);
    expect(await counter.reserve("reports", 0.6, 10, now)).not.toBeNull();
  });

  it("starts a new month from zero, and ignores the old month's reservations settling late", async () => {
    const counter = new LocalSpendCounter(60_000, async () => ({}));
    await counter.ensureRead(now);
    const late = await counter.reserve("reports", 5, 10, now);
    const nextMonth = new Date(Date.UTC(2027, 0, 1, 0, 0, 1));
    await counter.ensureRead(nextMonth);
    counter.settle(late, null, null);
    expect(counter.snapshot(nextMonth)).toEqual({});
  });
});
