// A small, valid configuration document for unit tests: two tiers, a simulator and a real
// provider, one local model priced by hardware, one hosted model with cache and long-context
// prices, one rule of each kind.
import type { ConfigDocument } from "../config-document-schema";

export function sampleConfigDocument(): ConfigDocument {
  return {
    format: "switchyard/config",
    formatVersion: 1,
    tiers: [
      { key: "local", name: "Local open-weight", rank: 0, description: "" },
      { key: "frontier", name: "Closed frontier", rank: 2, description: "" },
    ],
    providers: [
      { key: "simulated-local", name: "Simulated local provider", kind: "simulator", baseUrl: null, apiKeyEnv: null, region: "on-prem", enabled: true, simulator: { latencyMs: 40, failureRate: 0 } },
      { key: "anthropic", name: "Anthropic", kind: "anthropic", baseUrl: "https://api.anthropic.com/v1", apiKeyEnv: "ANTHROPIC_API_KEY", region: "us", enabled: true, simulator: null },
    ],
    hardwareProfiles: [{ name: "24 GB card", purchasePriceUsd: 1600, amortisationMonths: 36, watts: 450, usdPerKwh: 0.15, tokensPerDay: 3_000_000 }],
    licences: [
      {
        key: "anthropic-terms", name: "Anthropic Commercial Terms", family: "Claude", commercialUse: "allowed", userCap: null, restrictedJurisdictions: [],
        acceptableUseNotes: "", jurisdictionNotes: "", sourceUrl: null, reviewedBy: null, reviewedAt: null,
      },
    ],
    models: [
      {
        alias: "claude-sonnet", providerModelId: "claude-sonnet-4-5", provider: "anthropic", tier: "frontier", contextWindow: 200_000, inputPricePerMTok: 3, outputPricePerMTok: 15, hardwareProfile: null, licence: "anthropic-terms", enabled: true, priority: 10, baseline: true,
        capabilities: ["tools", "structured_output", "images", "reasoning"], maxOutputTokens: 64_000, cachedInputPricePerMTok: 0.3, cacheWritePricePerMTok: 3.75,
        longContext: { thresholdTokens: 200_000, inputPricePerMTok: 6, outputPricePerMTok: 22.5 }, catalogueRef: "anthropic/claude-sonnet-4-5", kind: "chat", embeddingDimensions: null,
      },
      {
        alias: "llama-3.1-8b", providerModelId: "llama3.1:8b", provider: "simulated-local", tier: "local", contextWindow: 8192, inputPricePerMTok: null, outputPricePerMTok: null, hardwareProfile: "24 GB card", licence: null, enabled: true, priority: 10, baseline: false,
        capabilities: ["tools", "structured_output"], maxOutputTokens: 8192, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null, catalogueRef: "groq/llama-3.1-8b-instant", kind: "chat", embeddingDimensions: null,
      },
    ],
    dataClasses: [
      { key: "public", name: "Public", rank: 0, description: "", tiers: ["local", "frontier"], allowedRegions: [] },
      { key: "internal", name: "Internal", rank: 1, description: "", tiers: ["local", "frontier"], allowedRegions: [] },
      { key: "confidential", name: "Confidential", rank: 2, description: "", tiers: ["local"], allowedRegions: ["on-prem"] },
      { key: "restricted", name: "Restricted", rank: 3, description: "", tiers: ["local"], allowedRegions: ["on-prem"] },
    ],
    classificationRules: [
      { key: "detector-email", name: "Email addresses", kind: "detector", detector: "email", pattern: null, keywords: [], dataClass: "confidential", enabled: true },
      { key: "project-codename", name: "Project codenames", kind: "regex", detector: null, pattern: "\\bPROJ-\\d{4}\\b", keywords: [], dataClass: "restricted", enabled: true },
    ],
    difficultyMinTier: { routine: "local", standard: "local", hard: "frontier" },
    routingRules: [
      {
        key: "long-context-to-frontier", name: "Long prompts go to frontier", position: 10, enabled: true,
        when: { feature: null, minEstimatedTokens: 6000, maxEstimatedTokens: null, keywords: [], difficulty: null },
        then: { minTier: "frontier", maxTier: null, pinModel: null },
      },
    ],
    features: [
      {
        key: "support-summaries", name: "Support ticket summaries", team: "Support", owner: "dana@example.com", monthlyBudgetUsd: 500, budgetAction: "downgrade",
        defaultDifficulty: "routine", defaultDataClass: "internal", allowPromptLogging: false, commercial: true, monthlyActiveUsers: 40_000, jurisdictions: ["US"],
        difficultyEstimator: null,
      },
    ],
    modelNameMappings: [
      { pattern: "claude-opus-*", target: "auto", difficulty: "hard", priority: 10 },
      { pattern: "claude-*", target: "auto", difficulty: null, priority: 100 },
    ],
    unscannableDataClass: "confidential",
    maxLoggedDataClass: "confidential",
    maskedAnswerFindings: [],
  };
}
