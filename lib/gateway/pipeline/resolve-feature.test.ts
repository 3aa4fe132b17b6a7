import { describe, expect, it } from "vitest";
import type { AppKey } from "../auth/authenticate";
import type { LoadedPolicy } from "../instance/policy-store";
import { resolveFeature } from "./resolve-feature";

const policy = { features: new Map([["payroll", {}], ["support", {}]]) } as unknown as LoadedPolicy;
const key = (overrides: Partial<AppKey> = {}): AppKey => ({ id: "k", prefix: "sy_x", name: "k", rateLimitPerMinute: null, defaultFeatureKey: null, featureKeys: [], ...overrides });

describe("resolveFeature", () => {
  it("lets an unscoped key name no feature", () => {
    expect(resolveFeature(null, key(), policy)).toBeNull();
  });

  it("refuses a scoped key without a default that names no feature, naming the allowed ones", () => {
    const error = (() => {
      try {
        resolveFeature(null, key({ featureKeys: ["payroll"] }), policy);
      } catch (caught) {
        return caught as { status: number; toBody(): { error: Record<string, unknown> } };
      }
    })();
    expect(error?.status).toBe(400);
    expect(error?.toBody().error).toMatchObject({ type: "invalid_request_error", code: "feature_required", param: "feature", message: expect.stringContaining("Allowed: payroll") });
  });

  it("uses a scoped key's default, and its named feature", () => {
    expect(resolveFeature(null, key({ featureKeys: ["payroll", "support"], defaultFeatureKey: "payroll" }), policy)).toBe("payroll");
    expect(resolveFeature("support", key({ featureKeys: ["payroll", "support"] }), policy)).toBe("support");
  });

  it("refuses a feature outside the scope (403) and an unknown one (400)", () => {
    expect(() => resolveFeature("support", key({ featureKeys: ["payroll"] }), policy)).toThrow(expect.objectContaining({ status: 403, code: "feature_not_allowed" }));
    expect(() => resolveFeature("nope", key(), policy)).toThrow(expect.objectContaining({ status: 400, code: "unknown_feature" }));
  });
});
