import "server-only";
import { createProviderClient } from "@/lib/providers/create-provider-client";
import type { ProviderClient } from "@/lib/providers/types";
import { CandidatesFailedError, executeGenerate, executeStream, FallbackAbortedError, type FallbackCandidate, type GenerateOutcome, type StreamOutcome } from "@/lib/providers/resilience/fallback";
import { apiError, clientClosedRequest, type ApiError } from "@/lib/http/api-error";
import { decide } from "@/lib/routing";
import type { Analysis, Candidate, Decision, LiveState } from "@/lib/routing/decision-types";
import { DATA_CLASSES, type DataClassKey, type FeaturePolicy } from "@/lib/routing/types";
import { analyseRequest } from "./analyse";
import type { DecisionDraft } from "../records/decision-draft";
import type { GatewayCall } from "./gateway-call";
import { liveStateFrom } from "./live-state";
import { mappingSentence, resolveModelName, unmappedModelError } from "./model-names";
import type { LoadedPolicy } from "../instance/policy-store";
import { resolveFeature } from "./resolve-feature";
import type { GatewayRuntime } from "../instance/runtime";
import { replayInputOf } from "@/lib/replay/replay-input";

/** How long one candidate may take before the gateway moves on (streams: until the first byte). */
export const ATTEMPT_TIMEOUT_MS = 120_000;
const STREAM_IDLE_TIMEOUT_MS = 120_000;

export interface RoutedCandidate extends FallbackCandidate, Candidate {}

export type PipelineResult =
  | { kind: "dry_run"; decision: Decision; policy: LoadedPolicy }
  | { kind: "completion"; decision: Decision; policy: LoadedPolicy; outcome: GenerateOutcome<RoutedCandidate> }
  | { kind: "stream"; decision: Decision; policy: LoadedPolicy; outcome: StreamOutcome<RoutedCandidate> };

function candidatesFor(decision: Decision, policy: LoadedPolicy): RoutedCandidate[] {
  // Field by field, not `{ ...candidate, getClient }` (serve-call.ts's gatewayCall says why).
  return decision.candidates.map((candidate) => ({
    alias: candidate.alias,
    providerKey: candidate.providerKey,
    providerModelId: candidate.providerModelId,
    tierKey: candidate.tierKey,
    estimatedCostUsd: candidate.estimatedCostUsd,
    getClient: () => clientFor(policy, candidate),
  }));
}

/**
 * One provider client per model and published policy, made on first use: a client holds only its
 * configuration (the secret is read per call, so a rotated one still applies at once), and making
 * one per request was allocation on every call. A new policy version is a new LoadedPolicy.
 */
const clientsByPolicy = new WeakMap<LoadedPolicy, Map<string, ProviderClient>>();

function clientFor(policy: LoadedPolicy, candidate: Candidate): ProviderClient {
  let clients = clientsByPolicy.get(policy);
  if (clients === undefined) clientsByPolicy.set(policy, (clients = new Map()));
  const cached = clients.get(candidate.alias);
  if (cached !== undefined) return cached;
  const provider = policy.providers.get(candidate.providerKey);
  const model = policy.models.get(candidate.alias);
  if (!provider || !model) throw new Error(`Policy ${policy.snapshot.version} lacks ${candidate.alias} / ${candidate.providerKey}`);
  const client = createProviderClient(provider, model);
  clients.set(candidate.alias, client);
  return client;
}

/** A prompt is stored only up to the data rules' ceiling, and a restricted one never, whatever the feature allows. */
export function mayStorePrompt(dataClass: DataClassKey, ceiling: DataClassKey): boolean {
  return dataClass !== "restricted" && DATA_CLASSES.indexOf(dataClass) <= DATA_CLASSES.indexOf(ceiling);
}

