import { describe, expect, it } from "vitest";
import { checkConfigDocument } from "./check-config-document";
import { toConfigDocument, type ConfigRows } from "./config-document";

const decimal = (value: number) => ({ toNumber: () => value });

function rows(): ConfigRows {
  return {
    tiers: [
      { key: "frontier", name: "Frontier", rank: 2, description: "" },
      { key: "local", name: "Local", rank: 0, description: "Own hardware" },
    ],
    providers: [
      { key: "ollama", name: "Ollama", kind: "openai_compatible", baseUrl: "http://localhost:11434/v1", apiKeyEnv: null, region: "on-prem", enabled: true, simulatedLatencyMs: 0, simulatedFailureRate: 0 },
      { key: "sim", name: "Simulated", kind: "simulator", baseUrl: null, apiKeyEnv: null, region: "us", enabled: true, simulatedLatencyMs: 120, simulatedFailureRate: 0.1 },
    ],
    hardwareProfiles: [{ name: "Card", purchasePriceUsd: decimal(1600), amortisationMonths: 36, watts: 450, usdPerKwh: decimal(0.15), tokensPerDay: 3_000_000 }],
    licences: [],
    models: [
      {
        alias: "llama", providerModelId: "llama3.1:8b", provider: { key: "ollama" }, tier: { key: "local" }, contextWindow: 8192, inputPricePerMTok: null, outputPricePerMTok: null,
        hardwareProfile: { name: "Card" }, licence: null, enabled: true, priority: 10, isBaseline: false,
        supportsTools: true, supportsStructuredOutput: true, supportsImages: false, supportsReasoning: false, maxOutputTokens: 4096, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null,
        longContextThresholdTokens: null, longContextInputPricePerMTok: null, longContextOutputPricePerMTok: null, catalogueRef: null, kind: "chat", embeddingDimensions: null,
      },
      {
        alias: "big", providerModelId: "big-1", provider: { key: "sim" }, tier: { key: "frontier" }, contextWindow: 200_000, inputPricePerMTok: decimal(3), outputPricePerMTok: decimal(15),
        hardwareProfile: null, licence: null, enabled: true, priority: 10, isBaseline: true,
        supportsTools: true, supportsStructuredOutput: true, supportsImages: true, supportsReasoning: true, maxOutputTokens: 64_000, cachedInputPricePerMTok: decimal(0.3), cacheWritePricePerMTok: decimal(3.75),
        longContextThresholdTokens: 200_000, longContextInputPricePerMTok: decimal(6), longContextOutputPricePerMTok: null, catalogueRef: "anthropic/claude-sonnet-4-5", kind: "chat", embeddingDimensions: null,
      },
    ],
    dataClasses: ["public", "internal", "confidential", "restricted"].map((key, rank) => ({
      key, name: key, rank, description: "", allowedRegions: [],
      tiers: [{ tier: { key: "frontier", rank: 2 } }, { tier: { key: "local", rank: 0 } }],
    })),
    classificationRules: [],
    difficulties: [{ difficulty: "hard", tier: { key: "frontier" } }],
    routingRules: [
      {
        key: "b-rule", name: "B", position: 20, enabled: true, whenFeatureKey: null, whenMinTokens: null, whenMaxTokens: null, whenKeywords: ["proof"], whenDifficulty: null,
        minTier: { key: "frontier" }, maxTier: null, pinModel: null,
      },
      {
        key: "a-rule", name: "A", position: 10, enabled: true, whenFeatureKey: null, whenMinTokens: 6000, whenMaxTokens: null, whenKeywords: [], whenDifficulty: null,
        minTier: null, maxTier: null, pinModel: { alias: "big" },
      },
    ],
    features: [],
    modelNameMappings: [
      { pattern: "gpt-*", target: "auto", difficulty: null, priority: 100 },
      { pattern: "claude-opus-*", target: "tier:frontier", difficulty: "hard", priority: 10 },
      { pattern: "claude-*", target: "auto", difficulty: "bogus", priority: 100 },
    ],
    dataRuleSettings: { unscannableDataClassKey: "restricted", maxLoggedDataClassKey: "internal", maskedAnswerFindings: ["us_ssn", "payment_card", "retired_detector"] },
  };
}

