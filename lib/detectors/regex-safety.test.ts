import { describe, expect, it } from "vitest";
import { checkRegexSafety, MAX_RULE_PATTERN_LENGTH } from "./regex-safety";

function reasonFor(pattern: string): string {
  const result = checkRegexSafety(pattern);
  return result.ok ? "ok" : result.reason;
}

describe("checkRegexSafety", () => {
  it.each([
    ["\\bPRJ-\\d{4,6}\\b", "a ticket id"],
    ["\\bproject[ -]?falcon\\b", "a codename with optional separator"],
    ["[A-Z]{3}-\\d+", "a prefix and a number"],
    ["(?:\\d{3}-){2}\\d{4}", "a fixed-size repeated group"],
    ["\\w+@acme\\.com", "a leading open-ended repeat (defused at compile time)"],
    ["(,\\d+)+", "a repeated group that starts with a separator"],
    ["(\\w+\\.)+internal", "a repeated group that ends with a separator"],
    ["\\b(?:foo|bar)+\\b", "a repeated choice of distinct options"],
    ["(?:\\d|[a-f])+", "a repeated choice of disjoint classes"],
    ["(?<=order )\\d+", "a lookbehind"],
    ["\\b(\\w+)\\s+\\1\\b", "a backreference"],
    ["a{2", "a literal brace (no quantifier)"],
  ])("accepts %s (%s)", (pattern) => {
    expect(checkRegexSafety(pattern)).toEqual({ ok: true });
  });

  it.each([
    // The textbook catastrophic shapes (OWASP "ReDoS" examples and the brief's list).
    ["(a+)+", "repeats a group that itself contains a repeat"],
    ["(a*)*", "repeats a group that itself contains a repeat"],
    ["(\\w+\\s?)+", "repeats a group that itself contains a repeat"],
    ["^(\\d+)*$", "repeats a group that itself contains a repeat"],
    ["(x+x+)+y", "repeats a group that itself contains a repeat"],
    ["([a-zA-Z]+)*@", "repeats a group that itself contains a repeat"],
    ["(?<word>a+){2,}", "repeats a group that itself contains a repeat"],
    ["(\\d{1,3})+", "repeats a group that itself contains a repeat"],
    ["(.*a){12}", "repeats a group that itself contains a repeat"],
    ["(a|a)*", "options can start with the same character"],
    ["(a|ab)*", "options can start with the same character"],
    ["(?:\\d|\\w)+", "options can start with the same character"],
    ["(a|)+b", "an option that can match empty text"],
    ["\\d+\\d+", "open-ended repeats that can match the same characters"],
    ["x.*.*=", "open-ended repeats that can match the same characters"],
    ["\\w+\\s*\\w+@", "open-ended repeats that can match the same characters"],
  ])("refuses %s: %s", (pattern, reason) => {
    expect(reasonFor(pattern)).toContain(reason);
  });

  it.each([
    ["", "The pattern is empty."],
    ["   ", "The pattern is empty."],
    ["(", "not a valid regular expression: Unterminated group"],
    ["[a-z", "not a valid regular expression: Unterminated character class"],
    ["a**", "not a valid regular expression: Nothing to repeat"],
    ["x*", "can match empty text"],
    ["\\b", "can match empty text"],
    ["(?=a)", "can match empty text"],
    ["a".repeat(MAX_RULE_PATTERN_LENGTH + 1), `${MAX_RULE_PATTERN_LENGTH + 1} characters long; the limit is ${MAX_RULE_PATTERN_LENGTH}`],
  ])("refuses %j with a readable reason", (pattern, reason) => {
    expect(reasonFor(pattern)).toContain(reason);
  });

  it("quotes the offending part so the admin can find it", () => {
    expect(reasonFor("^order-(\\w+\\s?)+$")).toContain('"(\\w+\\s?)+"');
  });

  it("accepts a pattern of exactly the maximum length", () => {
    expect(checkRegexSafety("a".repeat(MAX_RULE_PATTERN_LENGTH))).toEqual({ ok: true });
  });
});
