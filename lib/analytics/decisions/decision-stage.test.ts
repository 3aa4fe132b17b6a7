import { describe, expect, it } from "vitest";
import { decisionStage } from "./decision-stage";

const base = { candidates: [], rejected: [], modelAlias: null, refusalConstraint: null, trace: [], policyVersion: 3, dataClass: "unclassified" };
const candidate = { alias: "llama", providerKey: "local", tierKey: "local", estimatedCostUsd: 0 };
const rejection = { alias: "gpt", tierKey: "frontier", providerKey: "openai", reason: "data_class", detail: "restricted data" };

describe("decisionStage", () => {
  it("is routed when the router listed a candidate or a model answered", () => {
    expect(decisionStage({ ...base, candidates: [candidate] })).toEqual({ kind: "routed" });
    expect(decisionStage({ ...base, modelAlias: "llama" })).toEqual({ kind: "routed" });
  });

  it("is a policy refusal when every model was rejected", () => {
    expect(decisionStage({ ...base, rejected: [rejection], refusalConstraint: "data_class" })).toEqual({ kind: "refused_by_policy", constraint: "data_class" });
  });

  it("reads the field and reason of a malformed request from its trace", () => {
    const stage = decisionStage({
      ...base,
      refusalConstraint: "malformed",
      trace: ["Answered 400 invalid_request: Invalid body field 'messages.0.role': Invalid option", "Field at fault: 'messages.0.role'."],
    });
    expect(stage).toEqual({ kind: "before_routing", malformed: true, field: "messages.0.role", reason: "Invalid body field 'messages.0.role': Invalid option" });
  });

  it("keeps a scope refusal before routing apart from bad input", () => {
    const stage = decisionStage({ ...base, errorCode: "feature_not_allowed", trace: ["Answered 403 feature_not_allowed: This API key may not be used for feature 'x'.", "Field at fault: 'feature'."] } as never);
    expect(stage).toMatchObject({ kind: "before_routing", malformed: false, field: "feature" });
  });

  it("is a policy refusal when the router classified the request but had no model to list", () => {
    expect(decisionStage({ ...base, dataClass: "internal", refusalConstraint: "disabled" })).toEqual({ kind: "refused_by_policy", constraint: "disabled" });
  });
});
