// The shared limiter against the real Redis on 127.0.0.1:6379 (as in CI).
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RedisKeyRateLimiter } from "./key-rate-limiter";

const redis = new Redis("redis://127.0.0.1:6379", { lazyConnect: true, maxRetriesPerRequest: 1 });
afterAll(() => redis.quit());

describe("RedisKeyRateLimiter", () => {
  it("shares one count between instances", async () => {
    const prefix = `switchyard:test:${Date.now()}:${process.pid}`;
    const a = new RedisKeyRateLimiter(redis, prefix);
    const b = new RedisKeyRateLimiter(redis, prefix);
    const t = 1_800_000_000_000;
    expect(await a.take("key", 2, t)).toBeNull();
    expect(await b.take("key", 2, t + 1)).toBeNull();
    expect(await a.take("key", 2, t + 30_000)).toBe(30);
    expect(await b.take("key", 2, t + 60_000)).toBeNull();
    expect(await redis.pttl(`${prefix}:key:${t}`)).toBeGreaterThan(0);
  });
});
