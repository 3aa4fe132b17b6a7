import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { parseOrThrow } from "@/lib/http/validation";
import { countRequestTokens } from "@/lib/providers/token-count";
import { countTokensBodySchema } from "@/lib/wire/anthropic-messages/request-schema";
import { countTokensBodyToCanonical } from "@/lib/wire/anthropic-messages/to-canonical";
import { authenticateAppKey } from "../auth/authenticate";
import { readJsonBody } from "../request/read-body";
import { anthropicErrorResponse } from "./messages-adapter";

/**
 * POST /api/v1/messages/count_tokens — the prompt's size as Switchyard estimates it (the same
 * count the context-window check uses). No model is called and nothing leaves, so it is not a
 * decision and leaves no record; it still needs a valid app key.
 */
export async function handleCountTokens(request: Request): Promise<Response> {
  try {
    await authenticateAppKey(request);
    const body = parseOrThrow(countTokensBodySchema, await readJsonBody(request));
    return Response.json({ input_tokens: countRequestTokens(countTokensBodyToCanonical(body)) });
  } catch (error) {
    if (error instanceof ApiError) return anthropicErrorResponse(error, null);
    throw error;
  }
}
