// What each feature cost, on which tiers, and what routing saved against the all-frontier
// baseline: the totals, the feature × tier table and the per-feature savings table. Pure.
import { foldGroups, moneyTotals, orderedTierKeys, tierRank, type FeatureInfo, type MoneyTotals, type TierInfo, type UsageGroup } from "./usage-groups";

export interface FeatureLabel {
  featureKey: string;
  /** The feature's name today; "No feature" for requests that named none. */
  featureName: string;
  team: string;
}

export interface FeatureTierRow extends MoneyTotals, FeatureLabel {
  tierKey: string;
  /** "Not served" for requests no model answered (refused or failed). */
  tierName: string;
  fallbacks: number;
}

export interface FeatureSavingsRow extends MoneyTotals, FeatureLabel {}

export interface CostBreakdown {
  totals: MoneyTotals;
  featureTiers: FeatureTierRow[];
  features: FeatureSavingsRow[];
}

export const NO_FEATURE = "No feature";
export const NOT_SERVED = "Not served";

export function featureLabel(featureKey: string, team: string, features: readonly FeatureInfo[]): FeatureLabel {
  const feature = features.find((candidate) => candidate.key === featureKey);
  return { featureKey, featureName: featureKey === "" ? NO_FEATURE : (feature?.name ?? featureKey), team: feature?.team ?? team };
}

export function tierName(tierKey: string, tiers: readonly TierInfo[]): string {
  return tierKey === "" ? NOT_SERVED : (tiers.find((tier) => tier.key === tierKey)?.name ?? tierKey);
}

export function prepareCostBreakdown(groups: readonly UsageGroup[], features: readonly FeatureInfo[], tiers: readonly TierInfo[]): CostBreakdown {
  const [all] = foldGroups(groups, []);
  const tierKeys = orderedTierKeys(tiers, groups.map((group) => group.tierKey));
  const byFeature = foldGroups(groups, ["featureKey"]);
  const featureCost = new Map(byFeature.map((group) => [group.featureKey, group.costUsd]));
  const featureTiers = foldGroups(groups, ["featureKey", "tierKey"])
    .map((group) => ({ ...moneyTotals(group), ...featureLabel(group.featureKey, group.team, features), tierKey: group.tierKey, tierName: tierName(group.tierKey, tiers), fallbacks: group.fallbacks }))
    .sort(
      (a, b) =>
        (featureCost.get(b.featureKey) ?? 0) - (featureCost.get(a.featureKey) ?? 0) ||
        a.featureName.localeCompare(b.featureName) ||
        tierRank(tierKeys, a.tierKey) - tierRank(tierKeys, b.tierKey),
    );
  const savings = byFeature
    .map((group) => ({ ...moneyTotals(group), ...featureLabel(group.featureKey, group.team, features) }))
    .sort((a, b) => b.baselineCostUsd - a.baselineCostUsd || b.requests - a.requests || a.featureName.localeCompare(b.featureName));
  return { totals: moneyTotals(all ?? { requests: 0, served: 0, unpricedRequests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, baselineCostUsd: 0 }), featureTiers, features: savings };
}
