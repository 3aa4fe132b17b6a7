// Delivery policy: which answers count as delivered, and how long to wait before trying again. Pure.

/** Attempts per alert: the first and three retries. */
export const MAX_ATTEMPTS = 4;

/** 2xx is delivered. 4xx other than 408/429 will not get better by retrying. */
export function shouldRetry(outcome: { statusCode: number | null }): boolean {
  if (outcome.statusCode === null) return true;
  if (outcome.statusCode >= 200 && outcome.statusCode < 300) return false;
  return outcome.statusCode >= 500 || outcome.statusCode === 408 || outcome.statusCode === 429;
}

/** Back-off before attempt n+1 (n from 1): base, 4×base, 16×base. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return baseMs * 4 ** (attempt - 1);
}
