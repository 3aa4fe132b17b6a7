// The replay's running counts: totals, per feature, the from → to matrix, refusals and a few
// examples of changed records. Pure.
import type { ChangedExample, CostTotals, FeatureTotals, MatrixCell, Placement, RefusalCount, ReplayRecord, ReplaySummary, SkipReason } from "./types";

const EXAMPLES_PER_CHANGE = 3;
const MAX_EXAMPLES = 30;

export function emptyTotals(): CostTotals {
  return {
    replayed: 0,
    changedTier: 0,
    changedModel: 0,
    newlyRefused: 0,
    newlyServed: 0,
    actualCostUsd: 0,
    replayCostUsd: 0,
    baselineCostUsd: 0,
    recordedBaselineCostUsd: 0,
    unpricedActual: 0,
    unpricedReplay: 0,
    servedWithoutTokens: 0,
  };
}

export interface Replayed {
  hasTokens: boolean;
  /** 0 when the replay refuses; null when the replayed model is unpriced or there are no tokens. */
  replayCostUsd: number | null;
  baselineCostUsd: number | null;
  refusal: { code: RefusalCount["code"]; constraint: RefusalCount["constraint"]; message: string } | null;
  violates: boolean;
}

const placeKey = (place: Placement) => (place.refused ? "refused" : `${place.tierKey}\u0000${place.alias}`);

function addTo(totals: CostTotals, record: ReplayRecord, from: Placement, to: Placement, replayed: Replayed) {
  const n = record.count;
  totals.replayed += n;
  if (!from.refused && !to.refused) {
    if (from.tierKey !== to.tierKey) totals.changedTier += n;
    if (from.alias !== to.alias) totals.changedModel += n;
  }
  if (!from.refused && to.refused) totals.newlyRefused += n;
  if (from.refused && !to.refused) totals.newlyServed += n;
  if (!replayed.hasTokens) {
    if (!to.refused) totals.servedWithoutTokens += n;
    return;
  }
  // Costs compare like with like: only records with actual tokens.
  totals.unpricedActual += n - record.pricedCount;
  totals.actualCostUsd += record.costUsd;
  if (replayed.replayCostUsd === null) totals.unpricedReplay += n;
  else totals.replayCostUsd += replayed.replayCostUsd;
  totals.baselineCostUsd += replayed.baselineCostUsd ?? 0;
  totals.recordedBaselineCostUsd += record.baselineCostUsd;
}

export class ReplayTally {
  private readonly totals = emptyTotals();
  private readonly features = new Map<string | null, FeatureTotals>();
  private readonly matrix = new Map<string, MatrixCell>();
  private readonly refusals = new Map<string, RefusalCount>();
  private readonly examples: ChangedExample[] = [];
  /** Rows seen per matrix cell, so each change gets a few examples. */
  private readonly exampleRows = new Map<string, number>();
  private readonly skippedBy: Record<SkipReason, number> = { no_replay_input: 0, unknown_keyword: 0 };
  private violations = 0;

  skip(reason: SkipReason, count: number) {
    this.skippedBy[reason] += count;
  }

  count(record: ReplayRecord, from: Placement, to: Placement, replayed: Replayed) {
    addTo(this.totals, record, from, to, replayed);
    let feature = this.features.get(record.featureKey);
    if (!feature) this.features.set(record.featureKey, (feature = { featureKey: record.featureKey, ...emptyTotals() }));
    addTo(feature, record, from, to, replayed);
    if (replayed.violates) this.violations += record.count;

    const cellKey = `${record.featureKey}\u0001${placeKey(from)}\u0001${placeKey(to)}`;
    const cell = this.matrix.get(cellKey);
    const examplesOfCell = (this.exampleRows.get(cellKey) ?? 0) + 1;
    this.exampleRows.set(cellKey, examplesOfCell);
    if (cell) cell.count += record.count;
    else this.matrix.set(cellKey, { featureKey: record.featureKey, from, to, count: record.count });

    if (replayed.refusal && !from.refused) {
      const key = `${replayed.refusal.code}\u0000${replayed.refusal.constraint}`;
      const seen = this.refusals.get(key);
      if (seen) seen.count += record.count;
      else this.refusals.set(key, { code: replayed.refusal.code, constraint: replayed.refusal.constraint, count: record.count, example: replayed.refusal.message });
    }
    const changed = placeKey(from) !== placeKey(to);
    if (changed && this.examples.length < MAX_EXAMPLES && examplesOfCell <= EXAMPLES_PER_CHANGE) {
      this.examples.push({ id: record.id, createdAt: record.createdAt.toISOString(), featureKey: record.featureKey, from, to, refusal: replayed.refusal?.message ?? null });
    }
  }

  summary(groups: number): ReplaySummary {
    const skipped = this.skippedBy.no_replay_input + this.skippedBy.unknown_keyword;
    return {
      ...this.totals,
      skipped,
      skippedBy: { ...this.skippedBy },
      dataClassViolations: this.violations,
      groups,
      matrix: [...this.matrix.values()].sort((a, b) => b.count - a.count),
      refusals: [...this.refusals.values()].sort((a, b) => b.count - a.count),
      features: [...this.features.values()].sort((a, b) => (a.featureKey ?? "~").localeCompare(b.featureKey ?? "~")),
      examples: [...this.examples],
    };
  }
}
