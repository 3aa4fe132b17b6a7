import { describe, expect, it } from "vitest";
import { RULE_WINDOW_CHARS, scanRule } from "./rule-scan";

describe("scanRule", () => {
  it("finds a match that straddles a window edge once, at its absolute offset", () => {
    const start = RULE_WINDOW_CHARS - 3;
    const text = `${"x".repeat(start)} PRJ-12345 ${"y".repeat(RULE_WINDOW_CHARS)}`;
    expect(scanRule(text, /PRJ-\d+/gi)).toEqual([[start + 1, start + 10]]);
  });

  it("scans the whole text, however long", () => {
    const text = `${"lorem ipsum ".repeat(3 * RULE_WINDOW_CHARS)}falcon`;
    expect(scanRule(text, /falcon/gi)).toEqual([[text.length - 6, text.length]]);
  });

  it("lets lookbehinds see the text before a window", () => {
    // "price" split so that "ice" starts a window: a whole-word rule must still not match it.
    const text = `${"a ".repeat(RULE_WINDOW_CHARS / 2 - 2)}a pr${"ice"} tag`;
    expect(text.indexOf("ice")).toBe(RULE_WINDOW_CHARS);
    expect(scanRule(text, /(?<![\p{L}\p{N}_])ice(?![\p{L}\p{N}_])/giu)).toEqual([]);
  });

  it("skips empty matches instead of looping", () => {
    expect(scanRule("abc", /x*/g)).toEqual([]);
  });

  it("returns nothing for empty text", () => {
    expect(scanRule("", /a/g)).toEqual([]);
  });
});
