// What a decision record keeps about a request refused before the router saw it: which field was
// wrong (so an auditor need not replay the request) and whether the request was malformed — bad
// input is the caller's bug, not a policy refusal, so the refusal rate leaves it out. Pure.
import type { ApiError } from "@/lib/http/api-error";

/** The stored refusalConstraint of a request the gateway could not read or validate. */
export const MALFORMED = "malformed";

/** Answers that mean "this request is not a well-formed call" (the body, its type or its size). */
const MALFORMED_CODES = new Set(["invalid_json", "invalid_request", "request_too_large", "unsupported_media_type"]);

export interface PreRoutingFacts {
  refusalConstraint: string | null;
  traceLines: string[];
}

/** `decided`: the router produced a decision for this request (then its own refusal speaks). */
export function preRoutingFacts(error: Pick<ApiError, "status" | "code" | "message" | "extra">, decided: boolean): PreRoutingFacts {
  const param = typeof error.extra.param === "string" && error.extra.param !== "" ? error.extra.param : null;
  const lines = [`Answered ${error.status} ${error.code}: ${error.message}`];
  if (param) lines.push(`Field at fault: '${param}'.`);
  const malformed = !decided && MALFORMED_CODES.has(error.code);
  return { refusalConstraint: malformed ? MALFORMED : null, traceLines: lines };
}
