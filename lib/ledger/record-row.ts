// The one way back from a stored "DecisionRecord" row — Prisma's model, or the same columns read
// with raw SQL — to the record's one type (./record.ts, which the gateway writes). Stored JSON is
// read defensively: records outlive code changes, and an older row may lack what a newer one has.
// Pure: the audit page, the decision log, exports and GET /api/v1/decisions/{id} all read through it.
import type { DecisionRecordInput, DecisionStatus, Endpoint, FallbackAttempt, FindingCount } from "./record";

/** A fallback attempt as stored; rows written before latencies were kept have none. */
export type StoredFallback = Omit<FallbackAttempt, "latencyMs"> & { latencyMs: number | null };

/** A decision record as read back: every column present (null where the writer left it out). */
export type StoredDecisionRecord = Omit<Required<DecisionRecordInput>, "fallbacks"> & { fallbacks: StoredFallback[] };

type JsonColumn = "findings" | "answerFindings" | "candidates" | "rejected" | "trace" | "fallbacks" | "replayInput";
type MoneyColumn = "costUsd" | "baselineCostUsd" | "cacheSavingsUsd";
/** A numeric column as Prisma (a Decimal) or pg (a string) returns it. */
export type StoredDecimal = { toNumber(): number } | number | string | null;

/** The stored row: the record's columns, JSON still unread, money still in the driver's decimal. */
export type DecisionRecordRow = Omit<StoredDecisionRecord, JsonColumn | MoneyColumn | "endpoint" | "status"> &
  Record<JsonColumn, unknown> &
  Record<MoneyColumn, StoredDecimal> & { endpoint: string; status: string };

const text = (value: unknown) => (typeof value === "string" ? value : "");
const objects = (value: unknown): Array<Record<string, unknown>> =>
  Array.isArray(value) ? value.filter((entry): entry is Record<string, unknown> => typeof entry === "object" && entry !== null) : [];

export function money(value: StoredDecimal): number | null {
  if (value === null) return null;
  return typeof value === "object" ? value.toNumber() : Number(value);
}

/** Keeps only type and count from the stored findings, whatever else the JSON holds. */
export function readFindings(value: unknown): FindingCount[] {
  return objects(value).flatMap(({ type, count }) => (typeof type === "string" && typeof count === "number" ? [{ type, count }] : []));
}

export function readAnswerFindings(value: unknown): StoredDecisionRecord["answerFindings"] {
  return objects(value).flatMap(({ type, count, masked }) => (typeof type === "string" && typeof count === "number" ? [{ type, count, masked: masked === true }] : []));
}

export function readFallbacks(value: unknown): StoredFallback[] {
  return objects(value).map((entry) => ({
    alias: text(entry.alias),
    providerKey: text(entry.providerKey),
    errorKind: text(entry.errorKind),
    message: text(entry.message),
    latencyMs: typeof entry.latencyMs === "number" ? entry.latencyMs : null,
  }));
}

export function readTrace(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((line): line is string => typeof line === "string") : [];
}

/** The row mapper. Candidates, rejections and the replay input stay as stored (their readers know their shapes). */
export function recordFromRow(row: DecisionRecordRow): StoredDecisionRecord {
  return {
    ...row,
    endpoint: row.endpoint as Endpoint,
    status: row.status as DecisionStatus,
    findings: readFindings(row.findings),
    answerFindings: readAnswerFindings(row.answerFindings),
    candidates: row.candidates,
    rejected: row.rejected,
    replayInput: row.replayInput ?? null,
    trace: readTrace(row.trace),
    fallbacks: readFallbacks(row.fallbacks),
    costUsd: money(row.costUsd),
    baselineCostUsd: money(row.baselineCostUsd),
    cacheSavingsUsd: money(row.cacheSavingsUsd),
  };
}

/** What readers of a record need: a record just written (./record.ts) or one read back. */
export type ReadableDecisionRecord = Omit<DecisionRecordInput, "fallbacks"> & { fallbacks: StoredFallback[] };
