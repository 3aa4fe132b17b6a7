import { describe, expect, it } from "vitest";
import { uuidv7, uuidv7Time } from "./uuidv7";

describe("uuidv7", () => {
  it("is a version-7 UUID carrying its creation time", () => {
    const at = Date.UTC(2026, 10, 21, 12, 0, 0, 123);
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidv7Time(id).getTime()).toBe(at);
  });

  it("differs between ids made in the same millisecond", () => {
    const ids = new Set(Array.from({ length: 1_000 }, () => uuidv7(1_700_000_000_000)));
    expect(ids.size).toBe(1_000);
    for (const id of ids) expect(id).toMatch(/^018bcfe5-6800-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("sorts by time as a string", () => {
    const ids = [uuidv7(1_700_000_000_002), uuidv7(1_700_000_000_000), uuidv7(1_700_000_000_001)];
    expect([...ids].sort().map((id) => uuidv7Time(id).getTime())).toEqual([1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_002]);
  });
});
