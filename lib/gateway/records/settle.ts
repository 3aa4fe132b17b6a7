// The one place a request's outcome becomes its decision record: a refusal, a failure, a dry
// run, a served answer, or a stream that ended (cleanly or not). Every endpoint calls settle()
// exactly once per authenticated request; a second call returns the first record unchanged.
import "server-only";
import { toolCallsOf } from "@/lib/canonical/text";
import type { AssistantPart, Usage } from "@/lib/canonical/types";
import type { ApiError } from "@/lib/http/api-error";
import { baselineCostUsd, cacheSavingsUsd, tokensCostUsd } from "@/lib/pricing/cost";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import type { AttemptRecord } from "@/lib/providers/resilience/fallback";
import { normaliseUsage } from "@/lib/providers/token-count";
import { fallbackKindOf, fallbackTraceLine } from "@/lib/routing/explain/trace";
import type { Candidate } from "@/lib/routing/decision-types";
import { listWords } from "@/lib/routing/explain/wording";
import { describeFindings } from "@/lib/routing/explain/finding-names";
import { answerFindings } from "../pipeline/answer-guard";
import { preRoutingFacts } from "./pre-routing-refusal";
import type { DecisionDraft } from "./decision-draft";
import type { LoadedPolicy } from "../instance/policy-store";
import { recordDecision, type GatewayRuntime } from "../instance/runtime";

export type Settlement =
  | { kind: "failed"; error: ApiError }
  | { kind: "dry_run"; wouldServe: Candidate | null }
  | {
      kind: "served";
      policy: LoadedPolicy;
      served: Candidate;
      /** Candidates in decision order, for the fallback lines. */
      candidates: readonly Candidate[];
      attempts: readonly AttemptRecord[];
      /** The answer as the model produced it, before masking. */
      answer: readonly AssistantPart[];
      /** Null when a stream ended without usage (then it is counted and marked estimated). */
      usage: Usage | null;
      ttftMs: number;
      streamed: boolean;
      /** Set when a committed stream broke off. */
      streamError?: unknown;
    };

function fallbackLines(attempts: readonly AttemptRecord[], candidates: readonly Candidate[], servedAlias: string | null): string[] {
  return attempts.map((attempt, index) => {
    const from = candidates.find((candidate) => candidate.alias === attempt.alias) ?? { alias: attempt.alias, providerKey: attempt.providerKey, tierKey: "?" };
    const nextAlias = attempts[index + 1]?.alias ?? servedAlias;
    const to = nextAlias ? (candidates.find((candidate) => candidate.alias === nextAlias) ?? null) : null;
    return fallbackTraceLine(from, to, fallbackKindOf(attempt.errorKind));
  });
}

function toolLine(answer: readonly AssistantPart[]): string[] {
  const calls = toolCallsOf(answer as AssistantPart[]);
  if (calls.length === 0) return [];
  const names = [...new Set(calls.map((call) => call.name))];
  return [`The answer calls ${calls.length === 1 ? "tool" : `${calls.length} tools:`} ${listWords(names)}; the caller runs ${calls.length === 1 ? "it" : "them"}.`];
}

function unsentFieldsLine(settlement: Extract<Settlement, { kind: "served" }>, extras: readonly string[]): string[] {
  const provider = settlement.policy.providers.get(settlement.served.providerKey);
  if (extras.length === 0 || provider === undefined || provider.kind === "openai" || provider.kind === "openai-compatible") return [];
  return [`${listWords(extras.map((field) => `'${field}'`))} ${extras.length === 1 ? "was" : "were"} not sent to ${provider.key}: its API has no such ${extras.length === 1 ? "field" : "fields"}.`];
}

