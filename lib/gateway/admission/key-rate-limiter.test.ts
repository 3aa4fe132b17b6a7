import { describe, expect, it } from "vitest";
import { MemoryKeyRateLimiter, secondsToWait } from "./key-rate-limiter";

const t = 1_800_000_000_000; // on a minute boundary

describe("MemoryKeyRateLimiter (sliding window)", () => {
  it("allows up to the limit and says when one more request fits", async () => {
    const limiter = new MemoryKeyRateLimiter();
    expect(await limiter.take("k", 2, t)).toBeNull();
    expect(await limiter.take("k", 2, t + 1_000)).toBeNull();
    // Full this minute: the two requests must fade to one in the next, at t + 90 s.
    expect(await limiter.take("k", 2, t + 15_000)).toBe(75);
    expect(await limiter.take("other", 2, t + 15_000)).toBeNull();
  });

  it("gives no second burst at the minute boundary, as a fixed window would", async () => {
    const limiter = new MemoryKeyRateLimiter();
    for (let i = 0; i < 10; i++) expect(await limiter.take("k", 10, t + 59_000 + i)).toBeNull();
    // One second later a fixed window would allow ten more; the last minute still holds ~ten.
    expect(await limiter.take("k", 10, t + 60_000)).not.toBeNull();
    // Half a minute on, half of the previous minute's count has slid out: five more fit.
    for (let i = 0; i < 5; i++) expect(await limiter.take("k", 10, t + 90_000 + i)).toBeNull();
    expect(await limiter.take("k", 10, t + 90_010)).not.toBeNull();
  });

  it("does not count refused requests, so a client that keeps retrying is not locked out for longer", async () => {
    const limiter = new MemoryKeyRateLimiter();
    expect(await limiter.take("k", 1, t)).toBeNull();
    for (let i = 0; i < 100; i++) expect(await limiter.take("k", 1, t + 1_000 + i)).not.toBeNull();
    expect(await limiter.take("k", 1, t + 120_000)).toBeNull();
  });

  it("never limits a key without a limit", async () => {
    const limiter = new MemoryKeyRateLimiter();
    for (let i = 0; i < 1000; i++) expect(await limiter.take("k", null, 0)).toBeNull();
  });
});

describe("secondsToWait", () => {
  it("waits within the minute while the previous minute's weight falls", () => {
    // 10 last minute, 4 now, limit 10, 20% in: 10·0.8 + 4 + 1 > 10; one more fits once the
    // previous minute weighs 5 or less, at 50%: 18 s from now.
    expect(secondsToWait(10, 4, 10, 0.2)).toBe(18);
  });

  it("waits into the next minute when this one alone is full", () => {
    expect(secondsToWait(0, 10, 10, 0.5)).toBe(36); // 30 s to the boundary, then 10% of the next
  });

  it("is at least one second", () => {
    expect(secondsToWait(10, 0, 10, 0.9999)).toBe(1);
  });
});
