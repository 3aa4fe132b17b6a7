import "server-only";
import { baselineCostUsd, requestCostUsd } from "@/lib/ledger/cost";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { createProviderClient } from "@/lib/providers/create-provider-client";
import { CandidatesFailedError, executeGenerate, executeStream, FallbackAbortedError, type AttemptRecord, type FallbackCandidate, type GenerateOutcome, type StreamOutcome } from "@/lib/providers/fallback";
import { RequestAbortedError } from "@/lib/providers/provider-error";
import type { TokenUsage } from "@/lib/providers/types";
import { ApiError } from "@/lib/http/api-error";
import { decide, fallbackTraceLine } from "@/lib/routing";
import type { Candidate, Decision } from "@/lib/routing/decision-types";
import { analyseRequest } from "./analyse";
import { DecisionDraft } from "./decision-draft";
import type { GatewayCall } from "./gateway-call";
import { liveStateFrom } from "./live-state";
import type { LoadedPolicy } from "./policy-store";
import { resolveFeature } from "./resolve-feature";
import { gatewayRuntime, recordDecision, type GatewayRuntime } from "./runtime";

/** How long one candidate may take before the gateway moves on (streams: until the first byte). */
const ATTEMPT_TIMEOUT_MS = 120_000;
const STREAM_IDLE_TIMEOUT_MS = 120_000;

export interface RoutedCandidate extends FallbackCandidate, Candidate {}

export type PipelineResult =
  | { kind: "dry_run"; draft: DecisionDraft; decision: Decision; record: DecisionRecordInput }
  | { kind: "completion"; draft: DecisionDraft; decision: Decision; outcome: GenerateOutcome<RoutedCandidate>; record: DecisionRecordInput }
  | {
      kind: "stream";
      draft: DecisionDraft;
      decision: Decision;
      outcome: StreamOutcome<RoutedCandidate>;
      /** Call exactly once when the stream ends: records the decision with the final usage or the mid-stream error. */
      finish(usage: TokenUsage | null, error: unknown): void;
    };

/** A request the gateway refused or could not serve; the record is already queued. */
export class GatewayFailure extends Error {
  constructor(
    readonly error: ApiError,
    readonly draft: DecisionDraft,
  ) {
    super(error.message);
  }
}

function failWith(runtime: GatewayRuntime, draft: DecisionDraft, error: ApiError, extra: Parameters<DecisionDraft["finish"]>[0]): never {
  void recordDecision(runtime, draft.finish(extra));
  throw new GatewayFailure(error, draft);
}

function candidatesFor(decision: Decision, policy: LoadedPolicy): RoutedCandidate[] {
  return decision.candidates.map((candidate) => ({
    ...candidate,
    getClient: () => {
      const provider = policy.providers.get(candidate.providerKey);
      const model = policy.models.get(candidate.alias);
      if (!provider || !model) throw new Error(`Policy ${policy.snapshot.version} lacks ${candidate.alias} / ${candidate.providerKey}`);
      return createProviderClient(provider, model);
    },
  }));
}

const FALLBACK_KIND: Record<string, string> = {
  rate_limited: "rate_limit",
  timeout: "timeout",
  unavailable: "server_error",
  auth: "auth_error",
  circuit_open: "circuit_open",
};

function fallbackLines(attempts: readonly AttemptRecord[], candidates: readonly RoutedCandidate[], servedAlias: string | null): string[] {
  return attempts.map((attempt, index) => {
    const from = candidates.find((candidate) => candidate.alias === attempt.alias) ?? { alias: attempt.alias, providerKey: attempt.providerKey, tierKey: "?" };
    const nextAlias = attempts[index + 1]?.alias ?? servedAlias;
    const to = nextAlias ? (candidates.find((candidate) => candidate.alias === nextAlias) ?? null) : null;
    return fallbackTraceLine(from, to, FALLBACK_KIND[attempt.errorKind] ?? "bad_response");
  });
}

function costsOf(policy: LoadedPolicy, alias: string, usage: TokenUsage) {
  const model = policy.models.get(alias);
  return {
    costUsd: model ? requestCostUsd(model, usage.inputTokens, usage.outputTokens) : null,
    baselineCostUsd: baselineCostUsd(policy.snapshot, usage.inputTokens, usage.outputTokens),
  };
}

