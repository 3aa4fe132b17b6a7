// Folds decision records into hourly rollup deltas (pure). The writer adds each delta to its
// row with one upsert, so a batch of thousands of records costs a handful of row updates.
import { bucketIndex, emptyBuckets } from "./histogram";
import type { DecisionRecordInput, DecisionStatus } from "./record";

export interface RollupKey {
  hour: Date;
  featureKey: string;
  team: string;
  tierKey: string;
  modelAlias: string;
  apiKeyId: string;
  dataClass: string;
  status: DecisionStatus;
  escalationReason: string;
  synthetic: boolean;
}

export interface RollupDelta extends RollupKey {
  requests: number;
  fallbacks: number;
  unpricedRequests: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  baselineCostUsd: number;
  latencyMsSum: number;
  latencyBuckets: number[];
  ttftBuckets: number[];
}

export function hourOf(date: Date): Date {
  const hour = new Date(date);
  hour.setUTCMinutes(0, 0, 0);
  return hour;
}

function keyOf(record: DecisionRecordInput): RollupKey {
  return {
    hour: hourOf(record.createdAt),
    featureKey: record.featureKey ?? "",
    team: record.team ?? "",
    tierKey: record.tierKey ?? "",
    modelAlias: record.modelAlias ?? "",
    apiKeyId: record.apiKeyId ?? "",
    dataClass: record.dataClass,
    status: record.status,
    escalationReason: record.escalationReason ?? "",
    synthetic: record.synthetic ?? false,
  };
}

const identity = (key: RollupKey) =>
  [key.hour.getTime(), key.featureKey, key.tierKey, key.modelAlias, key.apiKeyId, key.dataClass, key.status, key.escalationReason, key.synthetic].join("\u0000");

export function foldIntoRollups(records: readonly DecisionRecordInput[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  for (const record of records) {
    if (record.dryRun) continue;
    const key = keyOf(record);
    const id = identity(key);
    let delta = byKey.get(id);
    if (!delta) {
      delta = { ...key, requests: 0, fallbacks: 0, unpricedRequests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, baselineCostUsd: 0, latencyMsSum: 0, latencyBuckets: emptyBuckets(), ttftBuckets: emptyBuckets() };
      byKey.set(id, delta);
    }
    delta.requests += 1;
    if (record.fallbacks.length > 0) delta.fallbacks += 1;
    // A served request on a model without a price is counted, never priced at zero.
    const served = record.status === "success" || record.status === "fallback_success";
    if (served && record.costUsd === null) delta.unpricedRequests += 1;
    delta.inputTokens += record.inputTokens ?? 0;
    delta.outputTokens += record.outputTokens ?? 0;
    delta.costUsd += record.costUsd ?? 0;
    delta.baselineCostUsd += record.baselineCostUsd ?? 0;
    delta.latencyMsSum += record.latencyMs;
    delta.latencyBuckets[bucketIndex(record.latencyMs)]! += 1;
    if (record.ttftMs !== null) delta.ttftBuckets[bucketIndex(record.ttftMs)]! += 1;
  }
  return [...byKey.values()];
}
