// A small, realistic policy for tests, the playground and gateway tests: three tiers, seven
// models across six providers and four regions, the licence families from the seeds, four
// data classes with the default mapping, five routing rules and five features.
// Every call returns a fresh copy, so a test may change it freely.
import { effectivePricePerMTok, type HardwareProfile } from "@/lib/pricing/cost";
import type { Analysis, DataClassKey, Finding, LiveState, PolicySnapshot } from "./types";

/** The seeds' "as of" date; fixtures use it as the clock. */
export const FIXTURE_NOW = new Date("2026-05-16T12:00:00.000Z");

/**
 * Effective prices of the two lab boxes (seed 001's math). The Ollama box is the seed's 24 GB
 * card (~$1,600, 450 W, $0.15/kWh) batching to ~10M tokens/day; the vLLM box is a used
 * $1,000 card at 350 W doing ~8M tokens/day. Both written off over 36 months.
 */
export const OLLAMA_LAB_PRICE = hardwarePrice({
  purchasePriceUsd: 1_600,
  amortisationMonths: 36,
  watts: 450,
  usdPerKwh: 0.15,
  tokensPerDay: 10_000_000,
});
export const VLLM_LAB_PRICE = hardwarePrice({
  purchasePriceUsd: 1_000,
  amortisationMonths: 36,
  watts: 350,
  usdPerKwh: 0.15,
  tokensPerDay: 8_000_000,
});

function hardwarePrice(profile: HardwareProfile): number {
  const price = effectivePricePerMTok(profile);
  if (price === null) throw new Error("fixture hardware profile has no price");
  return price;
}

