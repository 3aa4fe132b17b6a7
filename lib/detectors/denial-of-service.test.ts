// The security review's denial-of-service prompts must complete (vitest's timeout is the
// bound; no timing is asserted), and what detect() cannot finish it reports, failing closed.
import { describe, expect, it } from "vitest";
import type { ClassificationRulePolicy } from "@/lib/routing/types";
import { DETECTION_LIMIT_FINDING, DetectionBudget, MAX_DETECT_CHARS } from "./budget";
import { DEFAULT_DETECTOR_RULES } from "./built-in";
import { compileRules } from "./rules/compile-rules";
import { detect } from "./detect";

const MILLION = 1_000_000;
const adminRule = (key: string, pattern: string): ClassificationRulePolicy => ({ key, name: key, kind: "regex", detector: null, pattern, keywords: [], dataClass: "internal", enabled: true });
const everything = compileRules([
  ...DEFAULT_DETECTOR_RULES,
  adminRule("overlap", "(?:Ā|ā)+!"),
  adminRule("cjk", "機密(?:\\s|　)+情報"),
  adminRule("polynomial", "\\d+0\\d+0\\d+0\\d+x"),
  { ...adminRule("words", ""), kind: "keywords", pattern: null, keywords: ["Project Falcon", "機密"] },
]);
const LIMIT = { type: DETECTION_LIMIT_FINDING, count: 1, positions: [], dataClass: "restricted" };

describe("hostile prompts of a million characters complete", () => {
  it.each([
    ["ssn followed by a million spaces", `ssn${" ".repeat(MILLION)}`],
    ["a million spaces and tabs after a phone cue", `phone${" \t".repeat(MILLION / 2)}`],
    ["a million digits", "7".repeat(MILLION)],
    ["a million digit groups", "4 ".repeat(MILLION / 2)],
    ["a million mixed separators", "1-./_\t\n ".repeat(MILLION / 8)],
    ["a million Unicode spaces, digits and zero-width characters", "\u00a0４\u2009٣\u200b\u2013\u3000\u00ad".repeat(MILLION / 8)],
    ["the overlap rule's alphabet", "Ā".repeat(MILLION)],
    ["the CJK rule's near-miss", `機密${"　".repeat(MILLION)}`],
    ["the polynomial rule's near-miss", "0".repeat(MILLION)],
    ["a million combining marks", `a${"\u0301".repeat(MILLION)}`],
    ["a million at signs", "a@".repeat(MILLION / 2)],
    ["a million PEM headers", "-----BEGIN PRIVATE KEY-----".repeat(MILLION / 27)],
  ])("%s", (_, text) => {
    const findings = detect(text, everything);
    expect(Array.isArray(findings)).toBe(true);
  });
});

describe("limits fail closed", () => {
  it("reports a detection_limit finding, and still scans the first MAX_DETECT_CHARS, for a longer prompt", () => {
    const text = `card 4111 1111 1111 1111 ${"x".repeat(MAX_DETECT_CHARS)}`;
    const findings = detect(text, compileRules(DEFAULT_DETECTOR_RULES));
    expect(findings.map((finding) => finding.type)).toEqual(["payment_card", DETECTION_LIMIT_FINDING]);
    expect(findings.at(-1)).toEqual(LIMIT);
  });

  it("reports a detection_limit finding when the budget runs out, never skipping silently", () => {
    const findings = detect("a".repeat(10_000), everything, { budget: new DetectionBudget(25_000) });
    expect(findings).toContainEqual(LIMIT);
  });

  it("reports a detection_limit finding when secret keywords flood the prompt", () => {
    const findings = detect("ghp_sk-eyJxoxb-AKIA://".repeat(MILLION / 22), everything);
    expect(findings).toContainEqual(LIMIT);
  });

  it("adds nothing for an ordinary prompt", () => {
    expect(detect("Hello, how are you?", everything)).toEqual([]);
  });
});
