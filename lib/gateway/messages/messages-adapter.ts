import "server-only";
import type { ApiError } from "@/lib/http/api-error";
import { parseOrThrow } from "@/lib/http/validation";
import { uuidv7 } from "@/lib/ledger/uuidv7";
import { anthropicErrorBody } from "@/lib/wire/anthropic-messages/errors";
import { messageBody } from "@/lib/wire/anthropic-messages/message";
import { messagesBodySchema } from "@/lib/wire/anthropic-messages/request-schema";
import { messagesBodyToCanonical } from "@/lib/wire/anthropic-messages/to-canonical";
import { decisionView } from "../records/decision-view";
import type { EndpointAdapter } from "../endpoints/endpoint-adapter";
import { midStreamError } from "../endpoints/openai-chat-adapter";
import { hintHeaders, hintHeadersSchema } from "../endpoints/schemas";
import { messagesSseStream } from "./messages-stream";

/**
 * Errors in Anthropic's shape. Anthropic's answers always carry a request id, which clients show
 * with the error: the decision id when there is a record, else (refused before any record: no
 * key, an unknown key, a full journal) a fresh id marked `req_`, which no record has.
 */
export function anthropicErrorResponse(error: ApiError, decisionId: string | null): Response {
  const requestId = decisionId ?? `req_${uuidv7()}`;
  return Response.json(anthropicErrorBody(error, requestId), {
    status: error.status,
    headers: { ...error.headers, "request-id": requestId, ...(decisionId ? { "x-switchyard-decision": decisionId } : {}) },
  });
}

/** The headers that name Anthropic API behaviour; forwarded to Anthropic upstreams only. */
function anthropicHeaders(request: Request) {
  const version = request.headers.get("anthropic-version")?.slice(0, 100);
  const beta = request.headers.get("anthropic-beta")?.slice(0, 2000);
  return { ...(version ? { version } : {}), ...(beta ? { beta } : {}) };
}

/** POST /api/v1/messages: Anthropic's Messages API; routing hints come as x-switchyard-* headers. */
export const messagesAdapter: EndpointAdapter = {
  endpoint: "messages",
  defaultModel: "",
  parse(raw, request) {
    const body = parseOrThrow(messagesBodySchema, raw);
    const hints = parseOrThrow(hintHeadersSchema, hintHeaders(request), "headers");
    return {
      requestedModel: body.model,
      request: messagesBodyToCanonical(body, anthropicHeaders(request)),
      stream: body.stream === true,
      // Anthropic streams always end with the usage (message_delta).
      includeUsage: true,
      featureKey: hints["x-switchyard-feature"] ?? null,
      difficulty: hints["x-switchyard-difficulty"] ?? null,
      dataClass: hints["x-switchyard-data-class"] ?? null,
      dryRun: false,
    };
  },
  completion: ({ record, result, served }, headers) => Response.json(messageBody({ decisionId: record.id, model: served.alias, result }), { headers }),
  stream: (options) => messagesSseStream({ ...options, toApiError: midStreamError }),
  dryRun: (record, headers) => Response.json({ id: record.id, dryRun: true, decision: decisionView(record) }, { headers }),
  error: anthropicErrorResponse,
};
