import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker";
import { ProviderError } from "../provider-error";

function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const outage = () => new ProviderError({ kind: "unavailable", status: 503, message: "upstream down" });
const rateLimit = (retryAfterSeconds?: number) =>
  new ProviderError({ kind: "rate_limited", status: 429, message: "slow down", ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });

describe("CircuitBreaker", () => {
  it("opens after N consecutive failures, not before; a success resets the count", () => {
    const clock = fakeClock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, now: clock.now });
    breaker.onFailure("p", outage());
    breaker.onFailure("p", outage());
    breaker.onSuccess("p");
    breaker.onFailure("p", outage());
    breaker.onFailure("p", outage());
    expect(breaker.canRequest("p")).toBe(true);
    breaker.onFailure("p", outage());
    expect(breaker.stateOf("p")).toBe("open");
    expect(breaker.canRequest("p")).toBe(false);
    expect(breaker.canRequest("other")).toBe(true);
  });

  it("defaults to 5 failures and a 30 s cooldown, then admits exactly one probe", () => {
    const clock = fakeClock();
    const breaker = new CircuitBreaker({ now: clock.now });
    for (let index = 0; index < 4; index++) breaker.onFailure("p", outage());
    expect(breaker.stateOf("p")).toBe("closed");
    breaker.onFailure("p", outage());
    expect(breaker.stateOf("p")).toBe("open");
    clock.advance(29_999);
    expect(breaker.canRequest("p")).toBe(false);
    clock.advance(1);
    expect(breaker.stateOf("p")).toBe("half_open");
    expect(breaker.canRequest("p")).toBe(true); // the probe
    expect(breaker.canRequest("p")).toBe(false); // everyone else waits for its verdict
  });

  it("closes on probe success and reopens on probe failure", () => {
    const clock = fakeClock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000, now: clock.now });
    breaker.onFailure("p", outage());
    clock.advance(1_000);
    expect(breaker.canRequest("p")).toBe(true);
    breaker.onFailure("p", outage());
    expect(breaker.stateOf("p")).toBe("open");
    expect(breaker.canRequest("p")).toBe(false);
    clock.advance(1_000);
    expect(breaker.canRequest("p")).toBe(true);
    breaker.onSuccess("p");
    expect(breaker.stateOf("p")).toBe("closed");
    expect(breaker.canRequest("p")).toBe(true);
    expect(breaker.canRequest("p")).toBe(true);
  });

  it("opens on a single 429 and stays open for its retry-after", () => {
    const clock = fakeClock();
    const breaker = new CircuitBreaker({ cooldownMs: 30_000, now: clock.now });
    breaker.onFailure("p", rateLimit(7));
    expect(breaker.canRequest("p")).toBe(false);
    clock.advance(6_999);
    expect(breaker.canRequest("p")).toBe(false);
    clock.advance(1);
    expect(breaker.canRequest("p")).toBe(true);
  });

  it("uses the cooldown for a 429 without retry-after, and caps absurd retry-afters", () => {
    const clock = fakeClock();
    const breaker = new CircuitBreaker({ cooldownMs: 5_000, maxOpenMs: 60_000, now: clock.now });
    breaker.onFailure("a", rateLimit());
    breaker.onFailure("b", rateLimit(86_400));
    clock.advance(5_000);
    expect(breaker.canRequest("a")).toBe(true);
    expect(breaker.canRequest("b")).toBe(false);
    clock.advance(55_000);
    expect(breaker.canRequest("b")).toBe(true);
  });

  it("ignores the caller's faults: bad_request and auth neither count nor show as last error", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1 });
    breaker.onFailure("p", new ProviderError({ kind: "bad_request", status: 400, message: "bad temperature" }));
    breaker.onFailure("p", new ProviderError({ kind: "context_length", status: 400, message: "too long" }));
    breaker.onFailure("p", new ProviderError({ kind: "auth", status: 401, message: "bad key" }));
    expect(breaker.stateOf("p")).toBe("closed");
    expect(breaker.snapshot()).toEqual([]);
  });

  it("a probe that ends without a verdict (release) lets the next request probe", () => {
    const clock = fakeClock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 100, now: clock.now });
    breaker.onFailure("p", outage());
    clock.advance(100);
    expect(breaker.canRequest("p")).toBe(true);
    breaker.release("p");
    expect(breaker.canRequest("p")).toBe(true);
  });

  it("presumes a silent probe lost after probeTimeoutMs", () => {
    const clock = fakeClock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 100, probeTimeoutMs: 5_000, now: clock.now });
    breaker.onFailure("p", outage());
    clock.advance(100);
    expect(breaker.canRequest("p")).toBe(true);
    clock.advance(4_999);
    expect(breaker.canRequest("p")).toBe(false);
    clock.advance(1);
    expect(breaker.canRequest("p")).toBe(true);
  });

  it("snapshot reports state, failures, last error, opened-at and the recent error rate", () => {
    const clock = fakeClock(5_000);
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000, windowSize: 4, now: clock.now });
    breaker.onSuccess("p");
    breaker.onSuccess("p");
    breaker.onSuccess("p");
    breaker.onFailure("p", outage());
    clock.advance(10);
    breaker.onFailure("p", outage());
    expect(breaker.snapshot()).toEqual([
      {
        providerKey: "p",
        state: "open",
        consecutiveFailures: 2,
        lastError: { kind: "unavailable", status: 503, message: "upstream down", at: 5_010 },
        openedAt: 5_010,
        reopensAt: 6_010,
        recentCalls: 4,
        recentErrorRate: 0.5,
      },
    ]);
    clock.advance(1_000);
    expect(breaker.snapshot()[0]?.state).toBe("half_open");
  });

  it("shares an opening: the other instance adopts it (never shortening its own), and adopting is not re-announced", () => {
    const clock = fakeClock();
    const announced: Array<{ key: string; until: number }> = [];
    const first = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 30_000, now: clock.now, onOpen: (key, opened) => announced.push({ key, until: opened.until }) });
    const second = new CircuitBreaker({ now: clock.now, onOpen: () => announced.push({ key: "echo", until: 0 }) });
    first.onFailure("p", outage());
    expect(announced).toEqual([{ key: "p", until: clock.now() + 30_000 }]);
    second.adoptOpen("p", { until: announced[0]!.until, lastError: first.snapshot()[0]!.lastError });
    expect(second.canRequest("p")).toBe(false);
    expect(second.snapshot()[0]!.lastError).toMatchObject({ kind: "unavailable", message: "upstream down" });
    expect(announced).toHaveLength(1);
    // A shorter opening does not shorten a longer one; one already past changes nothing.
    second.adoptOpen("p", { until: clock.now() + 1_000, lastError: null });
    expect(second.snapshot()[0]!.reopensAt).toBe(announced[0]!.until);
    second.adoptOpen("q", { until: clock.now() - 1, lastError: null });
    expect(second.canRequest("q")).toBe(true);
    clock.advance(30_000);
    expect(second.canRequest("p")).toBe(true);
  });
});
