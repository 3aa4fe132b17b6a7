import "server-only";
// One decision record for the audit detail page: everything the router knew and did, read from the
// stored JSON defensively (records outlive code changes), findings as types and counts only.
import { getDb } from "@/lib/db";
import { isUuid } from "./decision-filters";
import { readFindings, type DecisionStatus } from "./list-decisions";

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

export interface FallbackView {
  alias: string;
  providerKey: string;
  errorKind: string;
  message: string;
  latencyMs: number | null;
}

export interface DecisionDetail {
  id: string;
  createdAt: Date;
  apiKeyId: string | null;
  apiKeyPrefix: string | null;
  apiKeyName: string | null;
  featureKey: string | null;
  featureName: string | null;
  team: string | null;
  endpoint: string;
  requestedModel: string;
  policyVersion: number | null;
  dataClass: string;
  findings: Array<{ type: string; count: number }>;
  promptSha256: string;
  /** Stored only when the feature allows prompt logging. */
  prompt: string | null;
  difficulty: string | null;
  stream: boolean;
  dryRun: boolean;
  estimatedInputTokens: number;
  requestedOutputTokens: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cachedInputTokens: number | null;
  cacheWriteTokens: number | null;
  reasoningTokens: number | null;
  usageEstimated: boolean;
  cacheSavingsUsd: number | null;
  capabilities: string[];
  toolCalls: number | null;
  tierKey: string | null;
  modelAlias: string | null;
  providerKey: string | null;
  simulated: boolean;
  escalationReason: string | null;
  candidates: CandidateView[];
  rejected: RejectionView[];
  trace: string[];
  fallbacks: FallbackView[];
  status: DecisionStatus;
  httpStatus: number;
  errorCode: string | null;
  refusalConstraint: string | null;
  latencyMs: number;
  ttftMs: number | null;
  costUsd: number | null;
  baselineCostUsd: number | null;
  synthetic: boolean;
}

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

export function readFallbacks(value: unknown): FallbackView[] {
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
    ...record,
    apiKeyName: key?.name ?? null,
    featureName: feature?.name ?? null,
    simulated: provider?.kind === "simulator",
    findings: readFindings(record.findings),
    candidates: readCandidates(record.candidates),
    rejected: readRejections(record.rejected),
    trace: readTrace(record.trace),
    fallbacks: readFallbacks(record.fallbacks),
    costUsd: record.costUsd?.toNumber() ?? null,
    baselineCostUsd: record.baselineCostUsd?.toNumber() ?? null,
    cacheSavingsUsd: record.cacheSavingsUsd?.toNumber() ?? null,
  };
}
