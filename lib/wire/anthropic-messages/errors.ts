// Errors in Anthropic's shape, { type: "error", error: { type, message } }, with the error type
// Anthropic uses for the code (lib/http/error-codes.ts), so the official SDK raises the matching
// exception class.
import type { ApiError } from "@/lib/http/api-error";

export function anthropicErrorBody(error: ApiError, requestId: string | null) {
  return {
    type: "error" as const,
    error: { type: error.anthropicType, message: error.message },
    ...(requestId ? { request_id: requestId } : {}),
  };
}
