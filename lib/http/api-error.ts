// Every API error leaves Switchyard in OpenAI's shape, { error: { message, type, code } },
// so the official SDKs raise the right exception class for each status.

export type ApiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "rate_limit_error"
  | "insufficient_quota"
  | "server_error"
  | "api_error"
  | "service_unavailable_error";

const TYPE_BY_STATUS: Record<number, ApiErrorType> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  405: "invalid_request_error",
  409: "invalid_request_error",
  413: "invalid_request_error",
  415: "invalid_request_error",
  429: "rate_limit_error",
  500: "api_error",
  502: "api_error",
  503: "service_unavailable_error",
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly type: ApiErrorType;
  /** Extra fields for the body's error object (e.g. `param`). */
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, options: { param?: string; headers?: Record<string, string>; type?: ApiErrorType } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.type = options.type ?? TYPE_BY_STATUS[status] ?? "api_error";
    this.extra = options.param ? { param: options.param } : {};
    this.headers = options.headers ?? {};
  }

  toBody() {
    return { error: { message: this.message, type: this.type, code: this.code, ...this.extra } };
  }
}

export function errorResponse(error: ApiError, headers: Record<string, string> = {}): Response {
  return Response.json(error.toBody(), { status: error.status, headers: { ...error.headers, ...headers } });
}
