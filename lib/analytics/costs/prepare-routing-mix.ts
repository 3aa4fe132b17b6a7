// The routing mix: where requests and tokens went per tier and per feature, how often the router
// served above the cheapest tier and why, how often it fell back and why, and what it refused by
// constraint. Pure.
import { NOT_SERVED, featureLabel, tierName, type FeatureLabel } from "./prepare-cost-breakdown";
import { MALFORMED } from "@/lib/gateway/records/pre-routing-refusal";
import { foldGroups, orderedTierKeys, tierRank, type FeatureInfo, type ReasonGroup, type TierInfo, type UsageGroup } from "./usage-groups";

export interface TierMixRow {
  tierKey: string;
  tierName: string;
  requests: number;
  requestShare: number;
  tokens: number;
  tokenShare: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** Requests per tier for one feature (a stacked bar), keyed "tier:<key>" plus "tier:" for not served. */
export interface FeatureMixRow extends FeatureLabel {
  requests: number;
  tokens: number;
  byTier: Record<string, number>;
}

export interface CauseRow {
  /** The stored value ("" when none was recorded). */
  cause: string;
  label: string;
  requests: number;
  /** Of the group the table is about (escalated, fell back, refused). */
  share: number;
}

export interface RoutingMix {
  tiers: TierMixRow[];
  /** Tier keys in order for the per-feature chart; "" (not served) last when present. */
  tierKeys: string[];
  features: FeatureMixRow[];
  served: number;
  /** Served above the cheapest tier. */
  escalated: number;
  escalationRate: number | null;
  escalationReasons: CauseRow[];
  /** Requests that reached a model (not refused). */
  attempted: number;
  fellBack: number;
  fallbackRate: number | null;
  fallbackCauses: CauseRow[];
  requests: number;
  refused: number;
  /** Requests refused for bad input (unreadable JSON, an invalid field): counted apart, not as refusals. */
  malformed: number;
  /** Refused of the well-formed requests (requests − malformed). */
  refusalRate: number | null;
  refusalConstraints: CauseRow[];
}

const ESCALATION_WORDS: Record<string, string> = {
  context: "Context: the prompt did not fit a cheaper model's window",
  difficulty: "Difficulty: the request's difficulty needs a higher tier",
  rule: "Rule: a routing rule asked for a higher tier or pinned a model",
  pin: "Pin: the caller pinned a tier or model",
  health: "Health: cheaper models were down, rate-limited or failed",
  licence: "Licence: cheaper models' licences forbid this use",
  budget: "Budget",
  none: "None recorded",
  "": "None recorded",
};

const FALLBACK_WORDS: Record<string, string> = {
  rate_limited: "Rate limited upstream",
  timeout: "Timed out",
  unavailable: "Provider unavailable (5xx)",
  circuit_open: "Circuit open",
  auth: "Provider rejected credentials",
  bad_request: "Provider rejected the request",
  context_length: "Context too long for the provider",
  unknown: "Unknown error",
};

const REFUSAL_WORDS: Record<string, string> = {
  data_class: "Data class: no allowed tier for the data",
  region: "Region: no provider in an allowed region",
  context_window: "Context window: no allowed model fits the prompt",
  difficulty: "Difficulty",
  rule: "Routing rule",
  pin: "Pin: unknown or forbidden model or tier",
  budget: "Budget exceeded (blocking feature)",
  licence: "Licence forbids every remaining model",
  circuit_open: "Every allowed provider's circuit open",
  rate_limit: "Every allowed provider rate-limited",
  disabled: "Every allowed model disabled",
  "": "Before routing (e.g. the key's own rate limit)",
  [MALFORMED]: "Malformed request (bad JSON or an invalid field)",
};

export function causeLabel(kind: "escalation" | "fallback" | "refusal", cause: string): string {
  const words = kind === "escalation" ? ESCALATION_WORDS : kind === "fallback" ? FALLBACK_WORDS : REFUSAL_WORDS;
  return words[cause] ?? (cause || "None recorded");
}

function causes(kind: "escalation" | "fallback" | "refusal", counts: Map<string, number>, total: number): CauseRow[] {
  return [...counts]
    .map(([cause, requests]) => ({ cause, label: causeLabel(kind, cause), requests, share: total > 0 ? requests / total : 0 }))
    .sort((a, b) => b.requests - a.requests || a.cause.localeCompare(b.cause));
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const bump = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);

export function prepareRoutingMix(groups: readonly UsageGroup[], reasons: readonly ReasonGroup[], features: readonly FeatureInfo[], tiers: readonly TierInfo[]): RoutingMix {
  const configuredOrder = orderedTierKeys(tiers, [...groups.map((group) => group.tierKey), ...reasons.map((reason) => reason.tierKey)]);
  const byTier = foldGroups(groups, ["tierKey"]);
  const totalRequests = byTier.reduce((sum, group) => sum + group.requests, 0);
  const totalTokens = byTier.reduce((sum, group) => sum + group.inputTokens + group.outputTokens, 0);
  const tierRows = byTier
    .map((group) => ({
      tierKey: group.tierKey,
      tierName: tierName(group.tierKey, tiers),
      requests: group.requests,
      requestShare: share(group.requests, totalRequests) ?? 0,
      tokens: group.inputTokens + group.outputTokens,
      tokenShare: share(group.inputTokens + group.outputTokens, totalTokens) ?? 0,
      inputTokens: group.inputTokens,
      outputTokens: group.outputTokens,
      costUsd: group.costUsd,
    }))
    .sort((a, b) => tierRank(configuredOrder, a.tierKey) - tierRank(configuredOrder, b.tierKey));
  const tierKeys = tierRows.map((row) => row.tierKey);

  const featureRows = new Map<string, FeatureMixRow>();
  for (const group of foldGroups(groups, ["featureKey", "tierKey"])) {
    const row = featureRows.get(group.featureKey) ?? { ...featureLabel(group.featureKey, group.team, features), requests: 0, tokens: 0, byTier: {} };
    row.requests += group.requests;
    row.tokens += group.inputTokens + group.outputTokens;
    row.byTier[group.tierKey] = (row.byTier[group.tierKey] ?? 0) + group.requests;
    featureRows.set(group.featureKey, row);
  }

  // Escalation is measured against the cheapest configured tier ("served above local").
  const cheapest = configuredOrder[0] ?? "";
  const escalations = new Map<string, number>();
  const fallbackCauses = new Map<string, number>();
  const refusals = new Map<string, number>();
  let served = 0;
  let escalated = 0;
  let attempted = 0;
  let fellBack = 0;
  let requests = 0;
  let refused = 0;
  let malformed = 0;
  for (const reason of reasons) {
    requests += reason.requests;
    if (reason.status === "refused" && reason.refusalConstraint === MALFORMED) {
      malformed += reason.requests;
      continue;
    }
    if (reason.status === "refused") {
      refused += reason.requests;
      bump(refusals, reason.refusalConstraint, reason.requests);
      continue;
    }
    attempted += reason.requests;
    if (reason.fallbacks > 0) {
      fellBack += reason.fallbacks;
      bump(fallbackCauses, reason.fallbackCause, reason.fallbacks);
    }
    if (reason.status === "success" || reason.status === "fallback_success") {
      served += reason.requests;
      if (reason.tierKey !== "" && reason.tierKey !== cheapest) {
        escalated += reason.requests;
        bump(escalations, reason.escalationReason, reason.requests);
      }
    }
  }

  return {
    tiers: tierRows,
    tierKeys,
    features: [...featureRows.values()].sort((a, b) => b.requests - a.requests || a.featureName.localeCompare(b.featureName)),
    served,
    escalated,
    escalationRate: share(escalated, served),
    escalationReasons: causes("escalation", escalations, escalated),
    attempted,
    fellBack,
    fallbackRate: share(fellBack, attempted),
    fallbackCauses: causes("fallback", fallbackCauses, fellBack),
    requests,
    refused,
    malformed,
    refusalRate: share(refused, requests - malformed),
    refusalConstraints: causes("refusal", refusals, refused),
  };
}

export { NOT_SERVED };