const FIXTURE: PolicySnapshot = {
  version: 7,
  tiers: [
    { key: "local", name: "Local", rank: 0 },
    { key: "hosted-open", name: "Hosted open-weight", rank: 1 },
    { key: "frontier", name: "Frontier", rank: 2 },
  ],
  providers: [
    { key: "ollama-lab", name: "Ollama (lab GPU)", kind: "openai-compatible", baseUrl: "http://ollama.lab.internal:11434/v1", apiKeyEnv: null, region: "on-prem", enabled: true },
    { key: "vllm-lab", name: "vLLM (lab GPU 2)", kind: "openai-compatible", baseUrl: "http://vllm.lab.internal:8000/v1", apiKeyEnv: null, region: "on-prem", enabled: true },
    { key: "deepseek", name: "DeepSeek API", kind: "openai-compatible", baseUrl: "https://api.deepseek.com/v1", apiKeyEnv: "DEEPSEEK_API_KEY", region: "cn", enabled: true },
    { key: "together", name: "Together AI", kind: "openai-compatible", baseUrl: "https://api.together.xyz/v1", apiKeyEnv: "TOGETHER_API_KEY", region: "us", enabled: true },
    { key: "openai", name: "OpenAI", kind: "openai", baseUrl: null, apiKeyEnv: "OPENAI_API_KEY", region: "us", enabled: true },
    { key: "anthropic", name: "Anthropic", kind: "anthropic", baseUrl: null, apiKeyEnv: "ANTHROPIC_API_KEY", region: "eu", enabled: true },
  ],
  licences: [
    {
      key: "llama-3.1",
      name: "Llama 3.1 Community",
      commercialUse: "restricted",
      userCap: 700_000_000,
      restrictedJurisdictions: [],
      acceptableUseNotes: "Llama 3.1 Acceptable Use Policy applies; display \"Built with Llama\".",
      jurisdictionNotes: "",
      sourceUrl: "https://www.llama.com/llama3_1/license/",
    },
    {
      key: "gemma",
      name: "Gemma Terms of Use",
      commercialUse: "restricted",
      userCap: null,
      restrictedJurisdictions: [],
      acceptableUseNotes: "Gemma Prohibited Use Policy applies and must be passed on to downstream users.",
      jurisdictionNotes: "",
      sourceUrl: "https://ai.google.dev/gemma/terms",
    },
    {
      key: "deepseek",
      name: "DeepSeek Model",
      commercialUse: "allowed",
      userCap: null,
      restrictedJurisdictions: [],
      acceptableUseNotes: "Use-based restrictions in the licence's attachment apply.",
      jurisdictionNotes: "Chinese-origin model; some organisations exclude it by policy.",
      sourceUrl: "https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL",
    },
    {
      key: "qwen-research",
      name: "Qwen Research",
      commercialUse: "forbidden",
      userCap: null,
      restrictedJurisdictions: [],
      acceptableUseNotes: "Non-commercial research and evaluation only.",
      jurisdictionNotes: "",
      sourceUrl: "https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE",
    },
    {
      key: "closed-api",
      name: "Vendor API terms",
      commercialUse: "allowed",
      userCap: null,
      restrictedJurisdictions: [],
      acceptableUseNotes: "Governed by the vendor's API terms and data-processing agreement.",
      jurisdictionNotes: "",
      sourceUrl: null,
    },
  ],
  models: [
    { alias: "llama-3.1-8b", providerModelId: "llama3.1:8b", providerKey: "ollama-lab", tierKey: "local", contextWindow: 8_192, inputPricePerMTok: OLLAMA_LAB_PRICE, outputPricePerMTok: OLLAMA_LAB_PRICE, licenceKey: "llama-3.1", enabled: true, priority: 1, capabilities: ["tools"], maxOutputTokens: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null },
    { alias: "gemma-2-9b", providerModelId: "gemma2:9b", providerKey: "ollama-lab", tierKey: "local", contextWindow: 8_192, inputPricePerMTok: OLLAMA_LAB_PRICE, outputPricePerMTok: OLLAMA_LAB_PRICE, licenceKey: "gemma", enabled: true, priority: 2, capabilities: [], maxOutputTokens: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null },
    { alias: "qwen-2.5-3b", providerModelId: "Qwen/Qwen2.5-3B-Instruct", providerKey: "vllm-lab", tierKey: "local", contextWindow: 32_768, inputPricePerMTok: VLLM_LAB_PRICE, outputPricePerMTok: VLLM_LAB_PRICE, licenceKey: "qwen-research", enabled: true, priority: 3, capabilities: ["tools", "structured_output"], maxOutputTokens: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null },
    { alias: "deepseek-v3", providerModelId: "deepseek-chat", providerKey: "deepseek", tierKey: "hosted-open", contextWindow: 65_536, inputPricePerMTok: 0.27, outputPricePerMTok: 1.1, licenceKey: "deepseek", enabled: true, priority: 1, capabilities: ["tools", "structured_output"], maxOutputTokens: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null },
    { alias: "llama-3.1-70b", providerModelId: "meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo", providerKey: "together", tierKey: "hosted-open", contextWindow: 131_072, inputPricePerMTok: 0.88, outputPricePerMTok: 0.88, licenceKey: "llama-3.1", enabled: true, priority: 2, capabilities: ["tools", "structured_output"], maxOutputTokens: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null },
    { alias: "gpt-4o", providerModelId: "gpt-4o", providerKey: "openai", tierKey: "frontier", contextWindow: 128_000, inputPricePerMTok: 2.5, outputPricePerMTok: 10, licenceKey: "closed-api", enabled: true, priority: 1, capabilities: ["tools", "structured_output", "images"], maxOutputTokens: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null },
    { alias: "claude-sonnet", providerModelId: "claude-sonnet-4-5", providerKey: "anthropic", tierKey: "frontier", contextWindow: 200_000, inputPricePerMTok: 3, outputPricePerMTok: 15, licenceKey: "closed-api", enabled: true, priority: 2, capabilities: ["tools", "structured_output", "images", "reasoning"], maxOutputTokens: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null },
  ],
  dataClasses: [
    { key: "public", rank: 0, allowedTierKeys: ["local", "hosted-open", "frontier"], allowedRegions: [] },
    { key: "internal", rank: 1, allowedTierKeys: ["local", "hosted-open", "frontier"], allowedRegions: [] },
    { key: "confidential", rank: 2, allowedTierKeys: ["local", "hosted-open"], allowedRegions: [] },
    { key: "restricted", rank: 3, allowedTierKeys: ["local"], allowedRegions: [] },
  ],
  classificationRules: [
    { key: "email", name: "Email addresses", kind: "detector", detector: "email", pattern: null, keywords: [], dataClass: "confidential", enabled: true },
    { key: "phone", name: "Phone numbers", kind: "detector", detector: "phone", pattern: null, keywords: [], dataClass: "confidential", enabled: true },
    { key: "payment-card", name: "Payment cards (Luhn)", kind: "detector", detector: "payment_card", pattern: null, keywords: [], dataClass: "restricted", enabled: true },
    { key: "iban", name: "IBANs (mod-97)", kind: "detector", detector: "iban", pattern: null, keywords: [], dataClass: "restricted", enabled: true },
    { key: "secrets", name: "Secrets and API keys", kind: "detector", detector: "secret", pattern: null, keywords: [], dataClass: "restricted", enabled: true },
    { key: "project-bluebird", name: "Project Bluebird codename", kind: "keywords", detector: null, pattern: null, keywords: ["bluebird"], dataClass: "confidential", enabled: true },
  ],
  routingRules: [
    {
      key: "long-prompt",
      name: "Long prompts to hosted open-weight",
      position: 10,
      enabled: true,
      when: { featureKey: null, minEstimatedTokens: 6_000, maxEstimatedTokens: null, keywords: [], difficulty: null },
      then: { minTierKey: "hosted-open", maxTierKey: null, pinModelAlias: null },
    },
    {
      key: "legal-language",
      name: "Legal language to frontier",
      position: 20,
      enabled: true,
      when: { featureKey: null, minEstimatedTokens: null, maxEstimatedTokens: null, keywords: ["contract", "indemnity", "liability"], difficulty: null },
      then: { minTierKey: "frontier", maxTierKey: null, pinModelAlias: null },
    },
    {
      key: "triage-cap",
      name: "Ticket triage never on frontier",
      position: 30,
      enabled: true,
      when: { featureKey: "ticket-triage", minEstimatedTokens: null, maxEstimatedTokens: null, keywords: [], difficulty: null },
      then: { minTierKey: null, maxTierKey: "hosted-open", pinModelAlias: null },
    },
    {
      key: "sql-to-deepseek",
      name: "SQL questions to DeepSeek",
      position: 40,
      enabled: true,
      when: { featureKey: null, minEstimatedTokens: null, maxEstimatedTokens: null, keywords: ["sql"], difficulty: null },
      then: { minTierKey: null, maxTierKey: null, pinModelAlias: "deepseek-v3" },
    },
    {
      key: "urgent-frontier",
      name: "Urgent to frontier (switched off)",
      position: 50,
      enabled: false,
      when: { featureKey: null, minEstimatedTokens: null, maxEstimatedTokens: null, keywords: ["urgent"], difficulty: null },
      then: { minTierKey: "frontier", maxTierKey: null, pinModelAlias: null },
    },
  ],
  features: [
    { key: "support-bot", name: "Support bot", team: "Customer Care", monthlyBudgetUsd: 500, budgetAction: "downgrade", defaultDifficulty: "routine", defaultDataClass: "internal", allowPromptLogging: false, commercial: true, monthlyActiveUsers: 40_000, jurisdictions: ["EU", "US"] },
    { key: "ticket-triage", name: "Ticket triage", team: "Support Ops", monthlyBudgetUsd: 100, budgetAction: "block", defaultDifficulty: "routine", defaultDataClass: "internal", allowPromptLogging: false, commercial: true, monthlyActiveUsers: null, jurisdictions: ["EU"] },
    { key: "contract-review", name: "Contract review", team: "Legal", monthlyBudgetUsd: 2_000, budgetAction: "downgrade", defaultDifficulty: "hard", defaultDataClass: "confidential", allowPromptLogging: false, commercial: false, monthlyActiveUsers: 60, jurisdictions: ["EU"] },
    { key: "hr-assistant", name: "HR assistant", team: "People", monthlyBudgetUsd: 200, budgetAction: "downgrade", defaultDifficulty: "standard", defaultDataClass: "restricted", allowPromptLogging: false, commercial: false, monthlyActiveUsers: 300, jurisdictions: ["EU"] },
    { key: "analytics-assistant", name: "Analytics assistant", team: "Data", monthlyBudgetUsd: null, budgetAction: "downgrade", defaultDifficulty: "standard", defaultDataClass: "internal", allowPromptLogging: true, commercial: true, monthlyActiveUsers: 1_200, jurisdictions: ["US"] },
  ],
  difficultyMinTier: { routine: "local", standard: "hosted-open", hard: "frontier" },
  baselineModelAlias: "gpt-4o",
  unscannableDataClass: "confidential",
  maxLoggedDataClass: "confidential",
  maskedAnswerFindings: [],
};

