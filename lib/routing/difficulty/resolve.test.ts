import { describe, it, expect } from "vitest";
import { decide } from "../decide";
import { fixtureAnalysis, fixtureFinding, fixtureLive, fixtureSnapshot } from "../fixtures";
import type { Analysis, Difficulty, DifficultySource, PolicySnapshot } from "../types";

const run = (overrides: Partial<Analysis> = {}, snapshot: PolicySnapshot = fixtureSnapshot()) =>
  decide(fixtureAnalysis(overrides), snapshot, fixtureLive());
const aliases = (decision: ReturnType<typeof decide>) => decision.candidates.map((candidate) => candidate.alias);
const rejectedAs = (decision: ReturnType<typeof decide>, reason: string) =>
  decision.rejected.filter((rejection) => rejection.reason === reason).map((rejection) => rejection.alias);

describe("difficulty: caller → feature default → standard", () => {
  it.each<{ overrides: Partial<Analysis>; level: Difficulty; source: DifficultySource; minTier: string; first: string }>([
    { overrides: {}, level: "standard", source: "default", minTier: "hosted-open", first: "deepseek-v3" },
    { overrides: { featureKey: "support-bot" }, level: "routine", source: "feature", minTier: "local", first: "llama-3.1-8b" },
    { overrides: { featureKey: "support-bot", declaredDifficulty: "hard" }, level: "hard", source: "caller", minTier: "frontier", first: "gpt-4o" },
    { overrides: { featureKey: "analytics-assistant" }, level: "standard", source: "feature", minTier: "hosted-open", first: "deepseek-v3" },
    { overrides: { declaredDifficulty: "routine" }, level: "routine", source: "caller", minTier: "local", first: "llama-3.1-8b" },
  ])("$level from $source → minimum $minTier", ({ overrides, level, source, minTier, first }) => {
    const decision = run(overrides);
    expect(decision.difficulty).toEqual({ level, source });
    expect(decision.minTier).toMatchObject({ tierKey: minTier, source: "difficulty", ruleKey: null });
    expect(decision.candidates[0]?.alias).toBe(first);
  });

  it("rejects models below the minimum as difficulty and reports the escalation", () => {
    const decision = run({ featureKey: "support-bot", declaredDifficulty: "hard" });
    expect(aliases(decision)).toEqual(["gpt-4o", "claude-sonnet"]);
    expect(rejectedAs(decision, "difficulty")).toEqual(["llama-3.1-8b", "gemma-2-9b", "deepseek-v3", "llama-3.1-70b"]);
    expect(rejectedAs(decision, "licence")).toEqual(["qwen-2.5-3b"]);
    expect(decision.escalation).toBe("difficulty");
    expect(decision.trace).toContain(
      "gpt-4o is above the local tier, the cheapest data class internal allows, because difficulty hard needs the frontier tier or above.",
    );
  });

  it("pulls a minimum above the class down to the class's highest tier instead of refusing", () => {
    const decision = run({ featureKey: "contract-review" }); // hard, confidential
    expect(decision.minTier).toEqual({
      tierKey: "hosted-open",
      source: "difficulty",
      ruleKey: null,
      why: "difficulty hard needs the frontier tier or above, lowered to hosted-open by data class confidential",
    });
    expect(aliases(decision)).toEqual(["deepseek-v3", "llama-3.1-70b"]);
    expect(decision.trace).toContain(
      "Difficulty hard needs the frontier tier or above, but data class confidential allows nothing above the hosted-open tier; the minimum is lowered to hosted-open.",
    );
  });

  it("a difficulty mapped to an unknown tier sets no minimum", () => {
    const snapshot = fixtureSnapshot();
    snapshot.difficultyMinTier.standard = "gone";
    const decision = run({}, snapshot);
    expect(decision.minTier).toBeNull();
    expect(decision.candidates[0]?.alias).toBe("llama-3.1-8b");
  });
});

