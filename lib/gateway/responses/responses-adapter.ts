// POST /api/v1/responses — OpenAI's Responses API, stateless. One adapter per request: the tool
// names it flattened and the settings the answer echoes are this request's.
import "server-only";
import { apiError } from "@/lib/http/api-error";
import { parseOrThrow } from "@/lib/http/validation";
import { responsesBodySchema } from "@/lib/wire/openai-responses/request-schema";
import { echoOf, outputItems, responseObject, statusOf, type ResponseEcho } from "@/lib/wire/openai-responses/response-body";
import { responsesBodyToCanonical, ToolNames } from "@/lib/wire/openai-responses/to-canonical";
import { decisionView } from "../records/decision-view";
import type { EndpointAdapter } from "../endpoints/endpoint-adapter";
import { openAiErrorResponse } from "../endpoints/openai-chat-adapter";
import { hintHeaders, hintHeadersSchema } from "../endpoints/schemas";
import { responsesSseStream } from "./responses-stream";
import { jsonAnswer } from "@/lib/http/json-answer";

export function createResponsesAdapter(): EndpointAdapter {
  const names = new ToolNames();
  let echo: ResponseEcho | null = null;
  const echoed = (): ResponseEcho => {
    if (!echo) throw new Error("The Responses adapter answered before it parsed a body.");
    return echo;
  };
  return {
    endpoint: "responses",
    defaultModel: "",
    parse(raw, request) {
      const body = parseOrThrow(responsesBodySchema, raw);
      const hints = parseOrThrow(hintHeadersSchema, hintHeaders(request), "headers");
      let canonical;
      try {
        canonical = responsesBodyToCanonical(body, names);
      } catch (error) {
        if (error instanceof TypeError) throw apiError("invalid_request", `Invalid body field 'input': ${error.message}.`, { param: "input" });
        throw error;
      }
      echo = echoOf(body);
      return {
        requestedModel: body.model,
        request: canonical,
        stream: body.stream === true,
        includeUsage: true,
        featureKey: hints["x-switchyard-feature"] ?? null,
        difficulty: hints["x-switchyard-difficulty"] ?? null,
        dataClass: hints["x-switchyard-data-class"] ?? null,
        dryRun: false,
      };
    },
    completion({ record, result, served, created }, headers) {
      const { status, incomplete_details } = statusOf(result.finishReason);
      const body = responseObject(
        { decisionId: record.id, model: served.alias, createdAt: created, status, incompleteDetails: incomplete_details, output: outputItems(result.content, record.id, names), usage: result.usage },
        echoed(),
      );
      return jsonAnswer(body, { headers });
    },
    stream: (options) => responsesSseStream(options, echoed(), names),
    dryRun: (record, headers) => jsonAnswer({ id: record.id, dryRun: true, decision: decisionView(record) }, { headers }),
    error: openAiErrorResponse,
  };
}