describe("toConfigDocument", () => {
  const doc = toConfigDocument(rows(), { exportedAt: new Date("2026-11-02T10:00:00Z"), basedOnPolicyVersion: 4 });

  it("refers to rows by key, never by id, with plain numbers", () => {
    expect(doc.models.find((model) => model.alias === "llama")).toEqual({
      alias: "llama", providerModelId: "llama3.1:8b", provider: "ollama", tier: "local", contextWindow: 8192, inputPricePerMTok: null, outputPricePerMTok: null,
      hardwareProfile: "Card", licence: null, enabled: true, priority: 10, baseline: false,
      capabilities: ["tools", "structured_output"], maxOutputTokens: 4096, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null, catalogueRef: null, kind: "chat", embeddingDimensions: null,
    });
    expect(doc.models.find((model) => model.alias === "big")).toMatchObject({
      capabilities: ["tools", "structured_output", "images", "reasoning"], cachedInputPricePerMTok: 0.3, cacheWritePricePerMTok: 3.75,
      longContext: { thresholdTokens: 200_000, inputPricePerMTok: 6, outputPricePerMTok: null }, catalogueRef: "anthropic/claude-sonnet-4-5", kind: "chat", embeddingDimensions: null,
    });
    expect(doc.unscannableDataClass).toBe("restricted");
    // Stored in a stable order; a type no built-in detector has any more is not exported.
    expect(doc.maxLoggedDataClass).toBe("internal");
    expect(doc.maskedAnswerFindings).toEqual(["payment_card", "us_ssn"]);
    expect(doc.hardwareProfiles[0]?.usdPerKwh).toBe(0.15);
    expect(doc.routingRules[0]?.then).toEqual({ minTier: null, maxTier: null, pinModel: "big" });
  });

  it("speaks the engine's provider kinds and keeps simulator settings only for simulators", () => {
    expect(doc.providers.map((provider) => [provider.kind, provider.simulator])).toEqual([
      ["openai-compatible", null],
      ["simulator", { latencyMs: 120, failureRate: 0.1 }],
    ]);
  });

  it("orders everything stably: tiers and data-class tiers by rank, rules by position, the rest by key", () => {
    expect(doc.tiers.map((tier) => tier.key)).toEqual(["local", "frontier"]);
    expect(doc.dataClasses[0]?.tiers).toEqual(["local", "frontier"]);
    expect(doc.routingRules.map((rule) => rule.key)).toEqual(["a-rule", "b-rule"]);
    expect(doc.models.map((model) => model.alias)).toEqual(["big", "llama"]);
    expect(doc.modelNameMappings).toEqual([
      { pattern: "claude-opus-*", target: "tier:frontier", difficulty: "hard", priority: 10 },
      { pattern: "claude-*", target: "auto", difficulty: null, priority: 100 },
      { pattern: "gpt-*", target: "auto", difficulty: null, priority: 100 },
    ]);
  });

  it("fills a difficulty without a row with the cheapest tier, as the snapshot does", () => {
    expect(doc.difficultyMinTier).toEqual({ routine: "local", standard: "local", hard: "frontier" });
  });

  it("reads a missing settings row as its default", () => {
    expect(toConfigDocument({ ...rows(), dataRuleSettings: null }, { exportedAt: new Date(), basedOnPolicyVersion: null }).unscannableDataClass).toBe("confidential");
  });

  it("produces a document that passes its own check (the round trip starts valid)", () => {
    const check = checkConfigDocument(JSON.parse(JSON.stringify(doc)));
    expect(check.ok ? [] : check.issues).toEqual([]);
  });
});
