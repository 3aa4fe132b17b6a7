import { describe, expect, it } from "vitest";
import { KeyRateLimiter } from "./key-rate-limiter";

describe("KeyRateLimiter", () => {
  it("allows up to the limit per minute and says when to retry", () => {
    const limiter = new KeyRateLimiter();
    const t = 1_800_000_000_000; // on a minute boundary
    expect(limiter.take("k", 2, t)).toBeNull();
    expect(limiter.take("k", 2, t + 1_000)).toBeNull();
    expect(limiter.take("k", 2, t + 15_000)).toBe(45);
    expect(limiter.take("other", 2, t + 15_000)).toBeNull();
    expect(limiter.take("k", 2, t + 60_000)).toBeNull();
  });

  it("never limits a key without a limit", () => {
    const limiter = new KeyRateLimiter();
    for (let i = 0; i < 1000; i++) expect(limiter.take("k", null, 0)).toBeNull();
  });
});
