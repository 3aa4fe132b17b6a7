import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "@/lib/providers/resilience/circuit-breaker";
import { ProviderError } from "@/lib/providers/provider-error";
import { providerHealthViews } from "./provider-health-view";

describe("providerHealthViews", () => {
  it("lists every configured provider, idle until the gateway has called it", () => {
    const now = 1_800_000_000_000;
    const breaker = new CircuitBreaker({ now: () => now, failureThreshold: 2, cooldownMs: 30_000 });
    breaker.onSuccess("ok");
    breaker.onFailure("down", new ProviderError({ kind: "unavailable", message: "502 from upstream", status: 502 }));
    breaker.onFailure("down", new ProviderError({ kind: "timeout", message: "no answer in 30 s" }));

    const view = providerHealthViews(["down", "never-called", "ok"], breaker.snapshot(), new Date(now));
    expect(view.checkedAt).toBe(new Date(now).toISOString());
    expect(view.providers.map((provider) => [provider.key, provider.state])).toEqual([
      ["down", "open"],
      ["never-called", "idle"],
      ["ok", "closed"],
    ]);
    expect(view.providers[0]).toMatchObject({
      recentCalls: 2,
      recentErrorRate: 1,
      lastError: { kind: "timeout", message: "no answer in 30 s", status: null, at: new Date(now).toISOString() },
      reopensAt: new Date(now + 30_000).toISOString(),
    });
  });

  it("leaves out providers that are no longer configured", () => {
    const breaker = new CircuitBreaker();
    breaker.onSuccess("removed");
    expect(providerHealthViews([], breaker.snapshot(), new Date()).providers).toEqual([]);
  });
});
