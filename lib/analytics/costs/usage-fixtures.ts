// Test helpers: usage groups and reasons as the rollup queries return them.
import { emptyBuckets } from "@/lib/ledger/histogram";
import type { FeatureInfo, ReasonGroup, TierInfo, UsageGroup } from "./usage-groups";

export const TIERS: TierInfo[] = [
  { key: "local", name: "Local", rank: 0 },
  { key: "hosted-open", name: "Hosted open", rank: 1 },
  { key: "frontier", name: "Frontier", rank: 2 },
];

export const FEATURES: FeatureInfo[] = [
  { key: "support-summaries", name: "Support summaries", team: "Support", monthlyBudgetUsd: 500 },
  { key: "code-assist", name: "Code assistant", team: "Platform", monthlyBudgetUsd: 2000 },
  { key: "research-notebook", name: "Research notebook", team: "Research", monthlyBudgetUsd: null },
];

export function group(overrides: Partial<UsageGroup>): UsageGroup {
  return {
    featureKey: "support-summaries",
    team: "Support",
    tierKey: "local",
    modelAlias: "llama-3.1-8b",
    requests: 0,
    served: 0,
    refused: 0,
    errors: 0,
    fallbacks: 0,
    unpricedRequests: 0,
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    estimatedRequests: 0,
    costUsd: 0,
    baselineCostUsd: 0,
    cacheSavingsUsd: 0,
    latencyMsSum: 0,
    latencyBuckets: emptyBuckets(),
    ttftBuckets: emptyBuckets(),
    ...overrides,
  };
}

export function reason(overrides: Partial<ReasonGroup>): ReasonGroup {
  return { status: "success", tierKey: "local", escalationReason: "none", refusalConstraint: "", fallbackCause: "", requests: 0, fallbacks: 0, ...overrides };
}
