import "server-only";
import { writeDecisionBatch } from "@/lib/ledger/write-batch";
import { WriteBehindQueue } from "@/lib/ledger/queue";
import { ensureRetentionSchedule } from "@/lib/ledger/retention-schedule";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { CircuitBreaker } from "@/lib/providers/circuit-breaker";
import { Redis } from "ioredis";
import { env } from "@/lib/env";
import { MemoryKeyRateLimiter, RedisKeyRateLimiter, type KeyRateLimiter } from "./key-rate-limiter";
import { PolicyStore } from "./policy-store";
import { SpendCounter } from "./spend-counter";

/** The gateway's in-process state: one per process (Next may evaluate this module twice). */
export interface GatewayRuntime {
  policy: PolicyStore;
  breaker: CircuitBreaker;
  spend: SpendCounter;
  keyLimits: KeyRateLimiter;
  ledger: WriteBehindQueue;
}

const globalForGateway = globalThis as unknown as { switchyardGateway?: GatewayRuntime };

function createRuntime(): GatewayRuntime {
  // The AI SDK logs a warning per call for settings a provider ignores; the decision trace is
  // where Switchyard explains itself, so keep the server log for real problems.
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
  const ledger = new WriteBehindQueue(writeDecisionBatch, {
    onWriteError: (error, attempt) => {
      if (attempt === 1 || attempt % 10 === 0) console.error(`[switchyard] decision records not written yet (attempt ${attempt}); retrying`, error);
    },
  });
  // With REDIS_URL, key rate limits are shared by every gateway instance; otherwise per process.
  const keyLimits = env.REDIS_URL ? new RedisKeyRateLimiter(new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 })) : new MemoryKeyRateLimiter();
  const runtime: GatewayRuntime = { policy: new PolicyStore(), breaker: new CircuitBreaker(), spend: new SpendCounter(), keyLimits, ledger };
  flushOnShutdown(ledger);
  // Every process that records decisions also expires old ones (hourly; rollups keep the totals).
  ensureRetentionSchedule();
  return runtime;
}

/**
 * On SIGTERM / SIGINT, write every queued decision record before exiting. The launcher sets
 * NEXT_MANUAL_SIG_HANDLE so Next leaves the signals to us instead of exiting at once.
 */
function flushOnShutdown(ledger: WriteBehindQueue) {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const pending = ledger.stats.pending;
    void ledger
      .close()
      .then(() => console.log(`[switchyard] ${signal}: wrote ${pending} pending decision record(s) before exit`))
      .catch((error: unknown) => console.error("[switchyard] could not flush decision records on shutdown", error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

export function gatewayRuntime(): GatewayRuntime {
  globalForGateway.switchyardGateway ??= createRuntime();
  return globalForGateway.switchyardGateway;
}

/** Hands a decision record to the ledger and counts its cost against the feature's budget. */
export function recordDecision(runtime: GatewayRuntime, record: DecisionRecordInput): Promise<void> | undefined {
  runtime.spend.add(record.featureKey, record.costUsd);
  return runtime.ledger.enqueue(record);
}
