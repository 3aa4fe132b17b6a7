// The "Cost by feature and tier" rows as read: each feature's tier rows, then that feature's
// subtotal, and a grand total last; a row that cost more than the baseline says why (the model
// that served it is dearer than the baseline model). Pure.
import type { FeatureTierRow } from "./prepare-cost-breakdown";
import { moneyTotals, type MoneyTotals } from "./usage-groups";

export type FeatureTierLineKind = "tier" | "subtotal" | "total";

export interface FeatureTierLine extends FeatureTierRow {
  kind: FeatureTierLineKind;
  /** Why savings are negative, or null when they are not. */
  savingsNote: string | null;
}

export const SUBTOTAL = "Subtotal";
export const TOTAL = "Total";

/** "Dearer than the baseline model gpt-4o": a negative saving is a price fact, not a routing loss. */
export function negativeSavingsNote(row: Pick<MoneyTotals, "savingsUsd">, baselineAlias: string | null): string | null {
  if (row.savingsUsd >= 0) return null;
  return baselineAlias ? `Dearer than the baseline model ${baselineAlias}` : "Dearer than the baseline model";
}

function sum(rows: readonly FeatureTierRow[]): MoneyTotals & { fallbacks: number } {
  const add = (pick: (row: FeatureTierRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    ...moneyTotals({
      requests: add((row) => row.requests),
      served: add((row) => row.served),
      unpricedRequests: add((row) => row.unpricedRequests),
      inputTokens: add((row) => row.inputTokens),
      outputTokens: add((row) => row.outputTokens),
      costUsd: add((row) => row.costUsd),
      baselineCostUsd: add((row) => row.baselineCostUsd),
      cachedInputTokens: add((row) => row.cachedInputTokens),
      cacheSavingsUsd: add((row) => row.cacheSavingsUsd),
      estimatedRequests: add((row) => row.estimatedRequests),
    }),
    fallbacks: add((row) => row.fallbacks),
  };
}

/** Rows arrive grouped by feature (prepareCostBreakdown's order). A feature served on one tier needs no subtotal: its row is it. */
export function featureTierLines(rows: readonly FeatureTierRow[], baselineAlias: string | null): FeatureTierLine[] {
  const lines: FeatureTierLine[] = [];
  const note = (row: MoneyTotals, kind: FeatureTierLineKind) => (kind === "tier" ? negativeSavingsNote(row, baselineAlias) : null);
  for (let start = 0; start < rows.length; ) {
    let end = start;
    while (end < rows.length && rows[end]!.featureKey === rows[start]!.featureKey) end += 1;
    const feature = rows.slice(start, end);
    for (const row of feature) lines.push({ ...row, kind: "tier", savingsNote: note(row, "tier") });
    if (feature.length > 1) {
      const first = feature[0]!;
      lines.push({ ...sum(feature), featureKey: first.featureKey, featureName: first.featureName, team: first.team, tierKey: "", tierName: SUBTOTAL, kind: "subtotal", savingsNote: null });
    }
    start = end;
  }
  // One row is its own total.
  if (rows.length > 1) lines.push({ ...sum(rows), featureKey: "", featureName: TOTAL, team: "", tierKey: "", tierName: "All tiers", kind: "total", savingsNote: null });
  return lines;
}
