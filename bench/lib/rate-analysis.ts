// What an open-loop run at a fixed arrival rate says: success share, steady throughput, latency
// from the scheduled send time, drift of the p50 across the run, and whether the target kept up.
import { errorsByKind, type OpenLoopRun, type Shot } from "./load";
import { rounded, summarise } from "./stats";

export type OpenLoopAnalysis = ReturnType<typeof analyseOpenLoop>;

/** `delayMs` is the upstream's delay (0 when the target answers itself). */
export function analyseOpenLoop(run: OpenLoopRun, delayMs: number) {
  const shots = run.shots;
  const ok = shots.filter((s) => s.ok);
  const latency = rounded(summarise(ok.map((s) => s.endAt - s.scheduledAt)));
  const ttfb = rounded(summarise(ok.map((s) => (s.firstByteAt ?? s.endAt) - s.scheduledAt)));
  const lastEnd = Math.max(...shots.map((s) => s.endAt));
  // Steady state: responses that ended between (delay + 1 s) and the end of the send window + delay − 1 s.
  const from = run.startedAt + delayMs + 1_000;
  const to = run.startedAt + run.durationS * 1000 + delayMs - 1_000;
  const steady = ok.filter((s) => s.endAt >= from && s.endAt < to).length / ((to - from) / 1000);
  const fifth = Math.floor(shots.length / 5);
  const p50Of = (list: Shot[]) => summarise(list.filter((s) => s.ok).map((s) => s.endAt - s.scheduledAt)).p50;
  const drift = p50Of(shots.slice(-fifth)) - p50Of(shots.slice(0, fifth));
  const successRate = ok.length / shots.length;
  return {
    offeredRate: run.rate,
    sent: shots.length,
    ok: ok.length,
    successRate: Math.round(successRate * 100_000) / 1000,
    errors: errorsByKind(shots),
    steadyResponsesPerS: Math.round(steady * 10) / 10,
    overallResponsesPerS: Math.round((ok.length / ((lastEnd - run.startedAt) / 1000)) * 10) / 10,
    latencyMs: latency,
    ttfbMs: ttfb,
    p50DriftMs: Math.round(drift),
    maxClientSendLagMs: Math.round(run.maxSendLagMs * 10) / 10,
    maxInFlight: Math.max(0, ...run.inFlightSamples),
    // Kept up: every request answered, throughput held, and no queue building up: the p50 did not
    // drift and the p99 stayed under twice the upstream's delay (1 s when the upstream is instant).
    keptUp: successRate === 1 && steady >= run.rate * 0.95 && drift < 500 && latency.p99 < Math.max(2 * delayMs, 1_000),
  };
}
