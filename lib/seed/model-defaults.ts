// A seeded model's values: the catalogue entry's capabilities, limits and prices, then the
// seed's hand values on top (catalogue.ts says why each one exists). Pure apart from reading the
// bundled catalogue; the seed and its unit test read the same function.
import type { CatalogueEntry } from "../config/catalogue/catalogue-entry";
import { findCatalogueEntry } from "../config/catalogue/lookup-catalogue";
import type { Capability } from "../routing/types";
import type { ModelSeed } from "./catalogue";

export interface SeededModelValues {
  contextWindow: number;
  maxOutputTokens: number | null;
  capabilities: Capability[];
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  cachedInputPricePerMTok: number | null;
  cacheWritePricePerMTok: number | null;
  longContext: CatalogueEntry["longContext"];
  catalogueRef: string | null;
}

/** `catalogueRef` defaults to the seed's; the provider choice passes another when a fallback host serves the model. */
export function seededModelValues(seed: ModelSeed, catalogueRef: string | null = seed.catalogueRef): SeededModelValues {
  const entry = catalogueRef === null ? null : findCatalogueEntry(catalogueRef);
  // A missing entry means the catalogue package changed under the seed: fail loudly, never guess.
  if (catalogueRef !== null && entry === null) throw new Error(`The seed's catalogue entry ${catalogueRef} (model ${seed.alias}) is not in the offline catalogue.`);
  const hand = seed.override ?? {};
  const contextWindow = hand.contextWindow ?? entry?.contextWindow ?? null;
  if (contextWindow === null) throw new Error(`The seed has no context window for ${seed.alias}: the catalogue lacks one, so give it by hand.`);
  const maxOutput = hand.maxOutputTokens !== undefined ? hand.maxOutputTokens : (entry?.maxOutputTokens ?? null);
  // Owned hardware prices local models (one price for every token): list, cache and long-context prices stay empty.
  const listed = seed.local ? null : entry;
  return {
    contextWindow,
    maxOutputTokens: maxOutput === null ? null : Math.min(maxOutput, contextWindow),
    capabilities: hand.capabilities ?? entry?.capabilities ?? [],
    inputPricePerMTok: hand.inputPricePerMTok !== undefined ? hand.inputPricePerMTok : (listed?.inputPricePerMTok ?? null),
    outputPricePerMTok: hand.outputPricePerMTok !== undefined ? hand.outputPricePerMTok : (listed?.outputPricePerMTok ?? null),
    cachedInputPricePerMTok: hand.cachedInputPricePerMTok !== undefined ? hand.cachedInputPricePerMTok : (listed?.cachedInputPricePerMTok ?? null),
    cacheWritePricePerMTok: hand.cacheWritePricePerMTok !== undefined ? hand.cacheWritePricePerMTok : (listed?.cacheWritePricePerMTok ?? null),
    longContext: listed?.longContext ?? null,
    catalogueRef,
  };
}
