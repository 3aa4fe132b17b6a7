import { describe, expect, it } from "vitest";
import { causeLabel, prepareRoutingMix } from "./prepare-routing-mix";
import { FEATURES, TIERS, group, reason } from "./usage-fixtures";

describe("prepareRoutingMix", () => {
  const groups = [
    group({ requests: 70, inputTokens: 7000, outputTokens: 1000 }),
    group({ tierKey: "hosted-open", modelAlias: "deepseek-v3", requests: 20, inputTokens: 20_000, outputTokens: 2000 }),
    group({ featureKey: "code-assist", team: "Platform", tierKey: "frontier", modelAlias: "claude-sonnet", requests: 6, inputTokens: 50_000, outputTokens: 3000 }),
    group({ featureKey: "code-assist", team: "Platform", tierKey: "", modelAlias: "", requests: 4 }),
  ];
  const reasons = [
    reason({ requests: 68 }),
    reason({ status: "fallback_success", escalationReason: "none", fallbackCause: "rate_limited", requests: 2, fallbacks: 2 }),
    reason({ tierKey: "hosted-open", escalationReason: "context", requests: 15 }),
    reason({ tierKey: "hosted-open", status: "fallback_success", escalationReason: "health", fallbackCause: "timeout", requests: 5, fallbacks: 5 }),
    reason({ tierKey: "frontier", escalationReason: "difficulty", requests: 5 }),
    reason({ tierKey: "frontier", status: "error", escalationReason: "", fallbackCause: "unavailable", requests: 1, fallbacks: 1 }),
    reason({ tierKey: "", status: "refused", escalationReason: "", refusalConstraint: "data_class", requests: 3 }),
    reason({ tierKey: "", status: "refused", escalationReason: "", refusalConstraint: "", requests: 1 }),
  ];
  const mix = prepareRoutingMix(groups, reasons, FEATURES, TIERS);

  it("shares requests and tokens per tier, cheapest first, not served last", () => {
    expect(mix.tiers.map((row) => [row.tierKey, row.requests, Number(row.requestShare.toFixed(2))])).toEqual([
      ["local", 70, 0.7],
      ["hosted-open", 20, 0.2],
      ["frontier", 6, 0.06],
      ["", 4, 0.04],
    ]);
    expect(mix.tiers[2]!.tokenShare).toBeCloseTo(53_000 / 83_000, 10);
    expect(mix.features[0]).toMatchObject({ featureKey: "support-summaries", requests: 90, byTier: { local: 70, "hosted-open": 20 } });
  });

  it("measures escalation on served requests above the cheapest tier, by reason", () => {
    // Served: 68 + 2 + 15 + 5 + 5 = 95; above local: 15 + 5 + 5 = 25 (the error is not served).
    expect(mix).toMatchObject({ served: 95, escalated: 25 });
    expect(mix.escalationRate).toBeCloseTo(25 / 95, 10);
    expect(mix.escalationReasons.map((row) => [row.cause, row.requests])).toEqual([
      ["context", 15],
      ["difficulty", 5],
      ["health", 5],
    ]);
  });

  it("measures fallbacks on routed requests and refusals on all, each by cause", () => {
    expect(mix).toMatchObject({ attempted: 96, fellBack: 8, requests: 100, refused: 4 });
    expect(mix.fallbackCauses.map((row) => [row.cause, row.requests, row.share])).toEqual([
      ["timeout", 5, 5 / 8],
      ["rate_limited", 2, 2 / 8],
      ["unavailable", 1, 1 / 8],
    ]);
    expect(mix.refusalConstraints.map((row) => [row.cause, row.requests])).toEqual([
      ["data_class", 3],
      ["", 1],
    ]);
    expect(mix.refusalConstraints[1]!.label).toMatch(/before routing/i);
  });

  it("counts malformed requests apart: not refusals, not in the refusal rate's base", () => {
    const withBadInput = prepareRoutingMix(groups, [...reasons, reason({ tierKey: "", status: "refused", escalationReason: "", refusalConstraint: "malformed", requests: 10 })], FEATURES, TIERS);
    expect(withBadInput).toMatchObject({ requests: 110, refused: 4, malformed: 10 });
    expect(withBadInput.refusalRate).toBeCloseTo(4 / 100, 10);
    expect(withBadInput.refusalConstraints.map((row) => row.cause)).not.toContain("malformed");
    expect(causeLabel("refusal", "malformed")).toMatch(/malformed/i);
  });

  it("labels causes in words, and unknown ones as themselves", () => {
    expect(causeLabel("escalation", "context")).toMatch(/^Context/);
    expect(causeLabel("fallback", "rate_limited")).toBe("Rate limited upstream");
    expect(causeLabel("refusal", "something_new")).toBe("something_new");
  });
});