function allFailed(runtime: GatewayRuntime, draft: DecisionDraft, error: CandidatesFailedError, candidates: RoutedCandidate[]): never {
  const rateLimitedOnly = error.attempts.length > 0 && error.attempts.every((attempt) => attempt.errorKind === "rate_limited");
  const retryAfter = Math.min(...error.attempts.map((attempt) => attempt.retryAfterSeconds ?? 60));
  const tried = error.attempts.map((attempt) => `${attempt.alias} (${attempt.errorKind === "circuit_open" ? "circuit open" : attempt.message})`).join("; ");
  const apiError = rateLimitedOnly
    ? new ApiError(429, "rate_limited", `Every allowed model is rate-limited upstream: ${tried}.`, { headers: { "retry-after": String(retryAfter) } })
    : error.stoppedEarly && error.lastError?.kind === "bad_request"
      ? new ApiError(400, "upstream_rejected_request", `The model rejected the request: ${error.lastError.message}`)
      : new ApiError(503, "all_candidates_failed", `All allowed models failed before answering: ${tried}. No other tier is allowed for this request's data class.`);
  draft.learn({ attempts: error.attempts });
  failWith(runtime, draft, apiError, {
    status: "error",
    httpStatus: apiError.status,
    errorCode: apiError.code,
    extraTrace: fallbackLines(error.attempts, candidates, null),
  });
}

/**
 * The request path after authentication: feature → analyse → decide → (dry run | call with
 * fallback) → one decision record. Throws GatewayFailure (already recorded) for every refusal
 * or failure, so the endpoint only formats.
 */
export async function runPipeline(call: GatewayCall): Promise<PipelineResult> {
  const runtime = gatewayRuntime();
  const draft = new DecisionDraft(call);
  try {
    return await decideAndCall(call, runtime, draft);
  } catch (error) {
    if (error instanceof GatewayFailure || error instanceof RequestAbortedError) throw error;
    // Unexpected: still one record (the queue keeps it until the database takes it), and a
    // 500 that names a reference instead of internals.
    const reference = crypto.randomUUID();
    console.error(`[switchyard] gateway error ${reference}`, error);
    failWith(runtime, draft, new ApiError(500, "internal_error", `Switchyard hit an unexpected error. Reference: ${reference}.`), {
      status: "error",
      httpStatus: 500,
      errorCode: "internal_error",
    });
  }
}

