import { describe, expect, it } from "vitest";
import { ruleConditionWords, ruleOutcomeWords } from "./rule-words";

const noConditions = { featureKey: null, minTokens: null, maxTokens: null, keywords: [], difficulty: null };
const noOutcome = { minTier: null, maxTier: null, pinModel: null };

describe("routing rules in words", () => {
  it("says every condition a rule sets, in the engine's order", () => {
    expect(ruleConditionWords({ featureKey: "code-assist", minTokens: 6000, maxTokens: 120000, keywords: ["proof", "legal opinion"], difficulty: "hard" })).toEqual([
      "feature is code-assist",
      "estimated tokens ≥ 6,000",
      "estimated tokens ≤ 120,000",
      "mentions any of “proof”, “legal opinion”",
      "difficulty is hard",
    ]);
    expect(ruleConditionWords(noConditions)).toEqual([]);
  });

  it("says what a matching rule does", () => {
    expect(ruleOutcomeWords({ minTier: { key: "hosted-open", name: "Hosted" }, maxTier: { key: "frontier", name: "Frontier" }, pinModel: { alias: "gpt-5", simulated: false } })).toEqual([
      "at least tier hosted-open",
      "at most tier frontier",
      "pin model gpt-5",
    ]);
    expect(ruleOutcomeWords(noOutcome)).toEqual([]);
  });
});
