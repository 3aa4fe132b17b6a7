// Published versions are stored as JSON and never rewritten, so a version published before a
// field existed lacks it. This reads any stored version into today's PolicySnapshot with the
// defaults the field had when it was introduced: no capabilities (a model must be marked able
// before tool or image traffic reaches it), no cache prices (cached tokens priced as input),
// unscannable content at least confidential, prompts stored up to confidential, nothing masked,
// no model-name mappings.
import type { ModelPolicy, PolicySnapshot } from "./types";

type StoredModel = Partial<ModelPolicy> & Omit<ModelPolicy, "capabilities" | "maxOutputTokens" | "cachedInputPricePerMTok" | "cacheWritePricePerMTok" | "longContext">;
type StoredSnapshot = Omit<PolicySnapshot, "models" | "unscannableDataClass" | "maxLoggedDataClass" | "maskedAnswerFindings"> &
  Partial<Pick<PolicySnapshot, "unscannableDataClass" | "maxLoggedDataClass" | "maskedAnswerFindings">> & { models: StoredModel[] };

export function readStoredSnapshot(stored: unknown, version: number): PolicySnapshot {
  const snapshot = stored as StoredSnapshot;
  return {
    ...snapshot,
    version,
    models: snapshot.models.map((model) => ({
      ...model,
      capabilities: model.capabilities ?? [],
      maxOutputTokens: model.maxOutputTokens ?? null,
      cachedInputPricePerMTok: model.cachedInputPricePerMTok ?? null,
      cacheWritePricePerMTok: model.cacheWritePricePerMTok ?? null,
      longContext: model.longContext ?? null,
    })),
    unscannableDataClass: snapshot.unscannableDataClass ?? "confidential",
    maxLoggedDataClass: snapshot.maxLoggedDataClass ?? "confidential",
    maskedAnswerFindings: snapshot.maskedAnswerFindings ?? [],
    modelNameMappings: snapshot.modelNameMappings ?? [],
  };
}
