// Tokens and latency per feature and tier: p50/p95 latency and time to first token read from the
// rollups' histogram buckets (never from raw records). Percentiles are the upper bound of the
// bucket holding them, so they are conservative by at most one bucket (~1.5×). Pure.
import { quantileFromBuckets } from "@/lib/ledger/histogram";
import { featureLabel, tierName, type FeatureLabel } from "./prepare-cost-breakdown";
import { foldGroups, orderedTierKeys, tierRank, type FeatureInfo, type TierInfo, type UsageGroup } from "./usage-groups";

export interface LatencyFigures {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** Mean tokens per request (input + output). */
  meanTokens: number | null;
  meanLatencyMs: number | null;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  p50TtftMs: number | null;
  p95TtftMs: number | null;
}

export interface LatencyRow extends LatencyFigures, FeatureLabel {
  tierKey: string;
  tierName: string;
}

export interface TierLatency extends LatencyFigures {
  tierKey: string;
  tierName: string;
}

export interface LatencyReport {
  rows: LatencyRow[];
  tiers: TierLatency[];
}

/** Infinity (the open last bucket) is reported as null: "above the last bound" has no number. */
const finite = (value: number | null) => (value === null || !Number.isFinite(value) ? null : value);

export function latencyFigures(group: UsageGroup): LatencyFigures {
  return {
    requests: group.requests,
    inputTokens: group.inputTokens,
    outputTokens: group.outputTokens,
    meanTokens: group.requests > 0 ? (group.inputTokens + group.outputTokens) / group.requests : null,
    meanLatencyMs: group.requests > 0 ? group.latencyMsSum / group.requests : null,
    p50LatencyMs: finite(quantileFromBuckets(group.latencyBuckets, 0.5)),
    p95LatencyMs: finite(quantileFromBuckets(group.latencyBuckets, 0.95)),
    p50TtftMs: finite(quantileFromBuckets(group.ttftBuckets, 0.5)),
    p95TtftMs: finite(quantileFromBuckets(group.ttftBuckets, 0.95)),
  };
}

/** Only requests a model answered or tried (the "not served" row holds refusals, measured in ms). */
export function prepareLatency(groups: readonly UsageGroup[], features: readonly FeatureInfo[], tiers: readonly TierInfo[]): LatencyReport {
  const order = orderedTierKeys(tiers, groups.map((group) => group.tierKey));
  const rows = foldGroups(groups, ["featureKey", "tierKey"])
    .map((group) => ({ ...featureLabel(group.featureKey, group.team, features), tierKey: group.tierKey, tierName: tierName(group.tierKey, tiers), ...latencyFigures(group) }))
    .sort((a, b) => a.featureName.localeCompare(b.featureName) || tierRank(order, a.tierKey) - tierRank(order, b.tierKey));
  const tierRows = foldGroups(groups, ["tierKey"])
    .filter((group) => group.tierKey !== "")
    .map((group) => ({ tierKey: group.tierKey, tierName: tierName(group.tierKey, tiers), ...latencyFigures(group) }))
    .sort((a, b) => tierRank(order, a.tierKey) - tierRank(order, b.tierKey));
  return { rows, tiers: tierRows };
}
