// The shared limiter against the real Redis on 127.0.0.1:6379 (as in CI). Every test uses its
// own key prefix; nothing here flushes the shared Redis.
import { Redis, type RedisOptions } from "ioredis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { MemoryKeyRateLimiter, RedisKeyRateLimiter } from "./key-rate-limiter";

const connections: Redis[] = [];
const connect = (url = "redis://127.0.0.1:6379", options: RedisOptions = {}) => {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, ...options });
  connections.push(redis);
  return redis;
};
afterAll(async () => {
  await Promise.all(connections.map((redis) => redis.quit().catch(() => redis.disconnect())));
});
afterEach(() => vi.restoreAllMocks());

const uniquePrefix = () => `switchyard:test:${Date.now()}:${process.pid}:${Math.random().toString(36).slice(2)}`;
const t = 1_800_000_000_000; // on a minute boundary

describe("RedisKeyRateLimiter", () => {
  it("holds one limit across two instances with their own connections", async () => {
    const prefix = uniquePrefix();
    const a = new RedisKeyRateLimiter(connect(), prefix);
    const b = new RedisKeyRateLimiter(connect(), prefix);
    const answers: Array<number | null> = [];
    for (let i = 0; i < 10; i++) answers.push(await (i % 2 === 0 ? a : b).take("key", 6, t + i * 1_000));
    // Six in all, not six each (or twelve, as two in-memory limiters would allow).
    expect(answers.filter((answer) => answer === null)).toHaveLength(6);
    expect(answers.slice(6).every((answer) => typeof answer === "number" && answer > 0)).toBe(true);
    expect(await a.take("other-key", 6, t)).toBeNull();

    // Contrast: two in-memory limiters each count only their own share.
    const [m1, m2] = [new MemoryKeyRateLimiter(), new MemoryKeyRateLimiter()];
    const local: Array<number | null> = [];
    for (let i = 0; i < 10; i++) local.push(await (i % 2 === 0 ? m1 : m2).take("key", 6, t + i * 1_000));
    expect(local.filter((answer) => answer === null)).toHaveLength(10);
  });

  it("slides: the previous minute still counts across the boundary, in Redis too", async () => {
    const prefix = uniquePrefix();
    const redis = connect();
    const a = new RedisKeyRateLimiter(redis, prefix);
    const b = new RedisKeyRateLimiter(connect(), prefix);
    for (let i = 0; i < 4; i++) expect(await a.take("key", 4, t + 50_000 + i)).toBeNull();
    expect(await b.take("key", 4, t + 60_000)).toBe(15); // 4 · (1 − 0.25) + 1 ≤ 4 at t + 75 s
    expect(await b.take("key", 4, t + 75_000)).toBeNull();
    // Counts are kept two minutes (one as "current", one as "previous"), then expire.
    const ttl = await redis.pttl(`${prefix}:key:${Math.floor(t / 60_000)}`);
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });

  it("counts in memory while Redis is unreachable, and says so once", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    // Nothing listens on port 1: the client never becomes ready.
    const down = connect("redis://127.0.0.1:1", { retryStrategy: () => 50 });
    down.on("error", () => {});
    const limiter = new RedisKeyRateLimiter(down, uniquePrefix());
    await vi.waitFor(() => expect(down.status).toBe("reconnecting"), { timeout: 5_000, interval: 10 });
    const answers: Array<number | null> = [];
    for (let i = 0; i < 5; i++) answers.push(await limiter.take("key", 3, t + i));
    expect(answers.map((answer) => answer === null)).toEqual([true, true, true, false, false]);
    const warnings = log.mock.calls.filter(([message]) => String(message).includes("Redis unavailable"));
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]![0])).toMatch(/counted per instance/);
  });
});
