// Folds decision records into hourly rollup deltas, and hourly deltas into daily ones (pure). The
// writer adds each delta to its row with one upsert, so a batch of thousands of records costs a
// handful of row updates. Budgets read the hourly rows; the cost dashboards read the daily rows.
import { addBuckets, bucketIndex, emptyBuckets } from "./histogram";
import type { DecisionRecordInput, DecisionStatus, Endpoint } from "./record";

/** The dimensions a rollup row is kept per (besides its hour or day). */
export interface RollupDimensions {
  featureKey: string;
  team: string;
  /** The surface the requests came in on, so costs can be read per endpoint. */
  endpoint: Endpoint;
  tierKey: string;
  modelAlias: string;
  apiKeyId: string;
  dataClass: string;
  status: DecisionStatus;
  escalationReason: string;
  /** Refusals: the constraint that emptied the candidate list; "" otherwise. */
  refusalConstraint: string;
  /** Requests that fell back: the error kind of the first failed attempt; "" otherwise. */
  fallbackCause: string;
  synthetic: boolean;
}

export interface RollupKey extends RollupDimensions {
  hour: Date;
}

export interface DailyRollupKey extends RollupDimensions {
  /** Midnight UTC of the day. */
  day: Date;
}

export interface RollupTotals {
  requests: number;
  fallbacks: number;
  unpricedRequests: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  /** Served requests whose token counts were estimated. */
  estimatedRequests: number;
  costUsd: number;
  baselineCostUsd: number;
  cacheSavingsUsd: number;
  latencyMsSum: number;
  latencyBuckets: number[];
  ttftBuckets: number[];
}

export interface RollupDelta extends RollupKey, RollupTotals {}
export interface DailyRollupDelta extends DailyRollupKey, RollupTotals {}

export function hourOf(date: Date): Date {
  const hour = new Date(date);
  hour.setUTCMinutes(0, 0, 0);
  return hour;
}

export function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function dimensionsOf(record: DecisionRecordInput): RollupDimensions {
  return {
    featureKey: record.featureKey ?? "",
    team: record.team ?? "",
    endpoint: record.endpoint,
    tierKey: record.tierKey ?? "",
    modelAlias: record.modelAlias ?? "",
    apiKeyId: record.apiKeyId ?? "",
    dataClass: record.dataClass,
    status: record.status,
    escalationReason: record.escalationReason ?? "",
    refusalConstraint: record.refusalConstraint ?? "",
    fallbackCause: record.fallbacks[0]?.errorKind ?? "",
    synthetic: record.synthetic ?? false,
  };
}

/**
 * The row identity, in the order of the unique index (team is not part of it: it follows the
 * feature). Also the sort order of upserts, so concurrent writers lock rows in the same order.
 */
export function rollupIdentity(time: Date, key: RollupDimensions): string {
  return [
    String(time.getTime()).padStart(15, "0"),
    key.featureKey,
    key.endpoint,
    key.tierKey,
    key.modelAlias,
    key.apiKeyId,
    key.dataClass,
    key.status,
    key.escalationReason,
    key.refusalConstraint,
    key.fallbackCause,
    key.synthetic,
  ].join("\u0000");
}

function emptyTotals(): RollupTotals {
  return {
    requests: 0,
    fallbacks: 0,
    unpricedRequests: 0,
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    estimatedRequests: 0,
    costUsd: 0,
    baselineCostUsd: 0,
    cacheSavingsUsd: 0,
    latencyMsSum: 0,
    latencyBuckets: emptyBuckets(),
    ttftBuckets: emptyBuckets(),
  };
}

export function foldIntoRollups(records: readonly DecisionRecordInput[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  for (const record of records) {
    // Dry runs are audited (the raw record) but called no model: they cost and served nothing.
    if (record.dryRun) continue;
    const key: RollupKey = { hour: hourOf(record.createdAt), ...dimensionsOf(record) };
    const id = rollupIdentity(key.hour, key);
    let delta = byKey.get(id);
    if (!delta) {
      delta = { ...key, ...emptyTotals() };
      byKey.set(id, delta);
    }
    delta.requests += 1;
    if (record.fallbacks.length > 0) delta.fallbacks += 1;
    // A served request on a model without a price is counted, never priced at zero.
    const served = record.status === "success" || record.status === "fallback_success";
    if (served && record.costUsd === null) delta.unpricedRequests += 1;
    delta.inputTokens += record.inputTokens ?? 0;
    delta.outputTokens += record.outputTokens ?? 0;
    delta.cachedInputTokens += record.cachedInputTokens ?? 0;
    delta.cacheWriteTokens += record.cacheWriteTokens ?? 0;
    if (served && record.usageEstimated) delta.estimatedRequests += 1;
    delta.costUsd += record.costUsd ?? 0;
    delta.baselineCostUsd += record.baselineCostUsd ?? 0;
    delta.cacheSavingsUsd += record.cacheSavingsUsd ?? 0;
    delta.latencyMsSum += record.latencyMs;
    delta.latencyBuckets[bucketIndex(record.latencyMs)]! += 1;
    if (record.ttftMs !== null) delta.ttftBuckets[bucketIndex(record.ttftMs)]! += 1;
  }
  return sortDeltas([...byKey.values()], (delta) => delta.hour);
}

/** The same totals per UTC day: what the hourly deltas add to the daily rows. */
export function foldIntoDailyRollups(hourly: readonly RollupDelta[]): DailyRollupDelta[] {
  const byKey = new Map<string, DailyRollupDelta>();
  for (const { hour, ...rest } of hourly) {
    const day = dayOf(hour);
    const id = rollupIdentity(day, rest);
    const delta = byKey.get(id);
    if (!delta) {
      byKey.set(id, { ...rest, day, latencyBuckets: [...rest.latencyBuckets], ttftBuckets: [...rest.ttftBuckets] });
      continue;
    }
    delta.requests += rest.requests;
    delta.fallbacks += rest.fallbacks;
    delta.unpricedRequests += rest.unpricedRequests;
    delta.inputTokens += rest.inputTokens;
    delta.outputTokens += rest.outputTokens;
    delta.cachedInputTokens += rest.cachedInputTokens;
    delta.cacheWriteTokens += rest.cacheWriteTokens;
    delta.estimatedRequests += rest.estimatedRequests;
    delta.costUsd += rest.costUsd;
    delta.baselineCostUsd += rest.baselineCostUsd;
    delta.cacheSavingsUsd += rest.cacheSavingsUsd;
    delta.latencyMsSum += rest.latencyMsSum;
    addBuckets(delta.latencyBuckets, rest.latencyBuckets);
    addBuckets(delta.ttftBuckets, rest.ttftBuckets);
  }
  return sortDeltas([...byKey.values()], (delta) => delta.day);
}

function sortDeltas<T extends RollupDimensions>(deltas: T[], timeOf: (delta: T) => Date): T[] {
  const keyed = deltas.map((delta) => [rollupIdentity(timeOf(delta), delta), delta] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.map(([, delta]) => delta);
}
