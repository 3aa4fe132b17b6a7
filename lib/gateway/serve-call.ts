import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { RequestAbortedError } from "@/lib/providers/provider-error";
import type { ChatMessage } from "@/lib/providers/types";
import type { AppKey } from "./authenticate";
import { DecisionDraft } from "./decision-draft";
import { decisionView } from "./decision-view";
import { failureResponse, midStreamError } from "./gateway-failure-response";
import type { GatewayCall } from "./gateway-call";
import { chatCompletionBody } from "./openai-format";
import { GatewayFailure, runPipeline } from "./run-pipeline";
import { gatewayRuntime, recordDecision } from "./runtime";
import { openAiSseStream } from "./stream-response";

export type ResponseFormat = "openai" | "native";

/** A failure before the call could be described (bad JSON, invalid fields): still one record. */
export function recordEarlyFailure(endpoint: GatewayCall["endpoint"], key: AppKey, error: ApiError, requestedModel: string, createdAt: Date, startedAt: number): Response {
  const call: GatewayCall = {
    endpoint,
    key,
    requestedModel,
    messages: [] as ChatMessage[],
    upstream: { messages: [] },
    maxOutputTokens: null,
    stream: false,
    includeUsage: false,
    featureKey: null,
    difficulty: null,
    dataClass: null,
    dryRun: false,
    signal: new AbortController().signal,
    createdAt,
    startedAt,
  };
  const draft = new DecisionDraft(call);
  void recordDecision(gatewayRuntime(), draft.finish({ status: "refused", httpStatus: error.status, errorCode: error.code }));
  return failureResponse(error, draft.id);
}

function routingHeaders(decisionId: string, served: { tierKey: string; alias: string } | null): Record<string, string> {
  return {
    "x-switchyard-decision": decisionId,
    ...(served ? { "x-switchyard-tier": served.tierKey, "x-switchyard-model": served.alias } : {}),
  };
}

/** Runs the pipeline and answers in the endpoint's format. */
export async function serveCall(call: GatewayCall, format: ResponseFormat): Promise<Response> {
  let result: Awaited<ReturnType<typeof runPipeline>>;
  try {
    result = await runPipeline(call);
  } catch (error) {
    if (error instanceof GatewayFailure) return failureResponse(error.error, error.draft.id);
    if (error instanceof RequestAbortedError) return failureResponse(new ApiError(499, "client_closed_request", "The client closed the request."), null);
    throw error;
  }
  const created = Math.floor(call.createdAt.getTime() / 1000);

  if (result.kind === "dry_run") {
    const first = result.decision.candidates[0] ?? null;
    return Response.json({ id: result.record.id, dryRun: true, decision: decisionView(result.record) }, { headers: routingHeaders(result.record.id, first) });
  }

  if (result.kind === "completion") {
    const { outcome, record } = result;
    const headers = routingHeaders(record.id, outcome.served);
    if (format === "openai") {
      return Response.json(
        chatCompletionBody({ decisionId: record.id, model: outcome.served.alias, created, text: outcome.result.text, finishReason: outcome.result.finishReason, usage: outcome.result.usage }),
        { headers },
      );
    }
    return Response.json(
      {
        id: record.id,
        completion: { text: outcome.result.text, finishReason: outcome.result.finishReason, usage: outcome.result.usage },
        decision: decisionView(record),
      },
      { headers },
    );
  }

  const { outcome, draft } = result;
  const body = openAiSseStream({
    decisionId: draft.id,
    model: outcome.served.alias,
    created,
    includeUsage: call.includeUsage,
    stream: outcome.stream,
    onEnd: (usage, error) => result.finish(usage, error),
    toApiError: midStreamError,
  });
  return new Response(body, {
    headers: {
      ...routingHeaders(draft.id, outcome.served),
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
