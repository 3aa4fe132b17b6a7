import { describe, expect, it } from "vitest";
import { anchorLeadingRepeats } from "./run-start-anchor";

function allMatches(pattern: string, text: string): string[] {
  return [...text.matchAll(new RegExp(pattern, "gi"))].map((match) => `${match.index}:${match[0]}`);
}

describe("anchorLeadingRepeats", () => {
  it.each([
    ["\\w+@acme\\.com", "(?<!\\w)\\w+@acme\\.com"],
    ["(\\w+\\.)+internal", "(?<!(?:\\w+\\.))(?<!\\w)(\\w+\\.)+internal"],
    ["(?:ab|cd)+x", "(?<!(?:ab|cd))(?:ab|cd)+x"],
    ["(\\d+)-\\d+", "(?<!\\d)(\\d+)-\\d+"],
    ["a+|b*c", "(?<!a)a+|(?<!b)b*c"],
  ])("anchors %s", (pattern, anchored) => {
    expect(anchorLeadingRepeats(pattern)).toBe(anchored);
  });

  it.each([
    ["\\bPRJ-\\d+", "starts with a literal"],
    ["\\b\\S+@corp", "an assertion comes first"],
    ["(?<=\\$)\\d+", "a lookbehind comes first"],
    ["\\d{2,4}x", "the leading repeat is bounded"],
    ["(a)\\1+x", "backreferences"],
    ["(?:(a)b)+", "a capture inside the repeated group"],
  ])("leaves %s alone (%s)", (pattern) => {
    expect(anchorLeadingRepeats(pattern)).toBe(pattern);
  });

  it.each([
    ["\\w+@acme\\.com", "mail ops@acme.com, x.y_z@acme.com and nobody@acme.org"],
    ["(\\w+\\.)+internal", "hosts db.eu.internal, a.b.c.internal; not example.com"],
    ["\\d+ ?EUR", "pay 12 EUR, 1500EUR or 3 USD"],
    ["[A-Z]+-\\d+", "tickets ABC-12, X-1 and abc-"],
    [".*secret", "line one\nthe secret is here\nno match"],
  ])("finds the same matches as %s", (pattern, text) => {
    expect(allMatches(anchorLeadingRepeats(pattern), text)).toEqual(allMatches(pattern, text));
  });
});
