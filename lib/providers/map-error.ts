// Turns whatever an upstream call threw into a ProviderError: network errors, aborts, and the AI
// SDK's error classes (no provider client raises those any more — every kind is spoken to
// directly — but the mapping stays until it is removed with its tests).
// AI SDK 7 surfaces: APICallError for HTTP failures and connection failures (statusCode
// undefined, cause carries the errno), StreamProviderError for `error` events inside a 200
// stream, RetryError only when maxRetries > 0, and the abort *reason itself* on abort.
import {
  APICallError,
  InvalidArgumentError,
  InvalidPromptError,
  LoadAPIKeyError,
  RetryError,
  StreamProviderError,
  UnsupportedFunctionalityError,
} from "ai";
import { ProviderError, RequestAbortedError, type ProviderErrorKind } from "./provider-error";
import { retryAfterSeconds } from "./resilience/retry-after";
import { cleanUpstreamText } from "./upstream-error-message";

const CONTEXT_LENGTH_PATTERN =
  /context[_ ]length|context window|maximum context|prompt is too long|too many tokens|exceeds the (?:available )?context|input is too long|reduce the length/i;

const NETWORK_TIMEOUT_CODES = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const NETWORK_DOWN_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);

/** HTTP status → kind. `text` (message and body) distinguishes a too-long prompt from other 400s. */
export function kindForStatus(status: number, text = ""): ProviderErrorKind {
  if (status === 400 || status === 413) return CONTEXT_LENGTH_PATTERN.test(text) || status === 413 ? "context_length" : "bad_request";
  if (status === 401 || status === 403) return "auth";
  // The model or route does not exist at this provider: another candidate may still answer.
  if (status === 404) return "unavailable";
  if (status === 408 || status === 504 || status === 524) return "timeout";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "unavailable";
  if (status === 409) return "unknown";
  if (status >= 400) return "bad_request";
  return "unknown";
}

/** Where a status disagrees with its kind's default: a 404 is no outage, a 409 may pass on retry. */
function retryableOverride(status: number): boolean | undefined {
  if (status === 404) return false;
  if (status === 409) return true;
  return undefined;
}

function errnoOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function fromApiCallError(error: APICallError): ProviderError {
  const status = error.statusCode;
  // No status: the request never got an answer (refused, reset, DNS). Status 200: the body
  // broke off mid-stream ("Failed to process successful response").
  if (status === undefined || status < 400) {
    const code = errnoOf(error.cause);
    const kind: ProviderErrorKind = code && NETWORK_TIMEOUT_CODES.has(code) ? "timeout" : "unavailable";
    return new ProviderError({ kind, message: error.message, retryable: true, cause: error });
  }
  const kind = kindForStatus(status, `${error.message} ${error.responseBody ?? ""}`);
  // Upstreams sometimes echo the request in their error text: only a cleaned message travels on.
  const message = `Provider answered ${status}: ${cleanUpstreamText(error.message)}`;
  const retryAfter = retryAfterSeconds(error.responseHeaders);
  return new ProviderError({
    kind,
    status,
    message,
    ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    retryable: retryableOverride(status),
    cause: error,
  });
}

function fromStreamProviderError(error: StreamProviderError): ProviderError {
  const label = `${error.type ?? ""} ${String(error.code ?? "")} ${error.message}`;
  let kind: ProviderErrorKind;
  if (error.statusCode !== undefined) kind = kindForStatus(error.statusCode, label);
  else if (/rate_limit/i.test(label)) kind = "rate_limited";
  else if (CONTEXT_LENGTH_PATTERN.test(label)) kind = "context_length";
  else if (/overloaded|server_error|api_error|unavailable/i.test(label)) kind = "unavailable";
  else kind = "unknown";
  return new ProviderError({
    kind,
    message: error.message,
    ...(error.statusCode !== undefined ? { status: error.statusCode } : {}),
    retryable: kind === "unknown" ? error.isRetryable : undefined,
    cause: error,
  });
}

/** The errno-style code of a network failure (ECONNREFUSED, …), looking through causes. */
export function networkCodeOf(error: unknown): string | undefined {
  return errnoOf(error);
}

/**
 * Normalises any failure of an upstream call. When `signal` has fired, its reason wins: a
 * ProviderError reason (our per-attempt timeout) is returned as is, anything else means the
 * caller went away → RequestAbortedError.
 */
export function toProviderError(error: unknown, signal?: AbortSignal): ProviderError | RequestAbortedError {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof ProviderError) return reason;
    return new RequestAbortedError(undefined, { cause: reason });
  }
  if (error instanceof ProviderError || error instanceof RequestAbortedError) return error;
  if (RetryError.isInstance(error)) return toProviderError(error.lastError, signal);
  if (APICallError.isInstance(error)) return fromApiCallError(error);
  if (StreamProviderError.isInstance(error)) return fromStreamProviderError(error);
  if (LoadAPIKeyError.isInstance(error)) return new ProviderError({ kind: "auth", message: error.message, cause: error });
  if (InvalidPromptError.isInstance(error) || InvalidArgumentError.isInstance(error) || UnsupportedFunctionalityError.isInstance(error)) {
    return new ProviderError({ kind: "bad_request", message: error.message, cause: error });
  }

  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : "";
  // An abort we did not ask for (no fired signal) is a transport-level timeout.
  if (name === "AbortError" || name === "TimeoutError") return new ProviderError({ kind: "timeout", message, cause: error });
  const code = errnoOf(error);
  if (code && NETWORK_TIMEOUT_CODES.has(code)) return new ProviderError({ kind: "timeout", message, cause: error });
  if (code && NETWORK_DOWN_CODES.has(code)) return new ProviderError({ kind: "unavailable", message, cause: error });
  // Malformed or empty responses (JSON parse, schema validation, no output) are the
  // provider's doing and may not repeat: retryable, but not a known outage kind.
  if (/AI_(JSONParseError|TypeValidationError|InvalidResponseDataError|EmptyResponseBodyError|NoOutputGeneratedError)/.test(name)) {
    return new ProviderError({ kind: "unknown", message, retryable: true, cause: error });
  }
  return new ProviderError({ kind: "unknown", message, cause: error });
}
