// The decision as callers see it (POST /api/route, GET /api/v1/decisions/{id}): what was
// chosen and why, with findings as types and counts only.
import type { ReadableDecisionRecord } from "@/lib/ledger/record-row";

export type DecisionView = ReturnType<typeof decisionView>;

export function decisionView(record: ReadableDecisionRecord) {
  return {
    id: record.id,
    createdAt: record.createdAt.toISOString(),
    status: record.status,
    dryRun: record.dryRun,
    policyVersion: record.policyVersion,
    feature: record.featureKey,
    requestedModel: record.requestedModel,
    dataClass: record.dataClass,
    findings: record.findings,
    answerFindings: record.answerFindings ?? [],
    capabilities: record.capabilities ?? [],
    difficulty: record.difficulty,
    estimatedTokens: { prompt: record.estimatedInputTokens, output: record.requestedOutputTokens },
    tier: record.tierKey,
    model: record.modelAlias,
    provider: record.providerKey,
    escalation: record.escalationReason,
    candidates: record.candidates,
    rejected: record.rejected,
    fallbacks: record.fallbacks,
    trace: record.trace,
    usage:
      record.inputTokens === null
        ? null
        : {
            inputTokens: record.inputTokens,
            outputTokens: record.outputTokens,
            cachedInputTokens: record.cachedInputTokens ?? 0,
            cacheWriteTokens: record.cacheWriteTokens ?? 0,
            reasoningTokens: record.reasoningTokens ?? 0,
            estimated: record.usageEstimated ?? false,
          },
    cacheSavingsUsd: record.cacheSavingsUsd ?? null,
    costUsd: record.costUsd,
    baselineCostUsd: record.baselineCostUsd,
    latencyMs: record.latencyMs,
    ttftMs: record.ttftMs,
    error: record.errorCode ? { code: record.errorCode, httpStatus: record.httpStatus, constraint: record.refusalConstraint } : null,
    promptSha256: record.promptSha256,
  };
}
