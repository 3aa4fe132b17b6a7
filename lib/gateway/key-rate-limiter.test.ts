import { describe, expect, it } from "vitest";
import { MemoryKeyRateLimiter } from "./key-rate-limiter";

describe("MemoryKeyRateLimiter", () => {
  it("allows up to the limit per minute and says when to retry", async () => {
    const limiter = new MemoryKeyRateLimiter();
    const t = 1_800_000_000_000; // on a minute boundary
    expect(await limiter.take("k", 2, t)).toBeNull();
    expect(await limiter.take("k", 2, t + 1_000)).toBeNull();
    expect(await limiter.take("k", 2, t + 15_000)).toBe(45);
    expect(await limiter.take("other", 2, t + 15_000)).toBeNull();
    expect(await limiter.take("k", 2, t + 60_000)).toBeNull();
  });

  it("never limits a key without a limit", async () => {
    const limiter = new MemoryKeyRateLimiter();
    for (let i = 0; i < 1000; i++) expect(await limiter.take("k", null, 0)).toBeNull();
  });
});