export function fixtureSnapshot(): PolicySnapshot {
  return structuredClone(FIXTURE);
}

/** A short, clean, unattributed request; override what a test is about. */
export function fixtureAnalysis(overrides: Partial<Analysis> = {}): Analysis {
  return {
    estimatedPromptTokens: 1_000,
    requestedOutputTokens: 512,
    findings: [],
    declaredDataClass: null,
    featureKey: null,
    declaredDifficulty: null,
    pin: { kind: "auto" },
    promptText: "Summarise this conversation for the weekly report.",
    requiredCapabilities: [],
    openaiOnlyFields: [],
    declaredOutputTokens: null,
    ...overrides,
  };
}

/** Everything healthy, nothing spent, at FIXTURE_NOW. */
export function fixtureLive(overrides: Partial<LiveState> = {}): LiveState {
  return {
    openCircuitProviderKeys: [],
    rateLimitedProviders: [],
    monthToDateSpendUsdByFeature: {},
    now: FIXTURE_NOW,
    ...overrides,
  };
}

/** A finding as the detectors report it (positions are irrelevant to routing). */
export function fixtureFinding(type: string, dataClass: DataClassKey, count = 1): Finding {
  return { type, count, dataClass, positions: Array.from({ length: count }, (_, i): [number, number] => [i * 10, i * 10 + 5]) };
}
