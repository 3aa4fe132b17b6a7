import "server-only";
import { collect } from "@/lib/canonical/collect";
import type { AssistantPart, CanonicalResult, StreamPart } from "@/lib/canonical/types";
import { maskAnswer, maskStream } from "./answer-guard";
import { ApiError, clientClosedRequest } from "@/lib/http/api-error";
import { unexpectedError } from "@/lib/http/unexpected-error";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { RequestAbortedError } from "@/lib/providers/provider-error";
import type { Candidate } from "@/lib/routing/decision-types";
import { authenticateAppKey, type AppKey } from "../auth/authenticate";
import { DecisionDraft } from "../records/decision-draft";
import type { GatewayCall } from "./gateway-call";
import { readJsonBody } from "../request/read-body";
import { runPipeline, type PipelineResult } from "./run-pipeline";
import { overloaded } from "../admission/admission";
import { assertCanRecord, gatewayRuntime, type GatewayRuntime } from "../instance/runtime";
import { settle } from "../records/settle";
import { sliceWellFormed } from "../request/well-formed";
import type { CallFields, StreamOptions } from "../endpoints/endpoint-adapter";
import type { EndpointAdapter } from "../endpoints/endpoint-adapter";

async function* tap(stream: AsyncIterable<StreamPart>, see: (part: StreamPart) => void): AsyncGenerator<StreamPart> {
  for await (const part of stream) {
    see(part);
    yield part;
  }
}

/** Anything thrown on the request path, as the ApiError the caller gets. */
export function gatewayError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof RequestAbortedError) return clientClosedRequest();
  // Unexpected: still one record, and a 500 that names a reference instead of internals.
  return unexpectedError("gateway error", error);
}

export function routingHeaders(decisionId: string, served: { tierKey: string; alias: string } | null): Record<string, string> {
  return {
    "x-switchyard-decision": decisionId,
    ...(served ? { "x-switchyard-tier": served.tierKey, "x-switchyard-model": served.alias } : {}),
  };
}

const modelOf = (raw: unknown): string => {
  const model = (raw as { model?: unknown } | null)?.model;
  // Cut without halving an emoji: half a surrogate pair fails the record's batch in PostgreSQL.
  return typeof model === "string" ? sliceWellFormed(model, 200) : "";
};

/** A non-streaming call's end: the answer, or the error; either way the record is settled. */
export type CallOutcome =
  | { kind: "answer"; record: DecisionRecordInput; result: CanonicalResult; served: Candidate }
  | { kind: "dry_run"; record: DecisionRecordInput; wouldServe: Candidate | null }
  | { kind: "failed"; record: DecisionRecordInput; error: ApiError };

function settleResult(runtime: GatewayRuntime, draft: DecisionDraft, result: Exclude<PipelineResult, { kind: "stream" }>): CallOutcome {
  if (result.kind === "dry_run") {
    const wouldServe = result.decision.candidates[0] ?? null;
    return { kind: "dry_run", record: settle(runtime, draft, { kind: "dry_run", wouldServe }), wouldServe };
  }
  const { outcome } = result;
  const record = settle(runtime, draft, {
    kind: "served",
    policy: result.policy,
    served: outcome.served,
    candidates: result.decision.candidates,
    attempts: outcome.attempts,
    answer: outcome.result.content,
    usage: outcome.result.usage,
    ttftMs: outcome.ttftMs,
    streamed: false,
  });
  // The caller gets the answer with masked finding types replaced; the record counts what was in it.
  const answer = { ...outcome.result, content: maskAnswer(outcome.result.content, result.policy.answerRules) };
  return { kind: "answer", record, result: answer, served: outcome.served };
}

/** Runs a non-streaming call to its settled end (the playground's way in). */
export async function executeCall(call: GatewayCall, runtime: GatewayRuntime = gatewayRuntime()): Promise<CallOutcome & { draft: DecisionDraft }> {
  const draft = new DecisionDraft({ endpoint: call.endpoint, key: call.key, createdAt: call.createdAt, startedAt: call.startedAt });
  try {
    const result = await runPipeline({ ...call, stream: false }, draft, runtime);
    if (result.kind === "stream") throw new Error("A non-streaming call produced a stream.");
    return { ...settleResult(runtime, draft, result), draft };
  } catch (error) {
    const apiError = gatewayError(error);
    return { kind: "failed", record: settle(runtime, draft, { kind: "failed", error: apiError }), error: apiError, draft };
  }
}

