// Chat and embedding models share tiers, providers, data classes and budgets, but never serve
// each other's requests: a decision only ever sees the models of the kind the request needs.
// A pin naming a model of the other kind is the caller's mistake and says which endpoint to use.
import { modelNotFound } from "../explain/refusal";
import type { CallerPin, ModelKind, ModelPolicy, PolicySnapshot, Refusal } from "../types";

export const kindOf = (model: Pick<ModelPolicy, "kind">): ModelKind => model.kind ?? "chat";

/** The snapshot with only the models of `kind`; the embeddings baseline is the costliest embedding model of the top tier. */
export function scopeToKind(snapshot: PolicySnapshot, kind: ModelKind): PolicySnapshot {
  const models = snapshot.models.filter((model) => kindOf(model) === kind);
  if (models.length === snapshot.models.length) return snapshot;
  return { ...snapshot, models, baselineModelAlias: kind === "chat" ? snapshot.baselineModelAlias : embeddingBaselineAlias(snapshot, models) };
}

/**
 * What embeddings are compared against: the all-frontier idea applied to embedding models — the
 * enabled one on the most expensive tier that has one, and the dearest there. A chat baseline's
 * price would say nothing about what an embedding would have cost.
 */
export function embeddingBaselineAlias(snapshot: Pick<PolicySnapshot, "tiers">, models: readonly ModelPolicy[]): string | null {
  const rank = new Map(snapshot.tiers.map((tier) => [tier.key, tier.rank]));
  const priced = models.filter((model) => model.enabled && model.inputPricePerMTok !== null);
  const [top] = [...priced].sort((a, b) => (rank.get(b.tierKey) ?? -1) - (rank.get(a.tierKey) ?? -1) || (b.inputPricePerMTok ?? 0) - (a.inputPricePerMTok ?? 0) || a.alias.localeCompare(b.alias));
  return top?.alias ?? null;
}

export function otherKindPin(pin: CallerPin, snapshot: PolicySnapshot, kind: ModelKind): Refusal | null {
  if (pin.kind !== "model") return null;
  const model = snapshot.models.find((candidate) => candidate.alias === pin.alias);
  if (model === undefined || kindOf(model) === kind) return null;
  return modelNotFound(
    kindOf(model) === "embedding"
      ? `The model '${pin.alias}' is an embedding model; call /v1/embeddings with it, or pin a chat model here.`
      : `The model '${pin.alias}' is a chat model; /v1/embeddings needs an embedding model (GET /v1/models marks them).`,
  );
}
