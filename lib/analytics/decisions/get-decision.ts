import "server-only";
// One decision record for the audit detail page: everything the router knew and did, read from the
// stored JSON defensively (records outlive code changes), findings as types and counts only.
import { getDb } from "@/lib/db";
import { isUuid } from "./decision-filters";
import { recordFromRow, type StoredDecisionRecord, type StoredFallback } from "@/lib/ledger/record-row";

export interface CandidateView {
  alias: string;
  providerKey: string;
  tierKey: string;
  estimatedCostUsd: number | null;
}

export interface RejectionView {
  alias: string;
  tierKey: string;
  providerKey: string;
  reason: string;
  detail: string;
}

/** A fallback attempt as stored (latency null on rows from before latencies were kept). */
export type FallbackView = StoredFallback;

/** The stored record (lib/ledger/record-row.ts) with its candidates and rejections read, and the names around it. */
export type DecisionDetail = Omit<StoredDecisionRecord, "candidates" | "rejected"> & {
  apiKeyName: string | null;
  featureName: string | null;
  /** The serving provider is a simulator in today's configuration. */
  simulated: boolean;
  candidates: CandidateView[];
  rejected: RejectionView[];
};

const text = (value: unknown) => (typeof value === "string" ? value : "");
const objects = (value: unknown): Array<Record<string, unknown>> => (Array.isArray(value) ? value.filter((entry): entry is Record<string, unknown> => typeof entry === "object" && entry !== null) : []);

export function readCandidates(value: unknown): CandidateView[] {
  return objects(value).map((entry) => ({
    alias: text(entry.alias),
    providerKey: text(entry.providerKey),
    tierKey: text(entry.tierKey),
    estimatedCostUsd: typeof entry.estimatedCostUsd === "number" ? entry.estimatedCostUsd : null,
  }));
}

export function readRejections(value: unknown): RejectionView[] {
  return objects(value).map((entry) => ({ alias: text(entry.alias), tierKey: text(entry.tierKey), providerKey: text(entry.providerKey), reason: text(entry.reason), detail: text(entry.detail) }));
}

export async function getDecision(id: string): Promise<DecisionDetail | null> {
  if (!isUuid(id)) return null;
  const db = getDb();
  const record = await db.decisionRecord.findUnique({ where: { id: id.toLowerCase() } });
  if (!record) return null;
  const [feature, key, provider] = await Promise.all([
    record.featureKey ? db.feature.findUnique({ where: { key: record.featureKey }, select: { name: true } }) : null,
    record.apiKeyId ? db.apiKey.findUnique({ where: { id: record.apiKeyId }, select: { name: true } }) : null,
    record.providerKey ? db.provider.findUnique({ where: { key: record.providerKey }, select: { kind: true } }) : null,
  ]);
  return {
    ...recordFromRow(record),
    apiKeyName: key?.name ?? null,
    featureName: feature?.name ?? null,
    simulated: provider?.kind === "simulator",
    candidates: readCandidates(record.candidates),
    rejected: readRejections(record.rejected),
  };
}
