import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { parseOrThrow } from "@/lib/http/validation";
import { authenticateAppKey } from "./authenticate";
import { readJsonBody } from "./read-body";
import { routeBodySchema } from "./schemas";
import { recordEarlyFailure, serveCall } from "./serve-call";
import { toChatRequest } from "./to-chat-request";

/**
 * POST /api/route — the native endpoint: the same messages and parameters as chat completions
 * plus feature, difficulty, dataClass and dryRun; answers the completion with its decision.
 */
export async function handleRoute(request: Request): Promise<Response> {
  const startedAt = performance.now();
  const createdAt = new Date();
  const key = await authenticateAppKey(request);
  let raw: unknown;
  try {
    raw = await readJsonBody(request);
    const body = parseOrThrow(routeBodySchema, raw);
    return await serveCall(
      {
        endpoint: "route",
        key,
        requestedModel: body.model,
        ...toChatRequest(body),
        stream: body.stream === true && !body.dryRun,
        includeUsage: body.stream_options?.include_usage === true,
        featureKey: body.feature ?? null,
        difficulty: body.difficulty ?? null,
        dataClass: body.dataClass ?? null,
        dryRun: body.dryRun,
        signal: request.signal,
        createdAt,
        startedAt,
      },
      "native",
    );
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const model = typeof (raw as { model?: unknown } | undefined)?.model === "string" ? (raw as { model: string }).model.slice(0, 200) : "auto";
    return recordEarlyFailure("route", key, error, model, createdAt, startedAt);
  }
}
