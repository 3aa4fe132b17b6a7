// Every upstream failure, whatever SDK or wire it came from, becomes one ProviderError, so
// the breaker, the fallback executor and the gateway's HTTP mapping each switch on `kind`.

export const PROVIDER_ERROR_KINDS = [
  "rate_limited",
  "timeout",
  "unavailable",
  "auth",
  "bad_request",
  "context_length",
  "unknown",
] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

/** Kinds that say "try again later / elsewhere", and so count against a provider's health. */
const RETRYABLE_BY_DEFAULT: Record<ProviderErrorKind, boolean> = {
  rate_limited: true,
  timeout: true,
  unavailable: true,
  auth: false,
  bad_request: false,
  context_length: false,
  unknown: false,
};

export interface ProviderErrorInit {
  kind: ProviderErrorKind;
  message: string;
  status?: number;
  retryAfterSeconds?: number;
  /** Defaults by kind: rate_limited, timeout and unavailable are retryable. */
  retryable?: boolean;
  cause?: unknown;
}

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  readonly kind: ProviderErrorKind;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly retryable: boolean;

  constructor(init: ProviderErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
    this.retryable = init.retryable ?? RETRYABLE_BY_DEFAULT[init.kind];
  }

  static isInstance(error: unknown): error is ProviderError {
    return error instanceof ProviderError;
  }
}

/**
 * The caller's AbortSignal fired (client disconnected, request cancelled). Not the
 * provider's fault: the breaker ignores it and the fallback executor stops trying.
 */
export class RequestAbortedError extends Error {
  override readonly name = "AbortError";
  constructor(message = "The request was aborted by the caller", options?: { cause?: unknown }) {
    super(message, options);
  }
}
