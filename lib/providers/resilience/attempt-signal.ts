// The AbortSignal one upstream attempt runs under: it fires when the caller's signal fires
// (reason passed through → RequestAbortedError) or when the attempt's timer runs out (reason
// is a timeout ProviderError → the client throws exactly that). map-error.ts reads the reason.
import { ProviderError } from "../provider-error";

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** (Re)starts the timer; `undefined` or ≤ 0 leaves the attempt untimed. */
  arm(ms: number | undefined, what: string): void;
  disarm(): void;
  /** Stops the timer and unhooks from the caller's signal; the attempt signal stays as it is. */
  dispose(): void;
}

export function createAttemptSignal(caller?: AbortSignal): AttemptSignal {
  const controller = new AbortController();
  const forward = () => controller.abort(caller?.reason);
  if (caller?.aborted) forward();
  else caller?.addEventListener("abort", forward, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;

  const disarm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  return {
    signal: controller.signal,
    arm(ms, what) {
      disarm();
      if (ms === undefined || ms <= 0 || controller.signal.aborted) return;
      timer = setTimeout(() => {
        controller.abort(new ProviderError({ kind: "timeout", message: `No ${what} within ${ms} ms` }));
      }, ms);
    },
    disarm,
    dispose() {
      disarm();
      caller?.removeEventListener("abort", forward);
    },
  };
}