async function decideAndCall(call: GatewayCall, runtime: GatewayRuntime, draft: DecisionDraft): Promise<PipelineResult> {
  let policy: LoadedPolicy;
  try {
    policy = await runtime.policy.current();
    const waitSeconds = await runtime.keyLimits.take(call.key.id, call.key.rateLimitPerMinute, call.createdAt.getTime());
    if (waitSeconds !== null) {
      throw new ApiError(429, "rate_limited", `This API key is limited to ${call.key.rateLimitPerMinute} requests per minute. Retry in ${waitSeconds} s.`, {
        headers: { "retry-after": String(waitSeconds) },
      });
    }
    const featureKey = resolveFeature(call.featureKey, call.key, policy);
    draft.learn({ featureKey, team: featureKey ? (policy.features.get(featureKey)?.team ?? null) : null, policyVersion: policy.snapshot.version });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    failWith(runtime, draft, error, { status: "refused", httpStatus: error.status, errorCode: error.code });
  }

  const featureKey = draft.facts.featureKey ?? null;
  const feature = featureKey ? policy.features.get(featureKey) : undefined;
  const analysed = analyseRequest(
    { messages: call.messages, maxOutputTokens: call.maxOutputTokens, requestedModel: call.requestedModel, featureKey, declaredDifficulty: call.difficulty, declaredDataClass: call.dataClass },
    policy.detectors,
  );
  await runtime.spend.ensureRead(call.createdAt);
  const live = liveStateFrom(runtime.breaker.snapshot(), runtime.spend.snapshot(call.createdAt), call.createdAt);
  const decision = decide(analysed.analysis, policy.snapshot, live);
  draft.learn({
    decision,
    promptSha256: analysed.promptSha256,
    prompt: feature?.allowPromptLogging ? analysed.promptText : null,
    estimatedInputTokens: analysed.analysis.estimatedPromptTokens,
    findings: analysed.analysis.findings.map((finding) => ({ type: finding.type, count: finding.count })),
  });

  if (decision.outcome.kind === "refused") {
    const refusal = decision.outcome.refusal;
    const error = new ApiError(refusal.status, refusal.code, refusal.message, {
      type: refusal.type,
      ...(refusal.code === "model_not_found" ? { param: "model" } : {}),
      ...(refusal.retryAfterSeconds !== null ? { headers: { "retry-after": String(refusal.retryAfterSeconds) } } : {}),
    });
    failWith(runtime, draft, error, { status: "refused", httpStatus: refusal.status, errorCode: refusal.code, refusalConstraint: refusal.constraint });
  }

  if (call.dryRun) {
    const wouldServe = decision.candidates[0] ?? null;
    const record = draft.finish({
      status: "success",
      httpStatus: 200,
      served: wouldServe,
      extraTrace: [`Dry run: no model was called${wouldServe ? `; ${wouldServe.alias} would have been tried first` : ""}.`],
    });
    void recordDecision(runtime, record);
    return { kind: "dry_run", draft, decision, record };
  }

  const candidates = candidatesFor(decision, policy);
  const options = { breaker: runtime.breaker, signal: call.signal, attemptTimeoutMs: ATTEMPT_TIMEOUT_MS, idleTimeoutMs: STREAM_IDLE_TIMEOUT_MS };

  if (!call.stream) {
    let outcome: GenerateOutcome<RoutedCandidate>;
    try {
      outcome = await executeGenerate(candidates, call.upstream, options);
    } catch (error) {
      if (error instanceof CandidatesFailedError) allFailed(runtime, draft, error, candidates);
      if (error instanceof FallbackAbortedError) {
        draft.learn({ attempts: error.attempts });
        failWith(runtime, draft, new ApiError(499, "client_closed_request", "The client closed the request."), { status: "error", httpStatus: 499, errorCode: "client_closed_request" });
      }
      throw error;
    }
    draft.learn({ attempts: outcome.attempts });
    const usage = outcome.result.usage;
    const record = draft.finish({
      status: outcome.attempts.length > 0 ? "fallback_success" : "success",
      httpStatus: 200,
      served: outcome.served,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      ttftMs: outcome.ttftMs,
      ...costsOf(policy, outcome.served.alias, usage),
      extraTrace: [...fallbackLines(outcome.attempts, candidates, outcome.served.alias), `Served by ${outcome.served.alias} (${outcome.served.providerKey}, ${outcome.served.tierKey} tier).`],
    });
    void recordDecision(runtime, record);
    return { kind: "completion", draft, decision, outcome, record };
  }

  let outcome: StreamOutcome<RoutedCandidate>;
  try {
    outcome = await executeStream(candidates, call.upstream, options);
  } catch (error) {
    if (error instanceof CandidatesFailedError) allFailed(runtime, draft, error, candidates);
    if (error instanceof FallbackAbortedError) {
      draft.learn({ attempts: error.attempts });
      failWith(runtime, draft, new ApiError(499, "client_closed_request", "The client closed the request."), { status: "error", httpStatus: 499, errorCode: "client_closed_request" });
    }
    throw error;
  }
  draft.learn({ attempts: outcome.attempts });
  let finished = false;
  return {
    kind: "stream",
    draft,
    decision,
    outcome,
    finish(usage, error) {
      if (finished) return;
      finished = true;
      const served = outcome.served;
      const lines = [...fallbackLines(outcome.attempts, candidates, served.alias), `Served by ${served.alias} (${served.providerKey}, ${served.tierKey} tier), streaming.`];
      if (error) lines.push(`The stream failed after the first byte (${error instanceof Error ? error.message : String(error)}); it was not switched to another model.`);
      void recordDecision(
        runtime,
        draft.finish({
          status: error ? "error" : outcome.attempts.length > 0 ? "fallback_success" : "success",
          httpStatus: 200,
          errorCode: error ? "stream_interrupted" : null,
          served,
          inputTokens: usage?.inputTokens ?? null,
          outputTokens: usage?.outputTokens ?? null,
          ttftMs: outcome.ttftMs,
          ...(usage ? costsOf(policy, served.alias, usage) : { costUsd: null, baselineCostUsd: null }),
          extraTrace: lines,
        }),
      );
    },
  };
}
