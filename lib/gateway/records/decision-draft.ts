// What the pipeline got to know about one request before it answered, accumulated as it goes
// (a 400 knows less than a served completion, but it is recorded too). settle.ts turns a draft
// into the one decision record the request leaves.
import type { Reservation } from "../budget/spend-counter";
import type { Usage } from "@/lib/canonical/types";
import type { AttemptRecord } from "@/lib/providers/resilience/fallback";
import type { DecisionRecordInput, FallbackAttempt } from "@/lib/ledger/record";
import type { Decision } from "@/lib/routing/decision-types";
import { uuidv7 } from "@/lib/ledger/uuidv7";
import type { AppKey } from "../auth/authenticate";
import type { Endpoint, GatewayCall } from "../pipeline/gateway-call";

/** What is known about a request as soon as it is authenticated. */
export interface DraftOrigin {
  endpoint: Endpoint;
  key: AppKey;
  createdAt: Date;
  /** performance.now() when the request arrived. */
  startedAt: number;
}

export interface DraftFacts {
  /** The model asked for, read from the body even when the body is otherwise invalid. */
  requestedModel?: string;
  call?: GatewayCall;
  featureKey?: string | null;
  team?: string | null;
  policyVersion?: number | null;
  promptSha256?: string;
  prompt?: string | null;
  estimatedInputTokens?: number;
  /** Types and counts only — positions and values never reach the record. */
  findings?: Array<{ type: string; count: number }>;
  capabilities?: string[];
  /** What What-if needs to decide the request again (lib/replay/replay-input.ts). */
  replayInput?: unknown;
  decision?: Decision;
  attempts?: AttemptRecord[];
  /** Every candidate that was tried failed (the record is an error, whatever the status). */
  upstreamFailed?: boolean;
}

/** How the request ended: the record's outcome columns (lib/ledger/record.ts), and what settle() knew. */
export type DraftOutcome = Pick<DecisionRecordInput, "status" | "httpStatus"> &
  Partial<Pick<DecisionRecordInput, "errorCode" | "refusalConstraint" | "toolCalls" | "answerFindings" | "ttftMs" | "costUsd" | "baselineCostUsd" | "cacheSavingsUsd">> & {
    served?: { alias: string; providerKey: string; tierKey: string } | null;
    usage?: Usage | null;
    extraTrace?: string[];
  };

export class DecisionDraft {
  readonly id: string;
  facts: DraftFacts = {};
  /** Set once the record is built; settle() refuses to build a second one. */
  record: DecisionRecordInput | null = null;
  /** The worst-case cost held against the feature's budget while the call runs; settle() releases it. */
  reservation: Reservation | null = null;

  constructor(readonly origin: DraftOrigin) {
    this.id = uuidv7(origin.createdAt.getTime());
  }

  learn(facts: DraftFacts) {
    // In place, not `{ ...this.facts, ...facts }`: several times a request, and on Node 20 each
    // spread object got a hidden class of its own (bench/README.md, "Hidden classes per request").
    Object.assign(this.facts, facts);
  }

  finish(outcome: DraftOutcome): DecisionRecordInput {
    const { origin, facts } = this;
    const call = facts.call;
    const decision = facts.decision;
    const fallbacks: FallbackAttempt[] = (facts.attempts ?? []).map((attempt) => ({
      alias: attempt.alias,
      providerKey: attempt.providerKey,
      errorKind: attempt.errorKind,
      message: attempt.message,
      latencyMs: Math.round(attempt.latencyMs),
    }));
    const usage = outcome.usage ?? null;
    return {
      id: this.id,
      createdAt: origin.createdAt,
      apiKeyId: origin.key.id,
      apiKeyPrefix: origin.key.prefix,
      featureKey: facts.featureKey ?? decision?.featureKey ?? null,
      team: facts.team ?? null,
      endpoint: origin.endpoint,
      requestedModel: call?.requestedModel ?? facts.requestedModel ?? "",
      policyVersion: facts.policyVersion ?? decision?.policyVersion ?? null,
      // Before analysis the class is unknown; "unclassified" says so rather than guessing.
      dataClass: decision?.dataClass.key ?? "unclassified",
      findings: facts.findings ?? [],
      promptSha256: facts.promptSha256 ?? "",
      prompt: facts.prompt ?? null,
      difficulty: decision?.difficulty.level ?? call?.difficulty ?? null,
      difficultyScore: decision?.difficultyEstimate?.score ?? null,
      stream: call?.stream ?? false,
      dryRun: call?.dryRun ?? false,
      estimatedInputTokens: facts.estimatedInputTokens ?? 0,
      requestedOutputTokens: call?.request.parameters.maxOutputTokens ?? null,
      inputTokens: usage?.inputTokens ?? null,
      outputTokens: usage?.outputTokens ?? null,
      cachedInputTokens: usage?.cachedInputTokens ?? null,
      cacheWriteTokens: usage?.cacheWriteTokens ?? null,
      reasoningTokens: usage?.reasoningTokens ?? null,
      usageEstimated: usage?.estimated ?? false,
      capabilities: facts.capabilities ?? [],
      replayInput: facts.replayInput ?? null,
      toolCalls: outcome.toolCalls ?? null,
      answerFindings: outcome.answerFindings ?? [],
      tierKey: outcome.served?.tierKey ?? null,
      modelAlias: outcome.served?.alias ?? null,
      providerKey: outcome.served?.providerKey ?? null,
      escalationReason: outcome.served ? (fallbacks.length > 0 && decision?.escalation === "none" ? "health" : (decision?.escalation ?? null)) : null,
      candidates: decision?.candidates ?? [],
      rejected: decision?.rejected ?? [],
      trace: [...(decision?.trace ?? []), ...(outcome.extraTrace ?? [])],
      fallbacks,
      status: outcome.status,
      httpStatus: outcome.httpStatus,
      errorCode: outcome.errorCode ?? null,
      refusalConstraint: outcome.refusalConstraint ?? null,
      latencyMs: Math.round(performance.now() - origin.startedAt),
      ttftMs: outcome.ttftMs === null || outcome.ttftMs === undefined ? null : Math.round(outcome.ttftMs),
      costUsd: outcome.costUsd ?? null,
      baselineCostUsd: outcome.baselineCostUsd ?? null,
      cacheSavingsUsd: outcome.cacheSavingsUsd ?? null,
    };
  }
}
