// Every error Switchyard answers, by code: its HTTP status and the error `type` each wire shape
// carries — OpenAI's { error: { message, type, code } } (the gateway's OpenAI endpoints, the
// native route and the console's API routes all answer in it) and Anthropic's
// { type: "error", error: { type, message } } (/api/v1/messages). Errors are built from a code
// (apiError in ./api-error.ts), so a status is never paired with a code by hand and two sites
// cannot disagree on one code's status or type. Pure.

/** OpenAI's error `type` values, chosen so the OpenAI SDKs raise the right exception class. */
export type OpenAiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "rate_limit_error"
  | "insufficient_quota"
  | "server_error"
  | "api_error"
  | "service_unavailable_error";

/** Anthropic's error `type` values; the Anthropic SDK picks its exception class by them. */
export type AnthropicErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "request_too_large"
  | "rate_limit_error"
  | "api_error"
  | "overloaded_error";

export interface ErrorCodeEntry {
  status: number;
  openai: OpenAiErrorType;
  anthropic: AnthropicErrorType;
}

const entry = (status: number, openai: OpenAiErrorType, anthropic: AnthropicErrorType): ErrorCodeEntry => ({ status, openai, anthropic });

export const ERROR_CODES = {
  // Reading the request
  invalid_request: entry(400, "invalid_request_error", "invalid_request_error"),
  invalid_json: entry(400, "invalid_request_error", "invalid_request_error"),
  request_too_large: entry(413, "invalid_request_error", "request_too_large"),
  unsupported_media_type: entry(415, "invalid_request_error", "invalid_request_error"),
  // The client went away: nobody reads the answer, but the record keeps why the request ended.
  client_closed_request: entry(499, "api_error", "invalid_request_error"),
  unknown_endpoint: entry(404, "not_found_error", "not_found_error"),
  method_not_allowed: entry(405, "invalid_request_error", "invalid_request_error"),

  // App keys and features
  missing_api_key: entry(401, "authentication_error", "authentication_error"),
  invalid_api_key: entry(401, "authentication_error", "authentication_error"),
  too_many_failed_authentications: entry(429, "rate_limit_error", "rate_limit_error"),
  feature_required: entry(400, "invalid_request_error", "invalid_request_error"),
  unknown_feature: entry(400, "invalid_request_error", "invalid_request_error"),
  feature_not_allowed: entry(403, "permission_error", "permission_error"),

  // Routing refusals (lib/routing/explain/refusal.ts words them; the statuses and types agree, tested)
  model_not_found: entry(404, "invalid_request_error", "not_found_error"),
  data_class_forbidden: entry(403, "permission_error", "permission_error"),
  budget_exceeded: entry(429, "insufficient_quota", "rate_limit_error"),
  rate_limited: entry(429, "rate_limit_error", "rate_limit_error"),
  // What the request itself or the policy rules out is a 4xx (a retry cannot change it); only
  // what can pass (providers failing, rate limits, a budget month) is a 503 or 429.
  capability_unavailable: entry(400, "invalid_request_error", "invalid_request_error"),
  context_length_exceeded: entry(400, "invalid_request_error", "invalid_request_error"),
  no_allowed_model: entry(400, "invalid_request_error", "invalid_request_error"),
  no_candidate: entry(503, "server_error", "api_error"),

  // Upstream models
  upstream_rejected_request: entry(400, "invalid_request_error", "invalid_request_error"),
  all_candidates_failed: entry(503, "service_unavailable_error", "api_error"),
  upstream_stream_failed: entry(502, "api_error", "api_error"),

  // This instance
  gateway_overloaded: entry(503, "service_unavailable_error", "api_error"),
  journal_unavailable: entry(503, "service_unavailable_error", "api_error"),
  journal_full: entry(503, "service_unavailable_error", "api_error"),
  no_policy: entry(503, "service_unavailable_error", "api_error"),
  database_unavailable: entry(503, "service_unavailable_error", "api_error"),
  internal_error: entry(500, "api_error", "api_error"),

  // Reading decisions and records (the gateway's decision endpoint, the console's API routes)
  decision_not_found: entry(404, "not_found_error", "not_found_error"),
  not_found: entry(404, "not_found_error", "not_found_error"),
  conflict: entry(409, "invalid_request_error", "invalid_request_error"),
  search_too_broad: entry(422, "invalid_request_error", "invalid_request_error"),
  unauthenticated: entry(401, "authentication_error", "authentication_error"),
  forbidden: entry(403, "permission_error", "permission_error"),

  // What-if
  policy_not_found: entry(404, "not_found_error", "not_found_error"),
  invalid_document: entry(400, "invalid_request_error", "invalid_request_error"),
  what_if_running: entry(429, "rate_limit_error", "rate_limit_error"),
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/**
 * The types for a code outside the table (only tests build those): OpenAI's and Anthropic's
 * conventions for the status alone, which every row above also follows unless it says otherwise.
 */
export function entryForStatus(status: number): ErrorCodeEntry {
  if (status === 400 || status === 405 || status === 409 || status === 413 || status === 415) {
    return entry(status, "invalid_request_error", status === 413 ? "request_too_large" : "invalid_request_error");
  }
  if (status === 401) return entry(status, "authentication_error", "authentication_error");
  if (status === 403) return entry(status, "permission_error", "permission_error");
  if (status === 404) return entry(status, "not_found_error", "not_found_error");
  if (status === 429) return entry(status, "rate_limit_error", "rate_limit_error");
  if (status === 503) return entry(status, "service_unavailable_error", "api_error");
  if (status === 529) return entry(status, "api_error", "overloaded_error");
  return entry(status, "api_error", status >= 500 ? "api_error" : "invalid_request_error");
}
