// Builds the one decision record a request leaves, from whatever the pipeline got to know
// before it answered (a 400 knows less than a served completion, but it is recorded too).
import type { AttemptRecord } from "@/lib/providers/fallback";
import type { DecisionRecordInput, DecisionStatus, FallbackAttempt } from "@/lib/ledger/record";
import type { Decision } from "@/lib/routing/decision-types";
import type { GatewayCall } from "./gateway-call";
import { uuidv7 } from "@/lib/ledger/uuidv7";

export interface DraftFacts {
  featureKey?: string | null;
  team?: string | null;
  policyVersion?: number | null;
  promptSha256?: string;
  prompt?: string | null;
  estimatedInputTokens?: number;
  /** Types and counts only — positions and values never reach the record. */
  findings?: Array<{ type: string; count: number }>;
  decision?: Decision;
  attempts?: AttemptRecord[];
  trace?: string[];
}

export class DecisionDraft {
  readonly id: string;
  facts: DraftFacts = {};

  constructor(readonly call: GatewayCall) {
    this.id = uuidv7(call.createdAt.getTime());
  }

  learn(facts: DraftFacts) {
    this.facts = { ...this.facts, ...facts };
  }

  finish(outcome: {
    status: DecisionStatus;
    httpStatus: number;
    errorCode?: string | null;
    refusalConstraint?: string | null;
    served?: { alias: string; providerKey: string; tierKey: string } | null;
    inputTokens?: number | null;
    outputTokens?: number | null;
    ttftMs?: number | null;
    costUsd?: number | null;
    baselineCostUsd?: number | null;
    extraTrace?: string[];
  }): DecisionRecordInput {
    const { call, facts } = this;
    const decision = facts.decision;
    const fallbacks: FallbackAttempt[] = (facts.attempts ?? []).map((attempt) => ({
      alias: attempt.alias,
      providerKey: attempt.providerKey,
      errorKind: attempt.errorKind,
      message: attempt.message,
      latencyMs: Math.round(attempt.latencyMs),
    }));
    return {
      id: this.id,
      createdAt: call.createdAt,
      apiKeyId: call.key.id,
      apiKeyPrefix: call.key.prefix,
      featureKey: facts.featureKey ?? decision?.featureKey ?? null,
      team: facts.team ?? null,
      endpoint: call.endpoint,
      requestedModel: call.requestedModel,
      policyVersion: facts.policyVersion ?? decision?.policyVersion ?? null,
      // Before analysis the class is unknown; "unclassified" says so rather than guessing.
      dataClass: decision?.dataClass.key ?? "unclassified",
      findings: facts.findings ?? [],
      promptSha256: facts.promptSha256 ?? "",
      prompt: facts.prompt ?? null,
      difficulty: decision?.difficulty.level ?? call.difficulty,
      stream: call.stream,
      dryRun: call.dryRun,
      estimatedInputTokens: facts.estimatedInputTokens ?? 0,
      requestedOutputTokens: call.maxOutputTokens,
      inputTokens: outcome.inputTokens ?? null,
      outputTokens: outcome.outputTokens ?? null,
      tierKey: outcome.served?.tierKey ?? null,
      modelAlias: outcome.served?.alias ?? null,
      providerKey: outcome.served?.providerKey ?? null,
      escalationReason: outcome.served ? (fallbacks.length > 0 && decision?.escalation === "none" ? "health" : (decision?.escalation ?? null)) : null,
      candidates: decision?.candidates ?? [],
      rejected: decision?.rejected ?? [],
      trace: [...(facts.trace ?? decision?.trace ?? []), ...(outcome.extraTrace ?? [])],
      fallbacks,
      status: outcome.status,
      httpStatus: outcome.httpStatus,
      errorCode: outcome.errorCode ?? null,
      refusalConstraint: outcome.refusalConstraint ?? null,
      latencyMs: Math.round(performance.now() - call.startedAt),
      ttftMs: outcome.ttftMs === null || outcome.ttftMs === undefined ? null : Math.round(outcome.ttftMs),
      costUsd: outcome.costUsd ?? null,
      baselineCostUsd: outcome.baselineCostUsd ?? null,
    };
  }
}