describe("routing rules", () => {
  it("a keyword rule raises the minimum; lower models are rejected as rule", () => {
    const decision = run({ featureKey: "support-bot", promptText: "Check the indemnity clause, please." });
    expect(decision.matchedRuleKeys).toEqual(["legal-language"]);
    expect(decision.minTier).toMatchObject({ tierKey: "frontier", source: "rule", ruleKey: "legal-language" });
    expect(aliases(decision)).toEqual(["gpt-4o", "claude-sonnet"]);
    expect(rejectedAs(decision, "rule")).toEqual(["llama-3.1-8b", "gemma-2-9b", "deepseek-v3", "llama-3.1-70b"]);
    expect(decision.rejected.find((r) => r.alias === "deepseek-v3")?.detail).toBe('rule "Legal language to frontier" needs the frontier tier or above.');
    expect(decision.escalation).toBe("rule");
    expect(decision.trace).toContain('Rule "Legal language to frontier" matched (keyword "indemnity") → at least the frontier tier.');
  });

  it("keywords match whole words only, case-insensitively", () => {
    expect(run({ featureKey: "support-bot", promptText: "The CONTRACT is attached" }).matchedRuleKeys).toEqual(["legal-language"]);
    expect(run({ featureKey: "support-bot", promptText: "Ask the contractor" }).matchedRuleKeys).toEqual([]);
  });

  it("a length rule raises the minimum from the prompt estimate, bounds inclusive", () => {
    expect(run({ featureKey: "support-bot", estimatedPromptTokens: 5_999 }).matchedRuleKeys).toEqual([]);
    const decision = run({ featureKey: "support-bot", estimatedPromptTokens: 6_000, requestedOutputTokens: 100 });
    expect(decision.matchedRuleKeys).toEqual(["long-prompt"]);
    expect(decision.minTier).toMatchObject({ tierKey: "hosted-open", source: "rule", ruleKey: "long-prompt" });
    expect(rejectedAs(decision, "rule")).toEqual(["llama-3.1-8b", "gemma-2-9b"]);
  });

  it("a feature rule lowers the maximum; dearer models are rejected as rule", () => {
    const decision = run({ featureKey: "ticket-triage", declaredDifficulty: "standard" });
    expect(decision.maxTier).toEqual({ tierKey: "hosted-open", source: "rule", ruleKey: "triage-cap", why: 'rule "Ticket triage never on frontier" allows nothing above the hosted-open tier' });
    expect(aliases(decision)).toEqual(["deepseek-v3", "llama-3.1-70b"]);
    expect(rejectedAs(decision, "rule")).toEqual(["gpt-4o", "claude-sonnet"]);
  });

  it("when a rule's maximum is below the difficulty minimum, the maximum wins", () => {
    const decision = run({ featureKey: "ticket-triage", declaredDifficulty: "hard" });
    expect(decision.minTier).toMatchObject({ tierKey: "hosted-open", source: "rule", ruleKey: "triage-cap" });
    expect(aliases(decision)).toEqual(["deepseek-v3", "llama-3.1-70b"]);
    expect(decision.trace).toContain(
      'Difficulty hard needs the frontier tier or above, but rule "Ticket triage never on frontier" allows nothing above the hosted-open tier; the maximum wins.',
    );
  });

  it("disabled rules never match", () => {
    expect(run({ promptText: "URGENT: reply now" }).matchedRuleKeys).toEqual([]);
  });

  it("a rule with a difficulty condition matches only that difficulty", () => {
    const snapshot = fixtureSnapshot();
    snapshot.routingRules.push({
      key: "routine-cap",
      name: "Routine stays local",
      position: 5,
      enabled: true,
      when: { featureKey: null, minEstimatedTokens: null, maxEstimatedTokens: 4_000, keywords: [], difficulty: "routine" },
      then: { minTierKey: null, maxTierKey: "local", pinModelAlias: null },
    });
    expect(run({ declaredDifficulty: "routine" }, snapshot).matchedRuleKeys).toEqual(["routine-cap"]);
    expect(run({ declaredDifficulty: "standard" }, snapshot).matchedRuleKeys).toEqual([]);
    expect(run({ declaredDifficulty: "routine", estimatedPromptTokens: 4_001 }, snapshot).matchedRuleKeys).toEqual([]);
  });

  it("a rule pin keeps only that model, overriding tier rules, and escalation says rule", () => {
    const decision = run({ featureKey: "support-bot", promptText: "Write SQL for the contract table" });
    expect(decision.matchedRuleKeys).toEqual(["legal-language", "sql-to-deepseek"]);
    expect(decision.pin).toEqual({ source: "rule", kind: "model", target: "deepseek-v3", ruleKey: "sql-to-deepseek" });
    expect(aliases(decision)).toEqual(["deepseek-v3"]);
    expect(new Set(decision.rejected.map((rejection) => rejection.reason))).toEqual(new Set(["rule"]));
    expect(decision.escalation).toBe("rule");
  });

  it("the first matching pin wins; a later one is noted", () => {
    const snapshot = fixtureSnapshot();
    snapshot.routingRules.push({
      key: "sql-to-llama",
      name: "SQL to Llama 70B",
      position: 45,
      enabled: true,
      when: { featureKey: null, minEstimatedTokens: null, maxEstimatedTokens: null, keywords: ["sql"], difficulty: null },
      then: { minTierKey: null, maxTierKey: null, pinModelAlias: "llama-3.1-70b" },
    });
    const decision = run({ promptText: "sql please" }, snapshot);
    expect(aliases(decision)).toEqual(["deepseek-v3"]);
    expect(decision.trace).toContain('Rule "SQL to Llama 70B" also pins model llama-3.1-70b, but rule "SQL questions to DeepSeek" comes first.');
  });

  it("a rule pin naming an unknown model is ignored", () => {
    const snapshot = fixtureSnapshot();
    snapshot.routingRules = snapshot.routingRules.map((rule) =>
      rule.key === "sql-to-deepseek" ? { ...rule, then: { ...rule.then, pinModelAlias: "retired-model" } } : rule,
    );
    const decision = run({ promptText: "sql please" }, snapshot);
    expect(decision.pin).toBeNull();
    expect(aliases(decision)).toEqual(["deepseek-v3", "llama-3.1-70b", "gpt-4o", "claude-sonnet"]);
    expect(decision.trace).toContain('Rule "SQL questions to DeepSeek" pins model retired-model, which does not exist; the pin is ignored.');
  });

  it("a rule pin the class forbids is ignored, not refused (confidential + pin to frontier)", () => {
    const snapshot = fixtureSnapshot();
    snapshot.routingRules = snapshot.routingRules.map((rule) =>
      rule.key === "sql-to-deepseek" ? { ...rule, then: { ...rule.then, pinModelAlias: "gpt-4o" } } : rule,
    );
    const decision = run({ findings: [fixtureFinding("email", "confidential")], promptText: "sql please" }, snapshot);
    expect(decision.outcome).toEqual({ kind: "ok" });
    expect(decision.pin).toBeNull();
    expect(aliases(decision)).toEqual(["deepseek-v3", "llama-3.1-70b"]);
  });

  it("a caller tier pin sets rule minimums aside", () => {
    const decision = run({ featureKey: "support-bot", promptText: "the contract", pin: { kind: "tier", tierKey: "local" } });
    expect(decision.matchedRuleKeys).toEqual(["legal-language"]);
    expect(aliases(decision)).toEqual(["llama-3.1-8b", "gemma-2-9b"]);
    expect(decision.minTier).toMatchObject({ tierKey: "local", source: "pin" });
  });
});
