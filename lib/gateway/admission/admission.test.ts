import { describe, expect, it } from "vitest";
import { InFlightLimit, overloaded } from "./admission";

describe("InFlightLimit", () => {
  it("admits up to its bound, refuses past it, and admits again once a slot is left", () => {
    const limit = new InFlightLimit(2);
    expect(limit.tryEnter()).toBe(true);
    expect(limit.tryEnter()).toBe(true);
    expect(limit.tryEnter()).toBe(false);
    limit.leave();
    expect(limit.inFlight).toBe(1);
    expect(limit.tryEnter()).toBe(true);
  });

  it("never counts below zero when a slot is left twice", () => {
    const limit = new InFlightLimit(1);
    limit.leave();
    expect(limit.inFlight).toBe(0);
    expect(limit.tryEnter()).toBe(true);
    expect(limit.tryEnter()).toBe(false);
  });

  it("refuses while the event loop is later than its bound, and admits again once it catches up", () => {
    let delay = 40;
    const limit = new InFlightLimit(100, () => delay, 250);
    expect(limit.tryEnter()).toBe(true);
    delay = 400;
    expect(limit.tryEnter()).toBe(false);
    expect(limit.lastRefusal).toBe("event_loop");
    expect(overloaded(limit).message).toContain("GATEWAY_MAX_EVENT_LOOP_DELAY_MS");
    delay = 30;
    expect(limit.tryEnter()).toBe(true);
    expect(limit.inFlight).toBe(2);
  });

  it("ignores the event loop when that bound is off", () => {
    const limit = new InFlightLimit(1, () => 10_000, 0);
    expect(limit.tryEnter()).toBe(true);
  });

  it("answers 503 gateway_overloaded with retry-after, naming the bound", () => {
    const error = overloaded(new InFlightLimit(8));
    expect(error).toMatchObject({ status: 503, code: "gateway_overloaded", headers: { "retry-after": "1" } });
    expect(error.message).toContain("GATEWAY_MAX_IN_FLIGHT");
  });
});
