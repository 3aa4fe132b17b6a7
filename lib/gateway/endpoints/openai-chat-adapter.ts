import "server-only";
import { apiError, errorResponse, type ApiError } from "@/lib/http/api-error";
import { parseOrThrow } from "@/lib/http/validation";
import { ProviderError } from "@/lib/providers/provider-error";
import { chatCompletionBody } from "@/lib/wire/openai-chat/completion";
import { chatCompletionsBodySchema } from "@/lib/wire/openai-chat/request-schema";
import { chatBodyToCanonical } from "@/lib/wire/openai-chat/to-canonical";
import { decisionView } from "../records/decision-view";
import type { EndpointAdapter } from "./endpoint-adapter";
import { hintHeaders, hintHeadersSchema } from "./schemas";
import { openAiSseStream } from "./stream-response";
import { jsonAnswer } from "@/lib/http/json-answer";

/** Mid-stream failures in OpenAI's error shape. */
export function midStreamError(error: unknown): ApiError {
  if (error instanceof ProviderError) return apiError("upstream_stream_failed", `The model's stream failed after it started: ${error.message}`);
  return apiError("upstream_stream_failed", "The model's stream failed after it started.");
}

/** Errors in OpenAI's shape, with the decision id when there is one. */
export function openAiErrorResponse(error: ApiError, decisionId: string | null): Response {
  return errorResponse(error, decisionId ? { "x-switchyard-decision": decisionId } : {});
}

const sse: Pick<EndpointAdapter, "stream" | "error" | "dryRun"> = {
  stream: (options) => openAiSseStream({ ...options, toApiError: midStreamError }),
  error: openAiErrorResponse,
  dryRun: (record, headers) => jsonAnswer({ id: record.id, dryRun: true, decision: decisionView(record) }, { headers }),
};

/** POST /api/v1/chat/completions: OpenAI's API; routing hints come as x-switchyard-* headers. */
export const chatCompletionsAdapter: EndpointAdapter = {
  endpoint: "chat.completions",
  defaultModel: "",
  parse(raw, request) {
    const body = parseOrThrow(chatCompletionsBodySchema, raw);
    const hints = parseOrThrow(hintHeadersSchema, hintHeaders(request), "headers");
    return {
      requestedModel: body.model,
      request: chatBodyToCanonical(body),
      stream: body.stream === true,
      includeUsage: body.stream_options?.include_usage === true,
      featureKey: hints["x-switchyard-feature"] ?? null,
      difficulty: hints["x-switchyard-difficulty"] ?? null,
      dataClass: hints["x-switchyard-data-class"] ?? null,
      dryRun: false,
    };
  },
  completion: ({ record, result, served, created }, headers) =>
    jsonAnswer(chatCompletionBody({ decisionId: record.id, model: served.alias, created, result }), { headers }),
  ...sse,
};
