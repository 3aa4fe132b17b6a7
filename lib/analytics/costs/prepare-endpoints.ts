// Spend per endpoint (chat completions, Anthropic Messages, Responses, embeddings, native,
// playground): what each surface cost against the baseline, what prompt caching took off it, and
// its latency from the rollups' histograms. Coding agents arrive on Messages and Responses, so this
// is where their share of the bill shows. Pure.
import { quantileFromBuckets } from "@/lib/ledger/histogram";
import type { Endpoint } from "@/lib/ledger/record";
import { ENDPOINTS } from "../decisions/decision-filters";
import { moneyTotals, type MoneyTotals } from "./usage-groups";

/** Totals of one endpoint over the selected days (the query's row). */
export interface EndpointGroup {
  endpoint: string;
  requests: number;
  served: number;
  unpricedRequests: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  baselineCostUsd: number;
  cacheSavingsUsd: number;
  latencyBuckets: number[];
  ttftBuckets: number[];
}

export interface EndpointRow extends MoneyTotals {
  endpoint: string;
  /** The reader's name for it, and its path. */
  endpointName: string;
  endpointPath: string | null;
  cacheWriteTokens: number;
  /** Share of the range's cost; null when nothing cost anything. */
  costShare: number | null;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  p50TtftMs: number | null;
}

const finite = (value: number | null) => (value === null || !Number.isFinite(value) ? null : value);

const known = (endpoint: string) => ENDPOINTS.find((entry) => entry.key === (endpoint as Endpoint));

/** Rows in the order of the endpoint filter's list (unknown endpoints after, by key). */
export function prepareEndpoints(groups: readonly EndpointGroup[]): EndpointRow[] {
  const totalCost = groups.reduce((sum, group) => sum + group.costUsd, 0);
  const rank = (endpoint: string) => {
    const index = ENDPOINTS.findIndex((entry) => entry.key === endpoint);
    return index < 0 ? ENDPOINTS.length : index;
  };
  return groups
    .filter((group) => group.requests > 0)
    .map((group) => ({
      ...moneyTotals(group),
      endpoint: group.endpoint,
      endpointName: known(group.endpoint)?.label ?? group.endpoint,
      endpointPath: known(group.endpoint)?.path ?? null,
      cacheWriteTokens: group.cacheWriteTokens,
      costShare: totalCost > 0 ? group.costUsd / totalCost : null,
      p50LatencyMs: finite(quantileFromBuckets(group.latencyBuckets, 0.5)),
      p95LatencyMs: finite(quantileFromBuckets(group.latencyBuckets, 0.95)),
      p50TtftMs: finite(quantileFromBuckets(group.ttftBuckets, 0.5)),
    }))
    .sort((a, b) => rank(a.endpoint) - rank(b.endpoint) || a.endpoint.localeCompare(b.endpoint));
}
