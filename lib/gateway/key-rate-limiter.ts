import type { Redis } from "ioredis";

/** Requests per minute per app key, in fixed one-minute windows. */
export interface KeyRateLimiter {
  /** Counts the request; resolves to the seconds to wait when over the limit, else null. */
  take(keyId: string, limitPerMinute: number | null, nowMs: number): Promise<number | null>;
}

const WINDOW_MS = 60_000;

function secondsLeft(windowStart: number, nowMs: number): number {
  return Math.max(1, Math.ceil((windowStart + WINDOW_MS - nowMs) / 1000));
}

/** One process: counts live in memory (each instance enforces the limit on its own traffic). */
export class MemoryKeyRateLimiter implements KeyRateLimiter {
  private windows = new Map<string, { windowStart: number; count: number }>();

  async take(keyId: string, limitPerMinute: number | null, nowMs: number): Promise<number | null> {
    if (!limitPerMinute) return null;
    const windowStart = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS;
    const current = this.windows.get(keyId);
    if (!current || current.windowStart !== windowStart) {
      this.windows.set(keyId, { windowStart, count: 1 });
      return null;
    }
    if (current.count >= limitPerMinute) return secondsLeft(windowStart, nowMs);
    current.count += 1;
    return null;
  }
}

/**
 * Several gateway instances (REDIS_URL set): one shared counter per key and window, so the
 * limit holds for the key as a whole. One round trip, and only for keys that have a limit.
 */
export class RedisKeyRateLimiter implements KeyRateLimiter {
  /** Used while Redis is unreachable, so an outage degrades limits to per-instance, not to none. */
  private readonly fallback = new MemoryKeyRateLimiter();
  private warned = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = "switchyard:rate",
  ) {}

  async take(keyId: string, limitPerMinute: number | null, nowMs: number): Promise<number | null> {
    if (!limitPerMinute) return null;
    const windowStart = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS;
    const counter = `${this.prefix}:${keyId}:${windowStart}`;
    try {
      const [[error, count]] = (await this.redis.multi().incr(counter).pexpire(counter, WINDOW_MS + 5_000).exec()) as [[Error | null, number], unknown];
      if (error) throw error;
      this.warned = false;
      return count > limitPerMinute ? secondsLeft(windowStart, nowMs) : null;
    } catch (error) {
      if (!this.warned) console.error("[switchyard] Redis unreachable; key rate limits are per instance until it returns", error);
      this.warned = true;
      return this.fallback.take(keyId, limitPerMinute, nowMs);
    }
  }
}
