import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { parseOrThrow } from "@/lib/http/validation";
import { authenticateAppKey } from "./authenticate";
import { readJsonBody } from "./read-body";
import { chatCompletionsBodySchema, hintHeadersSchema } from "./schemas";
import { recordEarlyFailure, serveCall } from "./serve-call";
import { toChatRequest } from "./to-chat-request";

/** POST /api/v1/chat/completions — OpenAI's API; routing hints come as x-switchyard-* headers. */
export async function handleChatCompletions(request: Request): Promise<Response> {
  const startedAt = performance.now();
  const createdAt = new Date();
  const key = await authenticateAppKey(request);
  let raw: unknown;
  try {
    raw = await readJsonBody(request);
    const body = parseOrThrow(chatCompletionsBodySchema, raw);
    const hints = parseOrThrow(
      hintHeadersSchema,
      {
        "x-switchyard-feature": request.headers.get("x-switchyard-feature") ?? undefined,
        "x-switchyard-difficulty": request.headers.get("x-switchyard-difficulty") ?? undefined,
        "x-switchyard-data-class": request.headers.get("x-switchyard-data-class") ?? undefined,
      },
      "headers",
    );
    return await serveCall(
      {
        endpoint: "chat.completions",
        key,
        requestedModel: body.model,
        ...toChatRequest(body),
        stream: body.stream === true,
        includeUsage: body.stream_options?.include_usage === true,
        featureKey: hints["x-switchyard-feature"] ?? null,
        difficulty: hints["x-switchyard-difficulty"] ?? null,
        dataClass: hints["x-switchyard-data-class"] ?? null,
        dryRun: false,
        signal: request.signal,
        createdAt,
        startedAt,
      },
      "openai",
    );
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const model = typeof (raw as { model?: unknown } | undefined)?.model === "string" ? (raw as { model: string }).model.slice(0, 200) : "";
    return recordEarlyFailure("chat.completions", key, error, model, createdAt, startedAt);
  }
}
