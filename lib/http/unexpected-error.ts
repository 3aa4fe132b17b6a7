// The one answer to an error nobody expected: the details go to the server log under a fresh
// reference, and the caller gets only the reference to quote — never internals, which may hold
// prompts, keys or a webhook URL. Used by the route wrapper, the gateway's request path and the
// console's server actions.
import { apiError, type ApiError } from "./api-error";

/** Logs the error under a new reference and returns the reference. */
export function logUnexpected(where: string, error: unknown): string {
  const reference = crypto.randomUUID();
  console.error(`[switchyard] ${where} ${reference}`, error);
  return reference;
}

/** A 500 internal_error that names the logged reference and nothing else. */
export function unexpectedError(where: string, error: unknown): ApiError {
  return apiError("internal_error", `Switchyard hit an unexpected error. Reference: ${logUnexpected(where, error)}.`);
}
