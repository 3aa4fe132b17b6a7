import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes } from "rate-limiter-flexible";

/** Requests per minute per app key, over a sliding one-minute window. */
export interface KeyRateLimiter {
  /** Counts the request; resolves to the seconds to wait when over the limit, else null. */
  take(keyId: string, limitPerMinute: number | null, nowMs: number): Promise<number | null>;
}

const WINDOW_MS = 60_000;
/** Each minute's count must outlive the next minute, where it is the "previous" one. */
const COUNT_TTL_SECONDS = (2 * WINDOW_MS) / 1000;
/** How long the first requests wait for the first connection to Redis before counting locally. */
const STARTUP_WAIT_MS = 1_000;
/** The stores only count: the limit differs per key, so the comparison happens here. */
const UNLIMITED_POINTS = 1_000_000_000;

type Counts = Pick<RateLimiterAbstract, "consume" | "get" | "reward">;

/**
 * Seconds until one more request fits, for a request just refused: `current` requests this
 * minute (not counting the refused one), `previous` last minute, `elapsed` the part of this
 * minute gone (0–1). Within this minute the previous one's weight keeps falling; if this minute
 * alone is full, its own count must fade in the next.
 */
export function secondsToWait(previous: number, current: number, limit: number, elapsed: number): number {
  const room = limit - 1 - current;
  let waitMs: number;
  if (room >= 0 && previous > 0) {
    // Refused means previous·(1 − elapsed) > room, so this point lies ahead.
    waitMs = (1 - room / previous - elapsed) * WINDOW_MS;
  } else {
    const fade = current === 0 ? 0 : Math.max(0, 1 - (limit - 1) / current);
    waitMs = (1 - elapsed + fade) * WINDOW_MS;
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/**
 * Sliding window counter: one count per key and calendar minute; a request fits when this
 * minute's count plus the previous minute's, weighted by how much of it is still inside the last
 * sixty seconds, stays within the limit. So no key gets twice its limit across a minute boundary
 * (as fixed windows allow), at two counters per key. A refused request is not counted.
 */
class SlidingWindowLimiter implements KeyRateLimiter {
  constructor(private readonly counts: Counts) {}

  async take(keyId: string, limitPerMinute: number | null, nowMs: number): Promise<number | null> {
    if (!limitPerMinute) return null;
    const minute = Math.floor(nowMs / WINDOW_MS);
    const elapsed = (nowMs - minute * WINDOW_MS) / WINDOW_MS;
    const currentKey = `${keyId}:${minute}`;
    const [current, previous] = await Promise.all([this.counts.consume(currentKey), this.counts.get(`${keyId}:${minute - 1}`)]);
    const previousCount = previous?.consumedPoints ?? 0;
    if (previousCount * (1 - elapsed) + current.consumedPoints <= limitPerMinute) return null;
    await this.counts.reward(currentKey);
    return secondsToWait(previousCount, current.consumedPoints - 1, limitPerMinute, elapsed);
  }
}

const memoryCounts = (keyPrefix: string) => new RateLimiterMemory({ points: UNLIMITED_POINTS, duration: COUNT_TTL_SECONDS, keyPrefix });

/** One process: counts live in memory (each instance enforces the limit on its own traffic). */
export class MemoryKeyRateLimiter extends SlidingWindowLimiter {
  constructor() {
    super(memoryCounts("switchyard:rate"));
  }
}

/** In-memory counts that tell their owner whenever they are used in Redis's place. */
class InsuranceCounts extends RateLimiterMemory {
  constructor(
    keyPrefix: string,
    private readonly onUse: () => void,
  ) {
    super({ points: UNLIMITED_POINTS, duration: COUNT_TTL_SECONDS, keyPrefix });
  }
  override consume(...args: Parameters<RateLimiterMemory["consume"]>): Promise<RateLimiterRes> {
    this.onUse();
    return super.consume(...args);
  }
  override get(...args: Parameters<RateLimiterMemory["get"]>): Promise<RateLimiterRes | null> {
    this.onUse();
    return super.get(...args);
  }
  override reward(...args: Parameters<RateLimiterMemory["reward"]>): Promise<RateLimiterRes> {
    this.onUse();
    return super.reward(...args);
  }
}

/**
 * Several gateway instances (REDIS_URL set): the counts live in Redis, so the limit holds for
 * the key as a whole. One round trip per request (both counters in parallel), and only for keys
 * that have a limit. While Redis is unreachable the counts fall back to this instance's memory
 * (rate-limiter-flexible's insurance limiter): an outage degrades limits to per-instance, never
 * to none, and says so once in the log, and once more when Redis is back.
 */
export class RedisKeyRateLimiter implements KeyRateLimiter {
  private readonly limiter: SlidingWindowLimiter;
  private fallbacks = 0;
  private degraded = false;
  /** Until the first connection (at most STARTUP_WAIT_MS), requests wait for it rather than count locally. */
  private startup: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    prefix = "switchyard:rate",
  ) {
    // ioredis logs every failed reconnect of a client without an error listener; the outage is
    // reported once, by usedFallback, instead.
    redis.on("error", () => {});
    if (redis.status !== "ready") {
      this.startup = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, STARTUP_WAIT_MS);
        timer.unref();
        redis.once("ready", () => {
          clearTimeout(timer);
          resolve();
        });
      }).then(() => {
        this.startup = null;
      });
      // A lazily connecting client would never connect: not-ready commands are never sent.
      if (redis.status === "wait") redis.connect().catch(() => {});
    }
    const counts = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: prefix,
      points: UNLIMITED_POINTS,
      duration: COUNT_TTL_SECONDS,
      // Not ready (reconnecting) → memory at once, instead of queueing behind reconnect attempts.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new InsuranceCounts(`${prefix}:local`, () => this.usedFallback()),
    });
    this.limiter = new SlidingWindowLimiter(counts);
  }

  private usedFallback(): void {
    this.fallbacks += 1;
    if (this.degraded) return;
    this.degraded = true;
    console.error(`[switchyard] Redis unavailable (${this.redis.status}); key rate limits are counted per instance until it returns`);
  }

  async take(keyId: string, limitPerMinute: number | null, nowMs: number): Promise<number | null> {
    if (!limitPerMinute) return null;
    if (this.startup) await this.startup;
    const before = this.fallbacks;
    const wait = await this.limiter.take(keyId, limitPerMinute, nowMs);
    if (this.degraded && this.fallbacks === before) {
      this.degraded = false;
      console.error("[switchyard] Redis reachable again; key rate limits are shared between instances");
    }
    return wait;
  }
}
