import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "./json-depth";

const nested = (depth: number, open = "[", close = "]") => open.repeat(depth) + close.repeat(depth);

describe("nestsDeeperThan (found by fuzzing: a 100,000-deep array in a body overflowed the stack)", () => {
  it("allows the limit and refuses one level more, for arrays, objects and both", () => {
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan('{"a":'.repeat(MAX_JSON_DEPTH + 1) + "1" + "}".repeat(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan('[{"a":'.repeat(70) + "1" + "}]".repeat(70))).toBe(true);
  });

  it("counts depth, not brackets: many siblings are fine", () => {
    expect(nestsDeeperThan(`[${"[],".repeat(100_000)}[]]`)).toBe(false);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(nestsDeeperThan(JSON.stringify({ text: "[".repeat(10_000) }))).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ text: `\\"${"{".repeat(10_000)}` }))).toBe(false);
  });

  it("scans a megabyte at once and a million levels without recursion", () => {
    const started = performance.now();
    expect(nestsDeeperThan(nested(1_000_000))).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ text: "x".repeat(1_000_000) }))).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
