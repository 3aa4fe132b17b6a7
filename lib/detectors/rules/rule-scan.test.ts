import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";
import { DetectionBudget } from "../budget";
import { RULE_WINDOW_CHARS, RULE_WINDOW_MARGIN, scanRule, type RulePattern } from "./rule-scan";

const rule = (source: string, flags = RE2JS.CASE_INSENSITIVE): RulePattern => ({ pattern: RE2JS.compile(source, flags) });
const scan = (text: string, source: string, flags?: number) => scanRule(text, rule(source, flags), new DetectionBudget());

describe("scanRule", () => {
  it("finds a match that straddles a window edge once, at its absolute offset", () => {
    const start = RULE_WINDOW_CHARS - 3;
    const text = `${"x".repeat(start)} PRJ-12345 ${"y".repeat(RULE_WINDOW_CHARS)}`;
    expect(scan(text, String.raw`PRJ-\d+`)).toEqual([[start + 1, start + 10]]);
  });

  it("scans the whole text, however long", () => {
    const text = `${"lorem ipsum ".repeat(3 * RULE_WINDOW_CHARS)}falcon`;
    expect(scan(text, "falcon")).toEqual([[text.length - 6, text.length]]);
  });

  it("lets lookbehinds see the text before a window", () => {
    // "price" split so that "ice" starts a window: a whole-word rule must still not match it.
    const text = `${"a ".repeat(RULE_WINDOW_CHARS / 2 - 2)}a pr${"ice"} tag`;
    expect(text.indexOf("ice")).toBe(RULE_WINDOW_CHARS);
    expect(scan(text, String.raw`(?<![\p{L}\p{N}_])ice`, RE2JS.CASE_INSENSITIVE | RE2JS.LOOKBEHINDS)).toEqual([]);
  });

  it("reads the whole text when a match is longer than a window's margin", () => {
    const body = "x".repeat(RULE_WINDOW_CHARS + RULE_WINDOW_MARGIN * 2);
    const text = `pad BEGIN${body}END pad`;
    expect(scan(text, "BEGINx+END")).toEqual([[4, text.length - 4]]);
  });

  it("returns nothing for empty text", () => {
    expect(scan("", "a")).toEqual([]);
  });

  it("returns null when the budget runs out, so detect() can fail closed", () => {
    expect(scanRule("a".repeat(100), rule("a"), new DetectionBudget(50))).toBeNull();
  });
});
