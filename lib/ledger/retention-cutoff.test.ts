import { describe, expect, it } from "vitest";
import { retentionCutoff } from "./retention-cutoff";

describe("retentionCutoff", () => {
  it("is now minus whole days", () => {
    expect(retentionCutoff(new Date("2026-11-21T12:00:00Z"), 90).toISOString()).toBe("2026-08-23T12:00:00.000Z");
  });

  it("refuses a retention that would delete everything or is not whole days", () => {
    expect(() => retentionCutoff(new Date(), 0)).toThrow();
    expect(() => retentionCutoff(new Date(), 1.5)).toThrow();
  });
});
