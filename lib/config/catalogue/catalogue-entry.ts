// What the offline model catalogue says about one model at one provider: the defaults the
// "add model" form and the seed start from. Types and small pure helpers only, so the console's
// client components can read an entry without pulling the catalogue data into the browser.
import type { Capability } from "@/lib/routing/types";

export type CatalogueSource = "models.dev" | "genai-prices";

export interface CatalogueEntry {
  /** "provider/model id" as the catalogue names it, e.g. "anthropic/claude-opus-4-1-20250805"; stored as Model.catalogueRef. */
  ref: string;
  /** Catalogue provider id (models.dev's where it has the provider), e.g. "togetherai". */
  provider: string;
  providerName: string;
  /** The provider's model id, as its API expects it. */
  modelId: string;
  name: string;
  /** Null when the catalogue says nothing about capabilities (a price-list-only entry). */
  capabilities: Capability[] | null;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  /** USD per 1M tokens; null = the catalogue has no price. */
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  cachedInputPricePerMTok: number | null;
  cacheWritePricePerMTok: number | null;
  longContext: { thresholdTokens: number; inputPricePerMTok: number | null; outputPricePerMTok: number | null } | null;
  /** Whether the weights are published; null = unknown. */
  openWeights: boolean | null;
  /** Which package each group of values came from. */
  sources: { capabilities: CatalogueSource | null; prices: CatalogueSource | null };
}

/** Open weights can run on the team's hardware or a hosted open-weight API; closed ones only at their vendor. */
export function suggestedTierKeys(entry: Pick<CatalogueEntry, "openWeights">): string[] {
  if (entry.openWeights === null) return [];
  return entry.openWeights ? ["local", "hosted-open"] : ["frontier"];
}

const CAPABILITY_WORDS: Record<Capability, string> = { tools: "tools", structured_output: "JSON", images: "images", reasoning: "reasoning" };

/** The short word the console shows for a capability ("JSON" for structured output). */
export const capabilityWord = (capability: Capability): string => CAPABILITY_WORDS[capability];

/** "models.dev (capabilities, limits) · genai-prices (prices)". */
export function describeSources(entry: Pick<CatalogueEntry, "sources">): string {
  const { capabilities, prices } = entry.sources;
  if (capabilities && capabilities === prices) return `${capabilities} (capabilities, limits, prices)`;
  return [capabilities ? `${capabilities} (capabilities, limits)` : null, prices ? `${prices} (prices)` : null].filter(Boolean).join(" · ") || "no values";
}
