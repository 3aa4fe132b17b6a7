// Which records decide alike. decide() reads a record's tokens only through comparisons — the
// prompt plus output against each model's window, the prompt against the rules' token bounds —
// and through the estimated costs that order models of one tier and priority. Two records whose
// other inputs are equal and whose tokens give the same comparisons and the same cost order get
// the same decision, so the replay decides once per key. Pure.
import { requestCostUsd } from "@/lib/pricing/cost";
import type { Analysis, PolicySnapshot } from "@/lib/routing/types";

export interface TokenShape {
  windows: number[];
  ruleBounds: Array<{ min: number | null; max: number | null }>;
  /** Models that share a tier and a priority with another: only their cost order matters. */
  contested: PolicySnapshot["models"][];
}

export function tokenShapeOf(snapshot: PolicySnapshot): TokenShape {
  const windows = [...new Set(snapshot.models.map((model) => model.contextWindow))].sort((a, b) => a - b);
  const ruleBounds = snapshot.routingRules
    .filter((rule) => rule.enabled && (rule.when.minEstimatedTokens !== null || rule.when.maxEstimatedTokens !== null))
    .map((rule) => ({ min: rule.when.minEstimatedTokens, max: rule.when.maxEstimatedTokens }));
  const byPlace = new Map<string, PolicySnapshot["models"]>();
  for (const model of snapshot.models) {
    const place = `${model.tierKey}\u0000${model.priority}`;
    byPlace.set(place, [...(byPlace.get(place) ?? []), model]);
  }
  return { windows, ruleBounds, contested: [...byPlace.values()].filter((models) => models.length > 1) };
}

function tokenKey(shape: TokenShape, prompt: number, output: number): string {
  const needed = prompt + output;
  let fits = 0;
  while (fits < shape.windows.length && shape.windows[fits]! < needed) fits++;
  const parts: string[] = [String(fits)];
  for (const bound of shape.ruleBounds) parts.push(`${bound.min !== null && prompt < bound.min ? 0 : 1}${bound.max !== null && prompt > bound.max ? 0 : 1}`);
  for (const models of shape.contested) {
    const order = models
      .map((model) => ({ alias: model.alias, cost: requestCostUsd(model, prompt, output) }))
      .sort((a, b) => (a.cost === null || b.cost === null ? (a.cost === b.cost ? 0 : a.cost === null ? 1 : -1) : a.cost - b.cost) || a.alias.localeCompare(b.alias));
    parts.push(order.map((entry) => entry.alias).join(","));
  }
  return parts.join("|");
}

/** The key of a rebuilt analysis; overBudget is the feature's state when the record was decided. */
export function decisionKey(shape: TokenShape, analysis: Analysis, overBudget: boolean, scoreClass: string): string {
  return JSON.stringify([
    analysis.featureKey,
    analysis.declaredDataClass,
    analysis.declaredDifficulty,
    analysis.pin,
    analysis.findings.map((finding) => [finding.type, finding.count, finding.dataClass]),
    analysis.requiredCapabilities,
    analysis.openaiOnlyFields,
    analysis.declaredOutputTokens,
    analysis.modelKind,
    analysis.promptText,
    overBudget,
    scoreClass,
    tokenKey(shape, analysis.estimatedPromptTokens, analysis.requestedOutputTokens),
  ]);
}
