// What one instance admits. Two bounds, past either a request is answered at once with 503 and
// retry-after (and recorded) instead of queueing until sockets, memory or the kernel's listen
// queue give out — an overloaded gateway answers, it does not drop connections:
// - requests in flight (GATEWAY_MAX_IN_FLIGHT): memory, and what HAProxy sends each instance;
// - the event loop's delay (GATEWAY_MAX_EVENT_LOOP_DELAY_MS): requests waiting on a slow model
//   cost no CPU, so past its CPU an instance is overloaded long before its in-flight bound. A
//   refusal costs a fraction of an answer, so shedding keeps the admitted ones on time.
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { apiError, type ApiError } from "@/lib/http/api-error";

export type AdmissionRefusal = "in_flight" | "event_loop";

export class InFlightLimit {
  private current = 0;
  /** Why the last refusal happened, for its message. */
  lastRefusal: AdmissionRefusal = "in_flight";

  /** `delayMs`: the event loop's recent delay; `maxDelayMs` 0 turns that bound off. */
  constructor(
    readonly max: number,
    private readonly delayMs: () => number = () => 0,
    readonly maxDelayMs = 0,
  ) {}

  /** Takes a slot, or false when all are taken or the event loop is behind. */
  tryEnter(): boolean {
    if (this.current >= this.max) {
      this.lastRefusal = "in_flight";
      return false;
    }
    if (this.maxDelayMs > 0 && this.delayMs() > this.maxDelayMs) {
      this.lastRefusal = "event_loop";
      return false;
    }
    this.current += 1;
    return true;
  }

  leave(): void {
    this.current = Math.max(0, this.current - 1);
  }

  get inFlight(): number {
    return this.current;
  }
}

export function overloaded(limit: InFlightLimit): ApiError {
  const why =
    limit.lastRefusal === "event_loop"
      ? `is behind on its work: its event loop is more than ${limit.maxDelayMs} ms late (GATEWAY_MAX_EVENT_LOOP_DELAY_MS)`
      : `is at its limit of ${limit.max} requests in flight (GATEWAY_MAX_IN_FLIGHT)`;
  return apiError("gateway_overloaded", `This Switchyard instance ${why}. Retry in a second.`, { headers: { "retry-after": "1" } });
}

/**
 * The event loop's delay over the last ~half second (the mean of Node's histogram, sampled every
 * 10 ms), as a function to read. The mean, not a high percentile: one long task (a big prompt, a
 * console page) delays a few samples, an instance past its CPU delays all of them. The histogram
 * restarts every window so the past is forgotten; the timer does not keep the process alive.
 */
export function eventLoopDelay(windowMs = 500): () => number {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let recent = 0;
  const timer = setInterval(() => {
    recent = histogram.count > 0 ? histogram.mean / 1e6 : 0;
    histogram.reset();
  }, windowMs);
  timer.unref();
  return () => recent;
}
