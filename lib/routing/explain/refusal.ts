// Refusals: the engine words them, the gateway returns them verbatim in OpenAI's error shape,
// so a caller using the official SDK gets a typed error with our explanation in it.
import type { Refusal, RejectionReason } from "../types";

export function modelNotFound(message: string): Refusal {
  return { status: 404, code: "model_not_found", type: "invalid_request_error", message, constraint: "pin", retryAfterSeconds: null };
}

export function dataClassForbidden(message: string, constraint: "data_class" | "region"): Refusal {
  return { status: 403, code: "data_class_forbidden", type: "permission_error", message, constraint, retryAfterSeconds: null };
}

export function budgetExceeded(message: string, retryAfterSeconds: number): Refusal {
  return { status: 429, code: "budget_exceeded", type: "insufficient_quota", message, constraint: "budget", retryAfterSeconds };
}

export function rateLimited(message: string, retryAfterSeconds: number): Refusal {
  return { status: 429, code: "rate_limited", type: "rate_limit_error", message, constraint: "rate_limit", retryAfterSeconds };
}

/** The request needs something no allowed model offers: retrying will not help, so a 400. */
export function capabilityUnavailable(message: string): Refusal {
  return { status: 400, code: "capability_unavailable", type: "invalid_request_error", message, constraint: "capability", retryAfterSeconds: null };
}

/**
 * No model's window holds the prompt plus the requested output: the request itself is too long,
 * so a 400 with the code OpenAI answers for it (its SDKs and agents know to shorten, not retry).
 */
export function contextLengthExceeded(message: string): Refusal {
  return { status: 400, code: "context_length_exceeded", type: "invalid_request_error", message, constraint: "context_window", retryAfterSeconds: null };
}

/**
 * The policy leaves no model for this request (switched off, pins, licences, difficulty, rules):
 * nothing a retry changes until an admin does, so a 400 — a 5xx would have clients retry it.
 */
export function noAllowedModel(message: string, constraint: RejectionReason): Refusal {
  return { status: 400, code: "no_allowed_model", type: "invalid_request_error", message, constraint, retryAfterSeconds: null };
}

/**
 * Models the policy allows exist, but every one's provider is failing right now: that passes, so
 * a 503 — with retry-after when the circuits say when they probe again.
 */
export function noCandidate(message: string, constraint: "circuit_open" | "rate_limit", retryAfterSeconds: number | null = null): Refusal {
  return { status: 503, code: "no_candidate", type: "server_error", message, constraint, retryAfterSeconds };
}

/** The body OpenAI clients expect: `{ error: { message, type, param, code } }`. */
export function toOpenAiError(refusal: Refusal): {
  error: { message: string; type: string; param: string | null; code: string };
} {
  return {
    error: {
      message: refusal.message,
      type: refusal.type,
      param: refusal.code === "model_not_found" ? "model" : null,
      code: refusal.code,
    },
  };
}
