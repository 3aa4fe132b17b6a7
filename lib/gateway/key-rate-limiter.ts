/**
 * Requests per minute per app key, counted in fixed one-minute windows in this process.
 * (With several gateway instances each enforces the limit on its own share of traffic.)
 */
export class KeyRateLimiter {
  private windows = new Map<string, { windowStart: number; count: number }>();

  /** Counts the request; returns the seconds to wait when over the limit, else null. */
  take(keyId: string, limitPerMinute: number | null, nowMs: number): number | null {
    if (!limitPerMinute) return null;
    const windowStart = Math.floor(nowMs / 60_000) * 60_000;
    const current = this.windows.get(keyId);
    if (!current || current.windowStart !== windowStart) {
      this.windows.set(keyId, { windowStart, count: 1 });
      return null;
    }
    if (current.count >= limitPerMinute) return Math.max(1, Math.ceil((windowStart + 60_000 - nowMs) / 1000));
    current.count += 1;
    return null;
  }
}
