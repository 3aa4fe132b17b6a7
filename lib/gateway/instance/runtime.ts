import "server-only";
import { createHash } from "node:crypto";
import path from "node:path";
import { apiError } from "@/lib/http/api-error";
import { DecisionJournal } from "@/lib/ledger/journal";
import { writeDecisionBatchIsolating } from "@/lib/ledger/write-batch";
import { WriteBehindQueue } from "@/lib/ledger/queue";
import { ensureRetentionSchedule } from "@/lib/ledger/retention-schedule";
import { spendWritten } from "@/lib/alerts/budget-watch";
import { circuitOpened } from "@/lib/alerts/circuit-watch";
import { ensureSpikeSchedule } from "@/lib/alerts/spike-watch";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { CircuitBreaker, type OpenedCircuit } from "@/lib/providers/resilience/circuit-breaker";
import { Redis } from "ioredis";
import { env } from "@/lib/env";
import { MemoryKeyRateLimiter, RedisKeyRateLimiter, type KeyRateLimiter } from "../admission/key-rate-limiter";
import { eventLoopDelay, InFlightLimit } from "../admission/admission";
import { announce, onEvent } from "./cluster-events";
import { reportDatabaseDown, reportDatabaseUp } from "./database-status";
import { PolicyStore } from "./policy-store";
import { RedisSpendCounter } from "../budget/redis-spend-counter";
import { LocalSpendCounter, type Reservation, type SpendCounter } from "../budget/spend-counter";

/** The gateway's in-process state: one per process (Next may evaluate this module twice). */
export interface GatewayRuntime {
  policy: PolicyStore;
  breaker: CircuitBreaker;
  spend: SpendCounter;
  keyLimits: KeyRateLimiter;
  ledger: WriteBehindQueue;
  journal: DecisionJournal;
  admission: InFlightLimit;
}

/**
 * One folder per instance and database (data/journal/<port>-<database hash>): two instances on
 * one machine never replay each other's records, and a journal is never replayed into another
 * database than the one its records were meant for.
 */
function journalDir(): string {
  if (env.JOURNAL_DIR) return env.JOURNAL_DIR;
  const database = createHash("sha256").update(env.DATABASE_URL ?? "").digest("hex").slice(0, 10);
  return path.join(process.cwd(), "data", "journal", `${env.PORT}-${database}`);
}

const globalForGateway = globalThis as unknown as { switchyardGateway?: GatewayRuntime };

function createRuntime(): GatewayRuntime {
  // The AI SDK logs a warning per call for settings a provider ignores; the decision trace is
  // where Switchyard explains itself, so keep the server log for real problems.
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
  const journal = new DecisionJournal({ dir: journalDir(), maxRecords: env.JOURNAL_MAX_RECORDS });
  const setAside = (record: DecisionRecordInput, error: unknown) => {
    const reason = error instanceof Error ? error.message.split("\n").filter(Boolean).slice(-1)[0] ?? error.name : String(error);
    console.error(`[switchyard] the database refused decision record ${record.id} for its content; kept in ${journal.stats().dir}/rejected.ndjson.txt`, reason);
    journal.setAside(record, reason);
  };
  const ledger = new WriteBehindQueue((records) => writeDecisionBatchIsolating(records, setAside), {
    // The journal's bound is what refuses traffic; the queue holds what the journal holds.
    capacity: env.JOURNAL_MAX_RECORDS + 1,
    onWriteError: (error, attempt) => {
      // Refused data is set aside record by record above; what reaches here is the database itself.
      reportDatabaseDown(error, "writing decision records");
      if (attempt === 1 || attempt % 10 === 0) console.error(`[switchyard] decision records not written yet (attempt ${attempt}); retrying`, attempt === 1 ? error : "");
    },
    onWritten: (records) => {
      reportDatabaseUp();
      journal.drained(records);
      runtime.spend.written(records);
      // Alerts: budget thresholds are checked against the rollups these records just reached.
      spendWritten(records);
    },
  });
  // With REDIS_URL, key rate limits are shared by every gateway instance; otherwise per process.
  const keyLimits = env.REDIS_URL ? new RedisKeyRateLimiter(new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 }), `${env.REDIS_KEY_PREFIX}:rate`) : new MemoryKeyRateLimiter();
  // With REDIS_URL, budgets hold across instances (reservations in Redis); otherwise one instance.
  const spend: SpendCounter = env.REDIS_URL ? new RedisSpendCounter(new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }), undefined, `${env.REDIS_KEY_PREFIX}:budget`) : new LocalSpendCounter();
  const admission = new InFlightLimit(env.GATEWAY_MAX_IN_FLIGHT, env.GATEWAY_MAX_EVENT_LOOP_DELAY_MS > 0 ? eventLoopDelay() : undefined, env.GATEWAY_MAX_EVENT_LOOP_DELAY_MS);
  const breaker = sharedCircuitBreaker();
  const runtime: GatewayRuntime = { policy: new PolicyStore(), breaker, spend, keyLimits, ledger, journal, admission };
  // What a previous process journaled and may not have written (kill -9, a crash, an outage).
  const replay = journal.open();
  if (replay.length > 0) console.log(`[switchyard] replaying ${replay.length} journaled decision record(s) into the database`);
  for (const record of replay) {
    runtime.spend.countReplayed(record);
    void ledger.enqueue(record);
  }
  flushOnShutdown(ledger, journal);
  // Every process that records decisions also expires old ones (hourly; rollups keep the totals).
  ensureRetentionSchedule();
  // Refusal-spike alerts are judged on a timer (one instance at a time, by advisory lock).
  ensureSpikeSchedule();
  return runtime;
}

