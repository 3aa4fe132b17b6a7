import "server-only";
import { mapPrismaError } from "@/lib/db";
import { ApiError, apiError, errorResponse } from "./api-error";
import { unexpectedError } from "./unexpected-error";

/**
 * The one wrapper for route handlers: it turns thrown ApiErrors into OpenAI-shaped answers,
 * maps known database failures, and turns anything else into a 500 that leaks nothing
 * (the details go to the server log with a reference the caller can quote).
 */
export function handleRoute<Args extends unknown[]>(handler: (request: Request, ...args: Args) => Promise<Response>) {
  return async (request: Request, ...args: Args): Promise<Response> => {
    try {
      return await handler(request, ...args);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof ApiError) return errorResponse(error);
  const mapped = mapPrismaError(error);
  if (mapped) return errorResponse(apiError(mapped.code, mapped.message));
  return errorResponse(unexpectedError("unhandled error", error));
}

/** Unknown paths under /api: a JSON 404 in OpenAI's shape, whatever the method. */
export const unknownApiPath = handleRoute(async (request: Request) => {
  const { pathname } = new URL(request.url);
  throw apiError("unknown_endpoint", `There is no ${request.method} ${pathname} endpoint. The gateway serves POST /api/v1/chat/completions, POST /api/v1/messages (and /count_tokens), POST /api/v1/responses, POST /api/v1/embeddings, POST /api/route, GET /api/v1/models and GET /api/v1/decisions/{id}.`);
});

/** A 405 naming the methods this endpoint takes (in the allow header too). */
export function methodNotAllowedError(allowed: string[]): ApiError {
  return apiError("method_not_allowed", `Use ${allowed.join(" or ")} on this endpoint.`, { headers: { allow: allowed.join(", ") } });
}

export function methodNotAllowed(allowed: string[]) {
  return handleRoute(async () => {
    throw methodNotAllowedError(allowed);
  });
}
