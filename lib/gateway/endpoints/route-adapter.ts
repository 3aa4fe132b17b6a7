import "server-only";
import { parseOrThrow } from "@/lib/http/validation";
import { toolCallsOf } from "@/lib/canonical/text";
import { assistantMessage } from "@/lib/wire/openai-chat/completion";
import { chatBodyToCanonical } from "@/lib/wire/openai-chat/to-canonical";
import { decisionView } from "../records/decision-view";
import type { EndpointAdapter } from "./endpoint-adapter";
import { chatCompletionsAdapter } from "./openai-chat-adapter";
import { ROUTE_ONLY_FIELDS, routeBodySchema } from "./schemas";
import { jsonAnswer } from "@/lib/http/json-answer";

/**
 * POST /api/route — the native endpoint: the same messages and parameters as chat completions
 * plus feature, difficulty, dataClass and dryRun; answers the completion with its decision.
 */
export const routeAdapter: EndpointAdapter = {
  ...chatCompletionsAdapter,
  endpoint: "route",
  defaultModel: "auto",
  parse(raw) {
    const body = parseOrThrow(routeBodySchema, raw);
    const modelFields = Object.fromEntries(Object.entries(body).filter(([key]) => !(ROUTE_ONLY_FIELDS as readonly string[]).includes(key)));
    return {
      requestedModel: body.model,
      request: chatBodyToCanonical(modelFields as typeof body),
      stream: body.stream === true && !body.dryRun,
      includeUsage: body.stream_options?.include_usage === true,
      featureKey: body.feature ?? null,
      difficulty: body.difficulty ?? null,
      dataClass: body.dataClass ?? null,
      dryRun: body.dryRun,
    };
  },
  completion: ({ record, result }, headers) => {
    const message = assistantMessage(result.content);
    return jsonAnswer(
      {
        id: record.id,
        completion: {
          text: typeof message.content === "string" ? message.content : "",
          toolCalls: toolCallsOf(result.content).map((call) => ({ id: call.id, name: call.name, arguments: call.arguments })),
          finishReason: result.finishReason,
          usage: result.usage,
        },
        decision: decisionView(record),
      },
      { headers },
    );
  },
};