function servedRecord(draft: DecisionDraft, settlement: Extract<Settlement, { kind: "served" }>): DecisionRecordInput {
  const { policy, served, usage: reported, streamError } = settlement;
  const call = draft.facts.call;
  // Never $0 for an answer that was delivered: without the provider's count, count it ourselves.
  const usage = reported ?? (call ? normaliseUsage(null, call.request, settlement.answer) : null);
  const model = policy.models.get(served.alias);
  const lines = [
    ...fallbackLines(settlement.attempts, settlement.candidates, served.alias),
    `Served by ${served.alias} (${served.providerKey}, ${served.tierKey} tier)${settlement.streamed ? ", streaming" : ""}.`,
    ...toolLine(settlement.answer),
    ...unsentFieldsLine(settlement, Object.keys(call?.request.openaiExtras ?? {})),
  ];
  if (streamError) lines.push(`The stream failed after the first byte (${streamError instanceof Error ? streamError.message : String(streamError)}); it was not switched to another model.`);
  const found = answerFindings(settlement.answer, policy.answerRules);
  if (found.length > 0) {
    const masked = found.filter((finding) => finding.masked);
    lines.push(
      `The answer contained ${describeFindings(found.map((finding) => ({ ...finding, positions: [], dataClass: "public" as const })))}${masked.length > 0 ? `; ${listWords(masked.map((finding) => finding.type))} masked before the caller saw ${masked.length === 1 && masked[0]!.count === 1 ? "it" : "them"}` : ""}.`,
    );
  }
  if (usage?.estimated) lines.push("The provider reported no token usage, so tokens and cost are estimated from counted tokens.");
  if (usage && usage.cachedInputTokens + usage.cacheWriteTokens > 0) {
    lines.push(`Prompt cache: ${usage.cachedInputTokens} input tokens read from it, ${usage.cacheWriteTokens} written to it.`);
  }
  return draft.finish({
    status: streamError ? "error" : settlement.attempts.length > 0 ? "fallback_success" : "success",
    httpStatus: 200,
    errorCode: streamError ? "stream_interrupted" : null,
    served,
    usage,
    toolCalls: toolCallsOf(settlement.answer as AssistantPart[]).length,
    answerFindings: found,
    ttftMs: settlement.ttftMs,
    costUsd: model && usage ? tokensCostUsd(model, usage) : null,
    baselineCostUsd: usage ? baselineCostUsd(policy.snapshot, usage) : null,
    cacheSavingsUsd: model && usage ? cacheSavingsUsd(model, usage) : null,
    extraTrace: lines,
  });
}

function failedRecord(draft: DecisionDraft, error: ApiError): DecisionRecordInput {
  const refusal = draft.facts.decision?.outcome.kind === "refused" ? draft.facts.decision.outcome.refusal : null;
  // An error is Switchyard's or an upstream's doing; a refusal is the request's or the policy's.
  const failed = draft.facts.upstreamFailed === true || error.status >= 500 || error.code === "client_closed_request";
  const ownRefusal = refusal?.code === error.code;
  const early = preRoutingFacts(error, draft.facts.decision !== undefined);
  // Refused before the feature was resolved (scope, unknown feature, rate limit): keep the one the request named.
  if (draft.facts.featureKey == null && draft.facts.call?.featureKey) draft.learn({ featureKey: draft.facts.call.featureKey });
  return draft.finish({
    status: failed ? "error" : "refused",
    httpStatus: error.status,
    errorCode: error.code,
    refusalConstraint: ownRefusal && refusal ? refusal.constraint : failed ? null : early.refusalConstraint,
    extraTrace: [...fallbackLines(draft.facts.attempts ?? [], draft.facts.decision?.candidates ?? [], null), ...(ownRefusal ? [] : early.traceLines)],
  });
}

export function settle(runtime: GatewayRuntime, draft: DecisionDraft, settlement: Settlement): DecisionRecordInput {
  if (draft.record) return draft.record;
  const record =
    settlement.kind === "failed"
      ? failedRecord(draft, settlement.error)
      : settlement.kind === "dry_run"
        ? draft.finish({
            status: "success",
            httpStatus: 200,
            served: settlement.wouldServe,
            extraTrace: [`Dry run: no model was called${settlement.wouldServe ? `; ${settlement.wouldServe.alias} would have been tried first` : ""}.`],
          })
        : servedRecord(draft, settlement);
  draft.record = record;
  const reservation = draft.reservation;
  draft.reservation = null;
  void recordDecision(runtime, record, reservation);
  return record;
}
