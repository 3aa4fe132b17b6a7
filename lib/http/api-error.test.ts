import { describe, expect, it } from "vitest";
import { budgetExceeded, capabilityUnavailable, contextLengthExceeded, dataClassForbidden, modelNotFound, noAllowedModel, noCandidate, rateLimited } from "@/lib/routing/explain/refusal";
import { anthropicErrorBody } from "@/lib/wire/anthropic-messages/errors";
import { ApiError, apiError, clientClosedRequest } from "./api-error";
import { ERROR_CODES } from "./error-codes";

describe("the error table", () => {
  it("gives each code its status and the type of each wire shape", () => {
    const overloaded = apiError("gateway_overloaded", "busy", { headers: { "retry-after": "1" } });
    expect(overloaded).toMatchObject({ status: 503, code: "gateway_overloaded", type: "service_unavailable_error", anthropicType: "api_error", headers: { "retry-after": "1" } });
    expect(apiError("request_too_large", "big")).toMatchObject({ status: 413, type: "invalid_request_error", anthropicType: "request_too_large" });
    expect(apiError("budget_exceeded", "spent")).toMatchObject({ status: 429, type: "insufficient_quota", anthropicType: "rate_limit_error" });
    expect(apiError("search_too_broad", "narrow it")).toMatchObject({ status: 422, type: "invalid_request_error" });
    expect(clientClosedRequest()).toMatchObject({ status: 499, code: "client_closed_request", type: "api_error", message: "The client closed the request." });
  });

  it("writes OpenAI's body with param, and Anthropic's with its own type", () => {
    const error = apiError("model_not_found", "No such model.", { param: "model" });
    expect(error.toBody()).toEqual({ error: { message: "No such model.", type: "invalid_request_error", code: "model_not_found", param: "model" } });
    expect(anthropicErrorBody(error, "d1")).toEqual({ type: "error", error: { type: "not_found_error", message: "No such model." }, request_id: "d1" });
  });

  it("agrees with the routing engine's refusals on status and type", () => {
    for (const refusal of [modelNotFound("m"), dataClassForbidden("m", "data_class"), budgetExceeded("m", 60), rateLimited("m", 5), capabilityUnavailable("m"), contextLengthExceeded("m"), noAllowedModel("m", "disabled"), noCandidate("m", "circuit_open")]) {
      expect(ERROR_CODES[refusal.code]).toMatchObject({ status: refusal.status, openai: refusal.type });
    }
  });

  it("refuses a status paired by hand against the table's", () => {
    expect(() => new ApiError(500, "invalid_request", "bad")).toThrow(/answers 400/);
  });

  it("types codes outside the table by their status alone", () => {
    expect(new ApiError(502, "x", "x")).toMatchObject({ type: "api_error", anthropicType: "api_error" });
    expect(new ApiError(404, "y", "y")).toMatchObject({ type: "not_found_error", anthropicType: "not_found_error" });
  });
});
