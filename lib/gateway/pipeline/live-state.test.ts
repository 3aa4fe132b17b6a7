import { describe, expect, it } from "vitest";
import type { ProviderHealth } from "@/lib/providers/resilience/circuit-breaker";
import { liveStateFrom } from "./live-state";

const health = (overrides: Partial<ProviderHealth>): ProviderHealth => ({
  providerKey: "p",
  state: "closed",
  consecutiveFailures: 0,
  lastError: null,
  openedAt: null,
  reopensAt: null,
  recentCalls: 0,
  recentErrorRate: 0,
  ...overrides,
});

describe("liveStateFrom", () => {
  const now = new Date(1_000_000);
  it("treats a circuit opened by a 429 as a rate limit with its wait, others as outages", () => {
    const live = liveStateFrom(
      [
        health({ providerKey: "limited", state: "open", lastError: { kind: "rate_limited", message: "429", at: 0 }, reopensAt: 1_007_500 }),
        health({ providerKey: "down", state: "open", lastError: { kind: "unavailable", message: "500", at: 0 }, reopensAt: 1_030_000 }),
        health({ providerKey: "probing", state: "half_open" }),
        health({ providerKey: "fine" }),
      ],
      { f: 2 },
      now,
    );
    expect(live.rateLimitedProviders).toEqual([{ providerKey: "limited", retryAfterSeconds: 8 }]);
    expect(live.openCircuitProviderKeys).toEqual(["down"]);
    expect(live.openCircuitRetryAfterSeconds).toEqual({ down: 30 });
    expect(live.monthToDateSpendUsdByFeature).toEqual({ f: 2 });
  });
});