/** Every candidate failed: 429 when all were rate-limited, 400 when one rejected the request, else 503. */
function allFailed(draft: DecisionDraft, error: CandidatesFailedError): ApiError {
  draft.learn({ attempts: error.attempts, upstreamFailed: true });
  const rateLimitedOnly = error.attempts.length > 0 && error.attempts.every((attempt) => attempt.errorKind === "rate_limited");
  const retryAfter = Math.min(...error.attempts.map((attempt) => attempt.retryAfterSeconds ?? 60));
  const tried = error.attempts.map((attempt) => `${attempt.alias} (${attempt.errorKind === "circuit_open" ? "circuit open" : attempt.message})`).join("; ");
  if (rateLimitedOnly) {
    return apiError("rate_limited", `Every allowed model is rate-limited upstream: ${tried}.`, { headers: { "retry-after": String(retryAfter) } });
  }
  if (error.stoppedEarly && error.lastError?.kind === "bad_request") {
    return apiError("upstream_rejected_request", `The model rejected the request: ${error.lastError.message}`);
  }
  return apiError("all_candidates_failed", `All allowed models failed before answering: ${tried}. No other tier is allowed for this request's data class.`);
}

function refusalError(decision: Decision): ApiError | null {
  if (decision.outcome.kind !== "refused") return null;
  const refusal = decision.outcome.refusal;
  // The code brings its status and types (lib/http/error-codes.ts agrees with lib/routing's refusals, tested).
  return apiError(refusal.code, refusal.message, {
    ...(refusal.code === "model_not_found" ? { param: "model" } : {}),
    ...(refusal.retryAfterSeconds !== null ? { headers: { "retry-after": String(refusal.retryAfterSeconds) } } : {}),
  });
}

/**
 * The request path after authentication and parsing: feature → analyse → decide → (dry run |
 * call with fallback). It records nothing: what it learns goes into the draft, and the caller
 * settles the draft once (settle.ts). Refusals and failures are thrown as ApiErrors.
 */
export async function runPipeline(call: GatewayCall, draft: DecisionDraft, runtime: GatewayRuntime): Promise<PipelineResult> {
  const { decision, policy } = await decideCall(call, draft, runtime);
  if (call.dryRun) return { kind: "dry_run", decision, policy };

  const candidates = candidatesFor(decision, policy);
  const options = { breaker: runtime.breaker, signal: call.signal, attemptTimeoutMs: ATTEMPT_TIMEOUT_MS, idleTimeoutMs: STREAM_IDLE_TIMEOUT_MS };
  try {
    if (!call.stream) {
      const outcome = await executeGenerate(candidates, call.request, options);
      draft.learn({ attempts: outcome.attempts });
      return { kind: "completion", decision, policy, outcome };
    }
    const outcome = await executeStream(candidates, call.request, options);
    draft.learn({ attempts: outcome.attempts });
    return { kind: "stream", decision, policy, outcome };
  } catch (error) {
    throw fallbackError(draft, error);
  }
}

/** A fallback run's failure as the ApiError the caller gets (other errors unchanged). */
export function fallbackError(draft: DecisionDraft, error: unknown): unknown {
  if (error instanceof CandidatesFailedError) return allFailed(draft, error);
  if (error instanceof FallbackAbortedError) {
    draft.learn({ attempts: error.attempts });
    return clientClosedRequest();
  }
  return error;
}

/**
 * Decides, and for a feature with a budget holds the decision's worst-case cost (the costliest
 * candidate at the estimated input and the requested output) until the request settles. When
 * the reservation is refused — spent + reserved across instances has reached the budget — the
 * request is decided again as over budget (refused or downgraded, as the feature says).
 * Dry runs call no model and reserve nothing.
 */