/**
 * A circuit breaker whose openings every instance hears (with REDIS_URL): an upstream one
 * instance saw fail is skipped by the others until the same time, instead of each instance
 * paying the failures to learn it.
 */
function sharedCircuitBreaker(): CircuitBreaker {
  const breaker = new CircuitBreaker({
    onOpen: (providerKey, opened) => {
      announce("circuit-opened", JSON.stringify({ providerKey, ...opened }));
      // Only the instance that opened it alerts; the others adopt the opening below, silently.
      circuitOpened(providerKey, opened);
    },
  });
  onEvent("circuit-opened", (payload) => {
    const { providerKey, until, lastError } = JSON.parse(payload) as { providerKey?: unknown; until?: unknown; lastError?: OpenedCircuit["lastError"] };
    if (typeof providerKey === "string" && typeof until === "number") breaker.adoptOpen(providerKey, { until, lastError: lastError ?? null });
  });
  return breaker;
}

/**
 * On SIGTERM / SIGINT, write every queued decision record before exiting. The launcher sets
 * NEXT_MANUAL_SIG_HANDLE so Next leaves the signals to us instead of exiting at once.
 */
function flushOnShutdown(ledger: WriteBehindQueue, journal: DecisionJournal) {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const pending = ledger.stats.pending;
    void ledger
      .close()
      .then(() => console.log(`[switchyard] ${signal}: wrote ${pending} pending decision record(s) before exit`))
      .catch((error: unknown) => console.error("[switchyard] could not flush decision records on shutdown; they stay in the journal", error))
      .finally(() => {
        journal.close();
        process.exit(signal === "SIGINT" ? 130 : 143);
      });
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

export function gatewayRuntime(): GatewayRuntime {
  globalForGateway.switchyardGateway ??= createRuntime();
  return globalForGateway.switchyardGateway;
}

/**
 * Journals a decision record on local disk, hands it to the ledger and counts its cost against
 * the feature's budget. The journal write comes first and is synchronous: when this returns, the
 * record survives the process dying, so the answer may go out.
 */
export function recordDecision(runtime: GatewayRuntime, record: DecisionRecordInput, reservation: Reservation | null = null): Promise<void> | undefined {
  // The call's cost was incurred whatever happens to its record.
  runtime.spend.settle(reservation, record.featureKey, record.costUsd);
  try {
    runtime.journal.append(record);
  } catch (error) {
    console.error("[switchyard] could not journal a decision record", error);
    throw apiError("journal_unavailable", "Switchyard could not record this request on its local journal, so it is not answered. Retry shortly.", { headers: { "retry-after": "5" } });
  }
  return runtime.ledger.enqueue(record);
}

/**
 * Refuses a request before any work when the journal holds its bound of records the database
 * has not taken yet: better a 503 now than an answer without its record.
 */
export function assertCanRecord(runtime: GatewayRuntime): void {
  if (!runtime.journal.full) return;
  const { waiting } = runtime.journal.stats();
  throw apiError("journal_full", `Switchyard is holding ${waiting} decision records the database has not taken yet (JOURNAL_MAX_RECORDS); it refuses new requests until they are written. Retry shortly.`, { headers: { "retry-after": "10" } });
}

/** After a publish in this process: serve it here now, and tell the other instances to look. */
export async function policyPublished(): Promise<void> {
  await gatewayRuntime().policy.refresh();
  announce("policy-published");
}
