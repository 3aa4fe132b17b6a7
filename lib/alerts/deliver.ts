import "server-only";
// Delivers a fired alert to its webhook: a POST with a timeout, retried with back-off, every
// attempt recorded. Runs beside the request path, never on it: callers do not await it. The URL
// is a secret: it is never logged, and errors are scrubbed of it before they are stored.
import { getDb } from "@/lib/db";
import { alertBody, type AlertFormat, type AlertMessage } from "./message";
import { MAX_ATTEMPTS, retryDelayMs, shouldRetry } from "./retry";
import { scrubUrl } from "./webhook-url";

export interface PostOutcome {
  statusCode: number | null;
  error: string | null;
  ok: boolean;
}

/** Timing of deliveries; tests shorten the waits (configureDelivery). */
const timing = { timeoutMs: 5_000, baseDelayMs: 2_000 };

export function configureDelivery(next: Partial<typeof timing>): void {
  Object.assign(timing, next);
}

const inFlight = new Set<Promise<void>>();

/** Resolves when every delivery started so far has finished (tests; a graceful shutdown). */
export async function deliveriesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

function describeError(error: unknown, url: string): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `no answer within ${timing.timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const text = typeof cause?.code === "string" ? `${cause.code}${typeof cause.message === "string" ? `: ${cause.message}` : ""}` : error instanceof Error ? error.message : String(error);
  return scrubUrl(text, url).slice(0, 300);
}

/** One POST: the status code, or why there was none. Redirects are not followed (a 3xx is not delivered). */
export async function postWebhook(url: string, format: AlertFormat, message: AlertMessage): Promise<PostOutcome> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Switchyard-Alerts/1" },
      body: JSON.stringify(alertBody(format, message)),
      signal: AbortSignal.timeout(timing.timeoutMs),
      redirect: "manual",
    });
    await response.body?.cancel().catch(() => {});
    return { statusCode: response.status, error: null, ok: response.status >= 200 && response.status < 300 };
  } catch (error) {
    return { statusCode: null, error: describeError(error, url), ok: false };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref?.());

async function deliverWithRetries(eventId: string, url: string, format: AlertFormat, message: AlertMessage): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const outcome = await postWebhook(url, format, message);
    await getDb().alertDelivery.create({ data: { eventId, attempt, statusCode: outcome.statusCode, error: outcome.error, ok: outcome.ok } });
    if (outcome.ok || !shouldRetry(outcome) || attempt === MAX_ATTEMPTS) return;
    await sleep(retryDelayMs(attempt, timing.baseDelayMs));
  }
}

/** Starts delivering a recorded alert in the background; failures are recorded, never thrown. */
export function startDelivery(eventId: string, url: string, format: AlertFormat, message: AlertMessage): void {
  const delivery = deliverWithRetries(eventId, url, format, message)
    .catch((error: unknown) => console.error(`[switchyard] alert ${eventId} (${message.rule}): delivery could not be recorded`, error instanceof Error ? scrubUrl(error.message, url) : ""))
    .finally(() => inFlight.delete(delivery));
  inFlight.add(delivery);
}