function streamResponse(runtime: GatewayRuntime, draft: DecisionDraft, call: GatewayCall, result: Extract<PipelineResult, { kind: "stream" }>, adapter: EndpointAdapter): Response {
  const { outcome } = result;
  // The record counts what the model said; the caller gets it with masked finding types replaced.
  const produced: AssistantPart[] = [];
  let slotReleased = false;
  const options: StreamOptions = {
    decisionId: draft.id,
    model: outcome.served.alias,
    created: Math.floor(call.createdAt.getTime() / 1000),
    includeUsage: call.includeUsage,
    stream: maskStream(tap(outcome.stream, (part) => collect(produced, part)), result.policy.answerRules),
    onEnd: (usage, _sent, error) => {
      if (!slotReleased) runtime.admission.leave();
      slotReleased = true;
      const answer = produced;
      settle(runtime, draft, {
        kind: "served",
        policy: result.policy,
        served: outcome.served,
        candidates: result.decision.candidates,
        attempts: outcome.attempts,
        answer,
        usage,
        ttftMs: outcome.ttftMs,
        streamed: true,
        ...(error ? { streamError: error } : {}),
      });
    },
  };
  return new Response(adapter.stream(options), {
    headers: {
      ...routingHeaders(draft.id, outcome.served),
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}

/**
 * The call, field by field rather than `{ ...fields, endpoint, … }`: on Node 20 a spread with
 * added fields at a site that sees more than one shape (four adapters) gives every object a
 * hidden class of its own, and every read of the call downstream misses its inline cache
 * (bench/README.md, "Hidden classes per request").
 */
function gatewayCall(fields: CallFields, endpoint: GatewayCall["endpoint"], key: AppKey, signal: AbortSignal, createdAt: Date, startedAt: number): GatewayCall {
  return {
    endpoint,
    key,
    requestedModel: fields.requestedModel,
    request: fields.request,
    stream: fields.stream,
    includeUsage: fields.includeUsage,
    featureKey: fields.featureKey,
    difficulty: fields.difficulty,
    dataClass: fields.dataClass,
    dryRun: fields.dryRun,
    signal,
    createdAt,
    startedAt,
  };
}

/**
 * One HTTP request through the gateway, for any endpoint: authenticate → read and parse the
 * body (the adapter's wire format → the canonical request) → the pipeline → the adapter's wire
 * format. Every authenticated request is settled into exactly one decision record, here.
 */
export async function serveGatewayRequest(request: Request, adapter: EndpointAdapter): Promise<Response> {
  const startedAt = performance.now();
  const createdAt = new Date();
  let key: AppKey;
  try {
    key = await authenticateAppKey(request);
  } catch (error) {
    if (error instanceof ApiError) return adapter.error(error, null);
    throw error;
  }
  const runtime = gatewayRuntime();
  try {
    // Not recorded: at the journal's bound, recording refusals would grow it without limit.
    assertCanRecord(runtime);
  } catch (error) {
    if (error instanceof ApiError) return adapter.error(error, null);
    throw error;
  }
  const draft = new DecisionDraft({ endpoint: adapter.endpoint, key, createdAt, startedAt });
  if (!runtime.admission.tryEnter()) return refuse(runtime, draft, adapter, overloaded(runtime.admission));
  // A stream holds its slot until it ends (streamResponse releases it); anything else here.
  let slotHeldByStream = false;
  try {
    const raw = await readJsonBody(request);
    draft.learn({ requestedModel: modelOf(raw) || adapter.defaultModel });
    const call = gatewayCall(adapter.parse(raw, request), adapter.endpoint, key, request.signal, createdAt, startedAt);
    const result = await runPipeline(call, draft, runtime);
    if (result.kind === "stream") {
      slotHeldByStream = true;
      return streamResponse(runtime, draft, call, result, adapter);
    }
    const outcome = settleResult(runtime, draft, result);
    if (outcome.kind === "dry_run") return adapter.dryRun(outcome.record, routingHeaders(outcome.record.id, outcome.wouldServe));
    if (outcome.kind === "failed") return adapter.error(outcome.error, outcome.record.id);
    return adapter.completion({ record: outcome.record, result: outcome.result, served: outcome.served, created: Math.floor(createdAt.getTime() / 1000) }, routingHeaders(outcome.record.id, outcome.served));
  } catch (error) {
    return refuse(runtime, draft, adapter, gatewayError(error));
  } finally {
    if (!slotHeldByStream) runtime.admission.leave();
  }
}

/** Records the error and answers it in the endpoint's shape. */
function refuse(runtime: GatewayRuntime, draft: DecisionDraft, adapter: EndpointAdapter, apiError: ApiError): Response {
  try {
    settle(runtime, draft, { kind: "failed", error: apiError });
  } catch (unrecorded) {
    // The journal refused the record: say so rather than answer without one.
    return adapter.error(gatewayError(unrecorded), draft.id);
  }
  return adapter.error(apiError, draft.id);
}