async function reserveBudget(runtime: GatewayRuntime, draft: DecisionDraft, call: GatewayCall, feature: FeaturePolicy | null, decideWith: (live: LiveState) => Decision, live: LiveState): Promise<Decision> {
  const decision = decideWith(live);
  const budget = feature?.monthlyBudgetUsd ?? null;
  if (!feature || budget === null || call.dryRun || decision.budget?.exceeded !== false || decision.candidates.length === 0) return decision;
  const worstCaseUsd = Math.max(0, ...decision.candidates.map((candidate) => candidate.estimatedCostUsd ?? 0));
  const reservation = await runtime.spend.reserve(feature.key, worstCaseUsd, budget, call.createdAt);
  if (reservation) {
    draft.reservation = reservation;
    return decision;
  }
  const spent = Math.max(budget, live.monthToDateSpendUsdByFeature[feature.key] ?? 0);
  return decideWith({ ...live, monthToDateSpendUsdByFeature: { ...live.monthToDateSpendUsdByFeature, [feature.key]: spent } });
}

/**
 * The deciding half of the request path, shared by every endpoint: rate limit → feature → model
 * name → analyse → decide. `shape` lets an endpoint adjust the analysis (embeddings need no
 * output allowance and only embedding models). Refusals are thrown as ApiErrors.
 */
export async function decideCall(
  call: GatewayCall,
  draft: DecisionDraft,
  runtime: GatewayRuntime,
  shape: (analysis: Analysis) => Analysis = (analysis) => analysis,
): Promise<{ decision: Decision; policy: LoadedPolicy }> {
  draft.learn({ call });
  const policy = await runtime.policy.current();
  draft.learn({ policyVersion: policy.snapshot.version });
  const waitSeconds = await runtime.keyLimits.take(call.key.id, call.key.rateLimitPerMinute, call.createdAt.getTime());
  if (waitSeconds !== null) {
    throw apiError("rate_limited", `This API key is limited to ${call.key.rateLimitPerMinute} requests per minute. Retry in ${waitSeconds} s.`, {
      headers: { "retry-after": String(waitSeconds) },
    });
  }
  const featureKey = resolveFeature(call.featureKey, call.key, policy);
  const feature = featureKey ? policy.features.get(featureKey) : undefined;
  draft.learn({ featureKey, team: feature?.team ?? null });

  // Vendor names (claude-*, gpt-*) become what the published mappings say; the record keeps the name sent.
  const named = resolveModelName(call.requestedModel, { aliases: policy.models }, policy.snapshot.modelNameMappings ?? []);
  if (named.kind === "unmapped") throw unmappedModelError(call.requestedModel);
  const analysed = analyseRequest(
    {
      request: call.request,
      requestedModel: named.target,
      featureKey,
      declaredDifficulty: call.difficulty ?? (named.kind === "mapped" ? named.difficulty : null),
      declaredDataClass: call.dataClass,
    },
    policy.detectors,
    policy.snapshot.unscannableDataClass,
  );
  await runtime.spend.ensureRead(call.createdAt);
  const live = liveStateFrom(runtime.breaker.snapshot(), runtime.spend.snapshot(call.createdAt), call.createdAt);
  const decided = await reserveBudget(runtime, draft, call, feature ?? null, (state) => decide(shape(analysed.analysis), policy.prepared, state), live);
  const decision = named.kind === "mapped" ? { ...decided, trace: [mappingSentence(call.requestedModel, named), ...decided.trace] } : decided;
  draft.learn({
    decision,
    promptSha256: analysed.promptSha256,
    prompt: feature?.allowPromptLogging && mayStorePrompt(decision.dataClass.key, policy.snapshot.maxLoggedDataClass) ? analysed.promptText : null,
    estimatedInputTokens: analysed.analysis.estimatedPromptTokens,
    findings: analysed.analysis.findings.map((finding) => ({ type: finding.type, count: finding.count })),
    capabilities: analysed.analysis.requiredCapabilities,
    replayInput: replayInputOf(shape(analysed.analysis), policy.snapshot.routingRules),
  });
  const refused = refusalError(decision);
  if (refused) throw refused;
  return { decision, policy };
}
