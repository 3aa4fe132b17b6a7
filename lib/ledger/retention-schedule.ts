import "server-only";
// The periodic purge. Started with the gateway runtime (lib/gateway/instance/runtime.ts), so every
// process that records decisions also expires them, with no extra service to run. Each run
// deletes at most `maxBatches` batches; a backlog (e.g. after retention was shortened) drains over
// the following runs. Several gateway instances may run it at once: batches are idempotent deletes.
import { env } from "@/lib/env";
import { purgeExpiredDecisions } from "./retention";

const globalForRetention = globalThis as unknown as { switchyardRetention?: { timer: ReturnType<typeof setInterval> } };

/** Records deleted per run at most: 200 batches × 5,000, a few seconds of work per hour. */
const MAX_BATCHES_PER_RUN = 200;

async function runOnce(): Promise<void> {
  try {
    const result = await purgeExpiredDecisions({ retentionDays: env.DECISION_RETENTION_DAYS, maxBatches: MAX_BATCHES_PER_RUN, pauseMs: 20 });
    if (result.deleted > 0) {
      console.log(`[switchyard] retention: deleted ${result.deleted} decision record(s) older than ${result.cutoff.toISOString()}${result.complete ? "" : " (more next run)"}`);
    }
  } catch (error) {
    console.error("[switchyard] retention purge failed; it will run again next interval", error);
  }
}

/** Idempotent: one schedule per process. Off in tests and when DECISION_PURGE_INTERVAL_MINUTES=0. */
export function ensureRetentionSchedule(): void {
  if (globalForRetention.switchyardRetention || env.NODE_ENV === "test" || env.DECISION_PURGE_INTERVAL_MINUTES === 0) return;
  const intervalMs = env.DECISION_PURGE_INTERVAL_MINUTES * 60_000;
  // The first run waits a little (with jitter, so instances started together spread out) and
  // never keeps a process alive: the timers are unref'd.
  const first = setTimeout(() => void runOnce(), 60_000 + Math.floor(Math.random() * 60_000));
  first.unref?.();
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref?.();
  globalForRetention.switchyardRetention = { timer };
}
