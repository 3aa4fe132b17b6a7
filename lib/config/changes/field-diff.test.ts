import { describe, expect, it } from "vitest";
import { fieldDiff, showValue } from "./field-diff";

describe("fieldDiff", () => {
  it("lists only the fields that changed, nested ones by path", () => {
    const before = { alias: "llama", tier: "local", pricing: { input: 0.1, output: 0.2 }, enabled: true, regions: ["eu"] };
    const after = { alias: "llama", tier: "hosted-open", pricing: { input: 0.1, output: 0.3 }, enabled: true, regions: ["eu", "us"] };
    expect(fieldDiff(before, after)).toEqual([
      { path: "tier", kind: "changed", before: "local", after: "hosted-open" },
      { path: "pricing.output", kind: "changed", before: 0.2, after: 0.3 },
      { path: "regions", kind: "changed", before: ["eu"], after: ["eu", "us"] },
    ]);
  });

  it("reads a created entry as its fields added, a removed one as removed, fields that appear or go as such", () => {
    expect(fieldDiff(null, { key: "x", name: "X" })).toEqual([
      { path: "key", kind: "added", before: null, after: "x" },
      { path: "name", kind: "added", before: null, after: "X" },
    ]);
    expect(fieldDiff({ key: "x" }, null)).toEqual([{ path: "key", kind: "removed", before: "x", after: null }]);
    expect(fieldDiff({ a: 1 }, { a: 1, b: 2 })).toEqual([{ path: "b", kind: "added", before: null, after: 2 }]);
    expect(fieldDiff({ version: 3 }, { version: 4 })).toEqual([{ path: "version", kind: "changed", before: 3, after: 4 }]);
  });

  it("compares lists of entries item by item when their length holds", () => {
    expect(fieldDiff({ rules: [{ k: "a", on: true }, { k: "b", on: true }] }, { rules: [{ k: "a", on: true }, { k: "b", on: false }] })).toEqual([{ path: "rules[2].on", kind: "changed", before: true, after: false }]);
  });

  it("has nothing to show for an unchanged entry", () => {
    expect(fieldDiff({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
    expect(fieldDiff(null, null)).toEqual([]);
  });

  it("shows values plainly", () => {
    expect(showValue(["local", "frontier"])).toBe("local, frontier");
    expect(showValue(null)).toBe("—");
    expect(showValue("")).toBe("(empty)");
    expect(showValue({ a: 1 })).toBe('{"a":1}');
    expect(showValue(false)).toBe("false");
  });
});
