import { describe, expect, it } from "vitest";
import { checkRegexSafety, MAX_RULE_PATTERN_LENGTH, toRe2Syntax } from "./rule-pattern";

function reasonFor(pattern: string): string {
  const result = checkRegexSafety(pattern);
  return result.ok ? "ok" : result.reason;
}

describe("checkRegexSafety (RE2)", () => {
  it.each([
    ["\\bPRJ-\\d{4,6}\\b", "a ticket id"],
    ["\\bproject[ -]?falcon\\b", "a codename with optional separator"],
    ["\\w+@acme\\.com", "a leading open-ended repeat"],
    ["(?<=order )\\d+", "a lookbehind (linear in re2js)"],
    ["(?<name>EMP)-\\d+", "a named group"],
    ["caf\\u00e9", "a JavaScript \\u escape (translated to \\x{…})"],
    ["a{2", "a literal brace"],
    // What the old hand-written checker refused, or let through and then stalled on: all linear on RE2.
    ["(a+)+$", "nested repeats"],
    ["(a|a)*b", "overlapping options"],
    ["(?:Ā|ā)+!", "overlapping non-ASCII options (the review's bypass)"],
    ["機密(?:\\s|　)+情報", "CJK with overlapping spaces (the review's bypass)"],
    ["\\d+0\\d+0\\d+0\\d+x", "a polynomial shape (the review's bypass)"],
  ])("accepts %s (%s)", (pattern) => {
    expect(checkRegexSafety(pattern)).toEqual({ ok: true });
  });

  it.each([
    ["order-(?=\\d)", "Lookahead"],
    ["foo(?!bar)", "Lookahead"],
    ["\\b(\\w+)\\s+\\1\\b", "Backreferences"],
    ["(?<w>a)\\k<w>", "Backreferences"],
    ["(?>ab)c", "Atomic groups"],
    ["a++", "possessive"],
    ["a{2000}", "Repeat counts above 1000"],
    ["", "The pattern is empty."],
    ["   ", "The pattern is empty."],
    ["(", "not a valid regular expression (RE2 syntax): missing closing )"],
    ["[a-z", "not a valid regular expression (RE2 syntax): missing closing ]"],
    ["x*", "can match empty text"],
    ["\\b", "can match empty text"],
    ["(?<=a)", "can match empty text"],
    ["a".repeat(MAX_RULE_PATTERN_LENGTH + 1), `${MAX_RULE_PATTERN_LENGTH + 1} characters long; the limit is ${MAX_RULE_PATTERN_LENGTH}`],
  ])("refuses %j with a reason that says why", (pattern, reason) => {
    expect(reasonFor(pattern)).toContain(reason);
  });

  it("accepts a pattern of exactly the maximum length", () => {
    expect(checkRegexSafety("a".repeat(MAX_RULE_PATTERN_LENGTH))).toEqual({ ok: true });
  });

  it("translates JavaScript escapes but leaves escaped backslashes alone", () => {
    expect(toRe2Syntax("\\u00e9\\u{1F600}\\\\u0041")).toBe("\\x{00e9}\\x{1F600}\\\\u0041");
  });
});
