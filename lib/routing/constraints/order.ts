// Candidate order: the cheapest adequate tier first, then the admin's priority within the tier,
// then this request's estimated cost. An unknown price sorts after every known one — never
// treated as free — and the alias breaks the last tie so the order is stable.
import type { ModelView } from "../model-view";

export interface PricedModel {
  view: ModelView;
  estimatedCostUsd: number | null;
}

function compareCost(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

export function orderCandidates(models: readonly PricedModel[]): PricedModel[] {
  return [...models].sort(
    (a, b) =>
      (a.view.tierPosition ?? Number.MAX_SAFE_INTEGER) - (b.view.tierPosition ?? Number.MAX_SAFE_INTEGER) ||
      a.view.model.priority - b.view.model.priority ||
      compareCost(a.estimatedCostUsd, b.estimatedCostUsd) ||
      a.view.model.alias.localeCompare(b.view.model.alias),
  );
}
