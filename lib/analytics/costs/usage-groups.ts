// The shapes the cost queries return (sums over daily rollup rows) and the folds the prepare
// functions share. Pure: no database, so every figure on the Costs page is unit-tested arithmetic.
import { addBuckets, emptyBuckets } from "@/lib/ledger/histogram";

/** Totals of one feature × tier × model over the selected days. */
export interface UsageGroup {
  featureKey: string;
  team: string;
  tierKey: string;
  modelAlias: string;
  requests: number;
  /** Answered by a model (success or fallback_success). */
  served: number;
  refused: number;
  errors: number;
  /** Requests that moved along the candidate list at least once. */
  fallbacks: number;
  /** Served requests on a model without a price: counted, absent from costUsd. */
  unpricedRequests: number;
  inputTokens: number;
  outputTokens: number;
  /** Of inputTokens: read from the providers' prompt caches. */
  cachedInputTokens: number;
  /** Served requests whose tokens were estimated (the provider reported none). */
  estimatedRequests: number;
  costUsd: number;
  baselineCostUsd: number;
  /** What prompt caching saved against plain input prices. */
  cacheSavingsUsd: number;
  latencyMsSum: number;
  latencyBuckets: number[];
  ttftBuckets: number[];
}

/** Request counts by outcome and its cause. */
export interface ReasonGroup {
  status: "success" | "fallback_success" | "refused" | "error";
  tierKey: string;
  escalationReason: string;
  refusalConstraint: string;
  fallbackCause: string;
  requests: number;
  fallbacks: number;
}

/** Spend of one tier in one period (day, week or month). */
export interface SpendGroup {
  /** First day of the period, "YYYY-MM-DD". */
  period: string;
  tierKey: string;
  requests: number;
  unpricedRequests: number;
  costUsd: number;
  baselineCostUsd: number;
}

export interface TierInfo {
  key: string;
  name: string;
  rank: number;
}

export interface FeatureInfo {
  key: string;
  name: string;
  team: string;
  monthlyBudgetUsd: number | null;
}

/** Money and volume every summary row carries. */
export interface MoneyTotals {
  requests: number;
  served: number;
  unpricedRequests: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  baselineCostUsd: number;
  savingsUsd: number;
  cachedInputTokens: number;
  cacheSavingsUsd: number;
  estimatedRequests: number;
  /** Share of the baseline saved (negative when dearer); null without a baseline. */
  savingsShare: number | null;
  /** Share of served requests whose price is known; null when nothing was served. */
  pricedShare: number | null;
}

export function emptyGroup(keys: Pick<UsageGroup, "featureKey" | "team" | "tierKey" | "modelAlias">): UsageGroup {
  return { ...keys, requests: 0, served: 0, refused: 0, errors: 0, fallbacks: 0, unpricedRequests: 0, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, estimatedRequests: 0, costUsd: 0, baselineCostUsd: 0, cacheSavingsUsd: 0, latencyMsSum: 0, latencyBuckets: emptyBuckets(), ttftBuckets: emptyBuckets() };
}

export function addGroup(into: UsageGroup, from: UsageGroup): UsageGroup {
  into.requests += from.requests;
  into.served += from.served;
  into.refused += from.refused;
  into.errors += from.errors;
  into.fallbacks += from.fallbacks;
  into.unpricedRequests += from.unpricedRequests;
  into.inputTokens += from.inputTokens;
  into.outputTokens += from.outputTokens;
  into.cachedInputTokens += from.cachedInputTokens;
  into.estimatedRequests += from.estimatedRequests;
  into.costUsd += from.costUsd;
  into.baselineCostUsd += from.baselineCostUsd;
  into.cacheSavingsUsd += from.cacheSavingsUsd;
  into.latencyMsSum += from.latencyMsSum;
  addBuckets(into.latencyBuckets, from.latencyBuckets);
  addBuckets(into.ttftBuckets, from.ttftBuckets);
  return into;
}

/** Folds groups by the chosen dimensions (the others become ""). */
export function foldGroups(groups: readonly UsageGroup[], by: ReadonlyArray<"featureKey" | "tierKey" | "modelAlias">): UsageGroup[] {
  const folded = new Map<string, UsageGroup>();
  for (const group of groups) {
    const keys = {
      featureKey: by.includes("featureKey") ? group.featureKey : "",
      team: by.includes("featureKey") ? group.team : "",
      tierKey: by.includes("tierKey") ? group.tierKey : "",
      modelAlias: by.includes("modelAlias") ? group.modelAlias : "",
    };
    const id = `${keys.featureKey}\u0000${keys.tierKey}\u0000${keys.modelAlias}`;
    const into = folded.get(id) ?? emptyGroup(keys);
    folded.set(id, addGroup(into, group));
  }
  return [...folded.values()];
}

export function moneyTotals(
  group: Pick<UsageGroup, "requests" | "served" | "unpricedRequests" | "inputTokens" | "outputTokens" | "costUsd" | "baselineCostUsd"> &
    Partial<Pick<UsageGroup, "cachedInputTokens" | "cacheSavingsUsd" | "estimatedRequests">>,
): MoneyTotals {
  const savingsUsd = group.baselineCostUsd - group.costUsd;
  return {
    requests: group.requests,
    served: group.served,
    unpricedRequests: group.unpricedRequests,
    inputTokens: group.inputTokens,
    outputTokens: group.outputTokens,
    costUsd: group.costUsd,
    baselineCostUsd: group.baselineCostUsd,
    savingsUsd,
    cachedInputTokens: group.cachedInputTokens ?? 0,
    cacheSavingsUsd: group.cacheSavingsUsd ?? 0,
    estimatedRequests: group.estimatedRequests ?? 0,
    savingsShare: group.baselineCostUsd > 0 ? savingsUsd / group.baselineCostUsd : null,
    pricedShare: group.served > 0 ? (group.served - group.unpricedRequests) / group.served : null,
  };
}

/** Tiers cheapest first; tiers seen in the data but no longer configured follow, by key. */
export function orderedTierKeys(tiers: readonly TierInfo[], seen: Iterable<string>): string[] {
  const configured = [...tiers].sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key)).map((tier) => tier.key);
  const extra = [...new Set(seen)].filter((key) => key !== "" && !configured.includes(key)).sort();
  return [...configured, ...extra];
}

/** Compares rows by tier rank (unknown tiers after, "not served" last). */
export function tierRank(tiers: readonly string[], key: string): number {
  if (key === "") return Number.MAX_SAFE_INTEGER;
  const index = tiers.indexOf(key);
  return index < 0 ? tiers.length : index;
}
