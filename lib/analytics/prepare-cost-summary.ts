// Month-to-date costs from rollup groups: totals, savings against the all-frontier baseline,
// and a feature × tier breakdown. Pure, so the arithmetic is tested without a database.

/** One rollup group as the query returns it (sums over hours, keys and statuses). */
export interface CostGroup {
  featureKey: string;
  tierKey: string;
  modelAlias: string;
  synthetic: boolean;
  requests: number;
  unpricedRequests: number;
  costUsd: number;
  baselineCostUsd: number;
}

export interface CostTotals {
  requests: number;
  /** Requests whose model had no price: their cost is missing from costUsd, not zero. */
  unpricedRequests: number;
  costUsd: number;
  baselineCostUsd: number;
  savingsUsd: number;
  /** Share of the baseline saved, 0..1 (negative when dearer); null without a baseline. */
  savingsShare: number | null;
}

export interface CostBreakdownRow extends CostTotals {
  featureKey: string;
  tierKey: string;
  /** Some of this row's traffic was served by a model whose provider is a simulator. */
  simulated: boolean;
}

export interface CostSummary {
  totals: CostTotals;
  /** The traffic generator's share, so real spend can be told from demo spend. */
  synthetic: { requests: number; costUsd: number };
  rows: CostBreakdownRow[];
}

function emptyTotals(): CostTotals {
  return { requests: 0, unpricedRequests: 0, costUsd: 0, baselineCostUsd: 0, savingsUsd: 0, savingsShare: null };
}

function add(into: CostTotals, group: CostGroup): void {
  into.requests += group.requests;
  into.unpricedRequests += group.unpricedRequests;
  into.costUsd += group.costUsd;
  into.baselineCostUsd += group.baselineCostUsd;
}

function settle<T extends CostTotals>(totals: T): T {
  totals.savingsUsd = totals.baselineCostUsd - totals.costUsd;
  totals.savingsShare = totals.baselineCostUsd > 0 ? totals.savingsUsd / totals.baselineCostUsd : null;
  return totals;
}

export function prepareCostSummary(groups: readonly CostGroup[], simulatedAliases: ReadonlySet<string>): CostSummary {
  const totals = emptyTotals();
  const synthetic = { requests: 0, costUsd: 0 };
  const rows = new Map<string, CostBreakdownRow>();
  for (const group of groups) {
    add(totals, group);
    if (group.synthetic) {
      synthetic.requests += group.requests;
      synthetic.costUsd += group.costUsd;
    }
    const id = `${group.featureKey}\u0000${group.tierKey}`;
    let row = rows.get(id);
    if (!row) {
      row = { ...emptyTotals(), featureKey: group.featureKey, tierKey: group.tierKey, simulated: false };
      rows.set(id, row);
    }
    add(row, group);
    if (simulatedAliases.has(group.modelAlias)) row.simulated = true;
  }
  return {
    totals: settle(totals),
    synthetic,
    // Biggest spend first; requests break ties so unpriced and refused traffic stays visible.
    rows: [...rows.values()].map(settle).sort((a, b) => b.costUsd - a.costUsd || b.requests - a.requests || a.featureKey.localeCompare(b.featureKey)),
  };
}
