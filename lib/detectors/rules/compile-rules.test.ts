import { describe, expect, it } from "vitest";
import type { ClassificationRulePolicy } from "@/lib/routing/types";
import { DetectionBudget } from "../budget";
import { compileRules, keywordPattern } from "./compile-rules";
import { scanRule } from "./rule-scan";

function rule(overrides: Partial<ClassificationRulePolicy>): ClassificationRulePolicy {
  return {
    key: "r",
    name: "Rule",
    kind: "regex",
    detector: null,
    pattern: null,
    keywords: [],
    dataClass: "confidential",
    enabled: true,
    ...overrides,
  };
}

function keywordHits(keywords: string[], text: string): string[] {
  const pattern = keywordPattern(keywords);
  return pattern === null ? [] : (scanRule(text, pattern, new DetectionBudget()) ?? []).map(([start, end]) => text.slice(start, end));
}

describe("compileRules", () => {
  it("turns detector rules into enabled built-ins at their class", () => {
    const compiled = compileRules([
      rule({ key: "d-email", kind: "detector", detector: "email", dataClass: "confidential" }),
      rule({ key: "d-card", kind: "detector", detector: "payment_card", dataClass: "restricted" }),
      rule({ key: "d-phone", kind: "detector", detector: "phone", enabled: false }),
    ]);
    expect(compiled.detectors).toEqual([
      { key: "email", dataClass: "confidential" },
      { key: "payment_card", dataClass: "restricted" },
    ]);
  });

  it("raises a built-in to the highest class when several rules enable it", () => {
    const compiled = compileRules([
      rule({ key: "a", kind: "detector", detector: "email", dataClass: "restricted" }),
      rule({ key: "b", kind: "detector", detector: "email", dataClass: "internal" }),
    ]);
    expect(compiled.detectors).toEqual([{ key: "email", dataClass: "restricted" }]);
  });

  it("skips rules it cannot run, with the reason", () => {
    const compiled = compileRules([
      rule({ key: "unknown", kind: "detector", detector: "passport" }),
      rule({ key: "lookahead", kind: "regex", pattern: "order-(?=\\d)" }),
      rule({ key: "broken", kind: "regex", pattern: "(" }),
      rule({ key: "nothing", kind: "regex", pattern: null }),
      rule({ key: "no-words", kind: "keywords", keywords: ["  ", ""] }),
    ]);
    expect(compiled.rules).toEqual([]);
    expect(compiled.skipped.map((skipped) => skipped.key)).toEqual(["unknown", "lookahead", "broken", "nothing", "no-words"]);
    expect(compiled.skipped[0]?.reason).toBe('"passport" is not a built-in detector.');
    expect(compiled.skipped[1]?.reason).toContain("Lookahead");
  });

  it("compiles regex rules case-insensitive on RE2, typed rule:<key>", () => {
    const compiled = compileRules([rule({ key: "ticket", pattern: "prj-\\d+", dataClass: "internal" })]);
    const [ticket] = compiled.rules;
    expect(ticket?.type).toBe("rule:ticket");
    expect(ticket?.dataClass).toBe("internal");
    expect(ticket && scanRule("See PRJ-42", ticket, new DetectionBudget())).toEqual([[4, 10]]);
  });

  it("runs shapes that backtracking engines cannot, since RE2 never backtracks", () => {
    const compiled = compileRules([rule({ key: "nested", pattern: "(a+)+$" }), rule({ key: "overlap", pattern: "(?:Ā|ā)+!" })]);
    expect(compiled.skipped).toEqual([]);
    expect(compiled.rules.map((compiledRule) => compiledRule.type)).toEqual(["rule:nested", "rule:overlap"]);
  });

  it("ignores disabled regex and keyword rules", () => {
    const compiled = compileRules([
      rule({ pattern: "falcon", enabled: false }),
      rule({ kind: "keywords", keywords: ["falcon"], enabled: false }),
    ]);
    expect(compiled).toEqual({ detectors: [], rules: [], skipped: [] });
  });
});

describe("keyword rules", () => {
  it.each([
    [["falcon"], "Project FALCON ships", ["FALCON"]],
    [["falcon"], "falconry and peregrine_falcon", []],
    [["Project Falcon"], "project   falcon and project\nfalcon", ["project   falcon", "project\nfalcon"]],
    [["Überflieger"], "Das überflieger-Team, nicht Überfliegerin", ["überflieger"]],
    [["C++", ".NET"], "We use C++ and .NET daily", ["C++", ".NET"]],
    [["new york", "new york city"], "in New York City today", ["New York City"]],
    [["a.b"], "axb is not a.b", ["a.b"]],
  ])("%j in %j → %j", (keywords, text, hits) => {
    expect(keywordHits(keywords, text)).toEqual(hits);
  });

  it("has no pattern without keywords", () => {
    expect(keywordPattern([" ", ""])).toBeNull();
  });
});
