import { ApiError, errorResponse } from "@/lib/http/api-error";
import { ProviderError } from "@/lib/providers/provider-error";

/** Mid-stream failures in OpenAI's error shape. */
export function midStreamError(error: unknown): ApiError {
  if (error instanceof ProviderError) return new ApiError(502, "upstream_stream_failed", `The model's stream failed after it started: ${error.message}`);
  return new ApiError(502, "upstream_stream_failed", "The model's stream failed after it started.");
}

export function failureResponse(error: ApiError, decisionId: string | null): Response {
  return errorResponse(error, decisionId ? { "x-switchyard-decision": decisionId } : {});
}
