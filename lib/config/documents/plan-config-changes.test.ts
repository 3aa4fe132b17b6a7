import { describe, expect, it } from "vitest";
import { planConfigChanges } from "./plan-config-changes";
import { sampleConfigDocument } from "./testing/sample-config-document";

describe("planConfigChanges", () => {
  it("plans nothing for the same document", () => {
    const plan = planConfigChanges(sampleConfigDocument(), sampleConfigDocument());
    expect(plan.total).toBe(0);
    expect(plan.changes).toEqual([]);
    expect(plan.difficultyMap).toBeNull();
  });

  it("sorts entries into created, updated and removed and says so in words", () => {
    const next = sampleConfigDocument();
    next.models[0] = { ...next.models[0]!, outputPricePerMTok: 12 };
    next.models.push({ ...next.models[1]!, alias: "gemma-2-9b", priority: 20 });
    next.routingRules = [];
    next.hardwareProfiles[0] = { ...next.hardwareProfiles[0]!, watts: 350 };
    next.difficultyMinTier = { ...next.difficultyMinTier, standard: "frontier" };
    next.providers[0] = { ...next.providers[0]!, simulator: { latencyMs: 80, failureRate: 0 } };

    const plan = planConfigChanges(sampleConfigDocument(), next);
    expect(plan.models.updated.map(({ after }) => after.alias)).toEqual(["claude-sonnet"]);
    expect(plan.models.created.map((model) => model.alias)).toEqual(["gemma-2-9b"]);
    expect(plan.routingRules.removed.map((rule) => rule.key)).toEqual(["long-context-to-frontier"]);
    expect(plan.total).toBe(6);
    expect(plan.changes.map((change) => change.text)).toEqual([
      "provider simulated-local: simulated latency (ms) 40 → 80",
      "hardware profile 24 GB card: watts 450 → 350",
      "claude-sonnet: output price $15 → $12",
      "model gemma-2-9b added",
      "rule long-context-to-frontier removed",
      "difficulty standard: minimum tier local → frontier",
    ]);
  });

  it("plans model-name mappings by pattern, and keeps them when a document has none", () => {
    const next = sampleConfigDocument();
    next.modelNameMappings = [
      { pattern: "claude-opus-*", target: "tier:frontier", difficulty: "hard", priority: 10 },
      { pattern: "gpt-*", target: "auto", difficulty: null, priority: 100 },
    ];
    const plan = planConfigChanges(sampleConfigDocument(), next);
    expect(plan.modelNameMappings.updated.map(({ after }) => after.target)).toEqual(["tier:frontier"]);
    expect(plan.modelNameMappings.created.map((mapping) => mapping.pattern)).toEqual(["gpt-*"]);
    expect(plan.modelNameMappings.removed.map((mapping) => mapping.pattern)).toEqual(["claude-*"]);
    expect(plan.changes.map((change) => change.text)).toEqual([
      "model-name mapping claude-opus-*: target auto → tier:frontier",
      "model-name mapping claude-* removed",
      "model-name mapping gpt-* added",
    ]);
    const { modelNameMappings: _dropped, ...withoutMappings } = sampleConfigDocument();
    expect(planConfigChanges(sampleConfigDocument(), withoutMappings).total).toBe(0);
  });

  it("words capability switches, cache and long-context prices and the unscannable class", () => {
    const next = sampleConfigDocument();
    next.models[1] = { ...next.models[1]!, capabilities: ["structured_output"], maxOutputTokens: 4096, catalogueRef: null };
    next.models[0] = { ...next.models[0]!, cacheWritePricePerMTok: 6, longContext: null };
    next.unscannableDataClass = "restricted";
    next.maskedAnswerFindings = ["payment_card", "us_ssn"];
    const plan = planConfigChanges(sampleConfigDocument(), next);
    expect(plan.changes.map((change) => change.text)).toEqual([
      "claude-sonnet: cache write price $3.75 → $6",
      "claude-sonnet: long-context threshold 200000 → none",
      "claude-sonnet: long-context input price $6 → no price",
      "claude-sonnet: long-context output price $22.5 → no price",
      "llama-3.1-8b: max output tokens 8192 → 4096",
      "llama-3.1-8b: catalogue entry groq/llama-3.1-8b-instant → none",
      "llama-3.1-8b: tools off",
      "unscannable content: confidential → restricted",
      "masked in answers: nothing → payment_card, us_ssn",
    ]);
    expect(plan.dataRuleSettings).toEqual({
      before: { unscannableDataClass: "confidential", maxLoggedDataClass: "confidential", maskedAnswerFindings: [] },
      after: { unscannableDataClass: "restricted", maxLoggedDataClass: "confidential", maskedAnswerFindings: ["payment_card", "us_ssn"] },
    });
    expect(plan.total).toBe(4);
  });

  it("words rule conditions and outcomes like the routing page", () => {
    const next = sampleConfigDocument();
    next.routingRules[0] = { ...next.routingRules[0]!, enabled: false, when: { ...next.routingRules[0]!.when, minEstimatedTokens: 7000, keywords: ["proof"] } };
    expect(planConfigChanges(sampleConfigDocument(), next).changes.map((change) => change.text)).toEqual([
      "rule long-context-to-frontier: disabled",
      "rule long-context-to-frontier: min tokens 6000 → 7000",
      "rule long-context-to-frontier: keywords none → proof",
    ]);
  });
});
