import "server-only";
// Budgets across instances: with REDIS_URL, each feature's month-to-date spend and the
// reservations of its requests in flight live in Redis, and "admit iff spent + reserved <
// budget, then reserve" is one Lua script, so two instances cannot both admit the request that
// crosses the budget. Amounts are integer nano-dollars (exact in Lua's doubles up to $9M).
// A feature's counter starts (SET NX) from the database's rollup total the first time it is
// used in a month. Redis unreachable → this instance counts locally from the last known totals
// (logged once, shown in health) until Redis answers again.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { LocalSpendCounter, monthStart, type Reservation, type SpendCounter, type Totals } from "./spend-counter";

const NANO = 1e9;
const toNano = (usd: number) => Math.max(0, Math.round(usd * NANO));
/** A reservation older than this (a request that never settled: its process died) stops counting. */
const RESERVATION_TTL_MS = 10 * 60_000;
const KEY_TTL_SECONDS = 40 * 24 * 3600;
const COMMAND_TIMEOUT_MS = 250;

// KEYS: spent, reservations. ARGV: now, id, amount, budget, expiry, initial spent, key ttl.
const RESERVE = `
redis.call('SET', KEYS[1], ARGV[6], 'NX', 'EX', ARGV[7])
local spent = tonumber(redis.call('GET', KEYS[1]))
local reserved = 0
local entries = redis.call('HGETALL', KEYS[2])
for i = 1, #entries, 2 do
  local amount, expiry = string.match(entries[i + 1], '(%d+):(%d+)')
  if tonumber(expiry) < tonumber(ARGV[1]) then redis.call('HDEL', KEYS[2], entries[i]) else reserved = reserved + tonumber(amount) end
end
if spent + reserved >= tonumber(ARGV[4]) then return {0, tostring(spent), tostring(reserved)} end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3] .. ':' .. ARGV[5])
redis.call('EXPIRE', KEYS[2], ARGV[7])
return {1, tostring(spent), tostring(reserved + tonumber(ARGV[3]))}
`;

// KEYS: spent, reservations. ARGV: id ('' = none), cost, initial spent, key ttl.
const SETTLE = `
if ARGV[1] ~= '' then redis.call('HDEL', KEYS[2], ARGV[1]) end
redis.call('SET', KEYS[1], ARGV[3], 'NX', 'EX', ARGV[4])
return redis.call('INCRBY', KEYS[1], ARGV[2])
`;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not answer within ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

export class RedisSpendCounter implements SpendCounter {
  /** Spent + reserved per feature as Redis last said, for the engine's view between calls. */
  private shared: Totals = {};
  private sharedMonth = "";
  private degraded = false;

  constructor(
    private readonly redis: Redis,
    private readonly local: LocalSpendCounter = new LocalSpendCounter(),
    private readonly prefix = "switchyard:budget",
  ) {
    redis.on("error", () => {
      // Reported once per outage by fellBack, not per reconnect attempt.
    });
  }

  ensureRead(now: Date): Promise<void> {
    return this.local.ensureRead(now);
  }

  snapshot(now: Date): Totals {
    const totals = this.local.snapshot(now);
    if (this.degraded || this.sharedMonth !== monthStart(now).toISOString()) return totals;
    // Redis counts every instance; the local view counts this one and the database. The larger is the safer.
    for (const [feature, amount] of Object.entries(this.shared)) totals[feature] = Math.max(totals[feature] ?? 0, amount);
    return totals;
  }

  async reserve(featureKey: string, amountUsd: number, budgetUsd: number, now: Date): Promise<Reservation | null> {
    const month = monthStart(now).toISOString();
    // Unique across instances (every container may be pid 1).
    const id = randomUUID();
    // The local view's total without reservations seeds a counter Redis does not have yet.
    const initial = toNano(this.local.spentWithoutReservations(now)[featureKey] ?? 0);
    try {
      const [admitted, spent, reserved] = (await withTimeout(
        this.redis.eval(RESERVE, 2, this.key("spent", month, featureKey), this.key("reserved", month, featureKey), now.getTime(), id, toNano(amountUsd), toNano(budgetUsd), now.getTime() + RESERVATION_TTL_MS, initial, KEY_TTL_SECONDS),
      )) as [number, string, string];
      this.recovered();
      this.remember(month, featureKey, (Number(spent) + Number(reserved)) / NANO);
      if (admitted !== 1) return null;
      // Also held locally, so a fallback mid-request still counts it.
      const local = this.local.reserveNow(featureKey, amountUsd, Number.POSITIVE_INFINITY, now);
      return { id, featureKey, amountUsd, month, ...(local ? { localId: local.id } : {}) } as Reservation;
    } catch (error) {
      this.fellBack(error);
      return this.local.reserveNow(featureKey, amountUsd, budgetUsd, now);
    }
  }

  settle(reservation: Reservation | null, featureKey: string | null, costUsd: number | null): void {
    const localId = (reservation as (Reservation & { localId?: string }) | null)?.localId;
    this.local.settle(reservation && localId ? { ...reservation, id: localId } : reservation, featureKey, costUsd);
    if (!featureKey || (!reservation && !costUsd)) return;
    const month = reservation?.month ?? monthStart(new Date()).toISOString();
    const initial = toNano(this.local.spentWithoutReservations(new Date())[featureKey] ?? 0);
    const sharedId = localId ? reservation!.id : "";
    withTimeout(this.redis.eval(SETTLE, 2, this.key("spent", month, featureKey), this.key("reserved", month, featureKey), sharedId, toNano(costUsd ?? 0), initial, KEY_TTL_SECONDS))
      .then((spent) => {
        this.recovered();
        this.remember(month, featureKey, Number(spent) / NANO);
      })
      .catch((error: unknown) => this.fellBack(error));
  }

  countReplayed(record: DecisionRecordInput): void {
    // Redis counted it when the previous process settled it.
    this.local.countReplayed(record);
  }

  written(records: readonly DecisionRecordInput[]): void {
    this.local.written(records);
  }

  mode() {
    return { shared: !this.degraded, degraded: this.degraded };
  }

  private key(kind: "spent" | "reserved", month: string, featureKey: string): string {
    return `${this.prefix}:${month.slice(0, 7)}:${kind}:${featureKey}`;
  }

  private remember(month: string, featureKey: string, totalUsd: number) {
    if (month !== this.sharedMonth) {
      this.sharedMonth = month;
      this.shared = {};
    }
    this.shared[featureKey] = totalUsd;
  }

  private fellBack(error: unknown) {
    if (this.degraded) return;
    this.degraded = true;
    console.error("[switchyard] Redis unreachable: budgets are counted by this instance alone, from the last known totals, until it answers", error instanceof Error ? error.message : error);
  }

  private recovered() {
    if (!this.degraded) return;
    this.degraded = false;
    console.log("[switchyard] Redis reachable again: budgets are counted across instances");
  }
}
