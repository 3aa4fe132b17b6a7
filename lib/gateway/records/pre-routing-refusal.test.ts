import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { MALFORMED, preRoutingFacts } from "./pre-routing-refusal";

describe("preRoutingFacts", () => {
  it("names the field a 400 was about and marks bad input as malformed", () => {
    const error = new ApiError(400, "invalid_request", "Invalid body field 'messages.0.role': Invalid option", { param: "messages.0.role" });
    expect(preRoutingFacts(error, false)).toEqual({
      refusalConstraint: MALFORMED,
      traceLines: ["Answered 400 invalid_request: Invalid body field 'messages.0.role': Invalid option", "Field at fault: 'messages.0.role'."],
    });
  });

  it("treats unreadable JSON, oversized and wrongly typed bodies as malformed", () => {
    for (const [status, code] of [[400, "invalid_json"], [413, "request_too_large"], [415, "unsupported_media_type"]] as const) {
      expect(preRoutingFacts(new ApiError(status, code, "bad"), false).refusalConstraint).toBe(MALFORMED);
    }
  });

  it("leaves policy refusals before routing (scope, rate limit) as refusals, with their field", () => {
    const scope = preRoutingFacts(new ApiError(403, "feature_not_allowed", "This API key may not be used for feature 'x'.", { param: "feature" }), false);
    expect(scope.refusalConstraint).toBeNull();
    expect(scope.traceLines).toContain("Field at fault: 'feature'.");
    expect(preRoutingFacts(new ApiError(429, "rate_limited", "limited"), false).refusalConstraint).toBeNull();
  });

  it("does not call a request malformed once the router decided it", () => {
    expect(preRoutingFacts(new ApiError(400, "invalid_request", "bad"), true).refusalConstraint).toBeNull();
  });
});
