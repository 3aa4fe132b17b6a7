// The error every API answer carries, built from a code in the one table (./error-codes.ts):
// the code decides the status and the type in each wire shape. OpenAI's shape,
// { error: { message, type, code } }, is the default body; Anthropic's endpoint writes its own
// from the same error (lib/wire/anthropic-messages/errors.ts).
import { ERROR_CODES, entryForStatus, isErrorCode, type AnthropicErrorType, type ErrorCode, type OpenAiErrorType } from "./error-codes";
import { jsonAnswer } from "./json-answer";

export type { AnthropicErrorType, ErrorCode, OpenAiErrorType } from "./error-codes";
/** OpenAI's error `type` (the name the gateway has always used for it). */
export type ApiErrorType = OpenAiErrorType;

export interface ApiErrorOptions {
  /** The request field the error is about; OpenAI's `param`. */
  param?: string;
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** OpenAI's error type for this code. */
  readonly type: OpenAiErrorType;
  /** Anthropic's error type for this code. */
  readonly anthropicType: AnthropicErrorType;
  /** Extra fields for the body's error object (e.g. `param`). */
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  /**
   * Prefer apiError(code, …): a code from the table brings its own status. The status is taken
   * here only so tests can build errors the table does not know; for a code in the table it must
   * be the table's.
   */
  constructor(status: number, code: string, message: string, options: ApiErrorOptions = {}) {
    super(message);
    const known = isErrorCode(code) ? ERROR_CODES[code] : null;
    if (known && known.status !== status) throw new Error(`Error code '${code}' answers ${known.status}, not ${status} (lib/http/error-codes.ts).`);
    const types = known ?? entryForStatus(status);
    this.status = status;
    this.code = code;
    this.type = types.openai;
    this.anthropicType = types.anthropic;
    this.extra = options.param ? { param: options.param } : {};
    this.headers = options.headers ?? {};
  }

  toBody() {
    return { error: { message: this.message, type: this.type, code: this.code, ...this.extra } };
  }
}

/** The one way code outside tests builds an API error: the code brings its status and types. */
export function apiError(code: ErrorCode, message: string, options: ApiErrorOptions = {}): ApiError {
  return new ApiError(ERROR_CODES[code].status, code, message, options);
}

/**
 * The client went away (mid-body or mid-request). Nobody reads the answer; the code is what the
 * decision record keeps.
 */
export function clientClosedRequest(message = "The client closed the request."): ApiError {
  return apiError("client_closed_request", message);
}

/** An error in OpenAI's shape (the gateway's OpenAI endpoints and the console's API routes). */
export function errorResponse(error: ApiError, headers: Record<string, string> = {}): Response {
  return jsonAnswer(error.toBody(), { status: error.status, headers: { ...error.headers, ...headers } });
}
