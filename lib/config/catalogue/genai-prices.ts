// Prices from @pydantic/genai-prices, read from the data bundled in the package. Its remote
// update (updatePrices) is never called: the console and the seed must give the same answer
// offline, and a price only changes when an engineer saves it.
import { calcPrice, findProvider, type ConditionalPrice, type ModelInfo, type ModelPrice, type TieredPrices } from "@pydantic/genai-prices";

export interface GenaiPrices {
  modelId: string;
  name: string | null;
  contextWindow: number | null;
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  cachedInputPricePerMTok: number | null;
  cacheWritePricePerMTok: number | null;
  longContext: { thresholdTokens: number; inputPricePerMTok: number | null; outputPricePerMTok: number | null } | null;
}

type PriceValue = number | TieredPrices | undefined;

const base = (value: PriceValue): number | null => (typeof value === "number" ? value : value ? value.base : null);
const firstTier = (value: PriceValue) => (value && typeof value === "object" && value.tiers.length > 0 ? value.tiers[0]! : null);

/**
 * The price list in force now. Dated price changes: the newest that has started. Time-of-day
 * alternatives (off-peak discounts): the full price — the gateway does not price by the clock,
 * so the catalogue must not suggest a discount that holds only part of the day.
 */
export function currentPrice(prices: ModelInfo["prices"], now: Date): ModelPrice {
  if (!Array.isArray(prices)) return prices;
  const list = prices as ConditionalPrice[];
  const dated = list.filter((entry) => entry.constraint?.type === "start_date" && new Date(entry.constraint.start_date) <= now);
  if (dated.length > 0) return dated.sort((a, b) => Date.parse((a.constraint as { start_date: string }).start_date) - Date.parse((b.constraint as { start_date: string }).start_date)).at(-1)!.prices;
  const candidates = list.filter((entry) => !entry.constraint || entry.constraint.type === "time_of_date");
  if (candidates.length === 0) return list[0]?.prices ?? {};
  return candidates.reduce((best, entry) => ((base(entry.prices.input_mtok) ?? 0) > (base(best.prices.input_mtok) ?? 0) ? entry : best)).prices;
}

/** A model's prices in Switchyard's terms; a tiered input price becomes the long-context tier. */
export function genaiPricesOf(model: ModelInfo, now: Date): GenaiPrices {
  const price = currentPrice(model.prices, now);
  const inputTier = firstTier(price.input_mtok);
  const outputTier = firstTier(price.output_mtok);
  const threshold = inputTier?.start ?? outputTier?.start ?? null;
  return {
    modelId: model.id,
    name: model.name ?? null,
    contextWindow: model.context_window ?? null,
    inputPricePerMTok: base(price.input_mtok),
    outputPricePerMTok: base(price.output_mtok),
    cachedInputPricePerMTok: base(price.cache_read_mtok),
    // The 5-minute write; the 1-hour write (cache_write_1h_mtok) is a separate, dearer option.
    cacheWritePricePerMTok: base(price.cache_write_mtok),
    longContext: threshold !== null && threshold > 0 ? { thresholdTokens: threshold, inputPricePerMTok: inputTier?.price ?? null, outputPricePerMTok: outputTier?.price ?? null } : null,
  };
}

/** The model genai-prices matches for this id at this provider (its own match rules, dated ids included). */
export function findGenaiModel(genaiProviderId: string, modelId: string): ModelInfo | null {
  return calcPrice({}, modelId, { providerId: genaiProviderId })?.model ?? null;
}

export function genaiProvider(genaiProviderId: string) {
  return findProvider({ providerId: genaiProviderId }) ?? null;
}

/** The genai-prices provider whose API address pattern matches a base URL, e.g. https://api.together.xyz/v1 → together. */
export function genaiProviderForUrl(baseUrl: string): string | null {
  return findProvider({ providerApiUrl: baseUrl })?.id ?? null;
}
