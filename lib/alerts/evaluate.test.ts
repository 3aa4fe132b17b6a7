import { describe, expect, it } from "vitest";
import { ALL_TRAFFIC, budgetPeriod, dueBudgetAlerts, dueCircuitAlerts, spikeStep, spikeSubjects, type AlertRuleView } from "./evaluate";

const rule = (over: Partial<AlertRuleView>): AlertRuleView => ({ id: "r1", name: "Rule", kind: "budget_threshold", thresholdPercent: 80, featureKey: null, windowMinutes: null, minRequests: null, providerKey: null, ...over });
const now = new Date("2026-12-03T12:00:00Z");

describe("budget thresholds", () => {
  it("fires for each feature at or past the threshold, with its numbers and the month as period", () => {
    const due = dueBudgetAlerts([rule({})], { a: 400, b: 399.99, c: 900 }, { a: 500, b: 500, c: 1000, d: null }, now);
    expect(due.map((alert) => alert.subject)).toEqual(["a", "c"]);
    expect(due[0]).toMatchObject({ period: "2026-12", values: { spentUsd: 400, budgetUsd: 500, percent: 80, thresholdPercent: 80, month: "2026-12" } });
  });

  it("watches only the rule's feature when it names one, and skips features without a budget", () => {
    const rules = [rule({ featureKey: "b", thresholdPercent: 100 }), rule({ id: "r2", featureKey: "none", thresholdPercent: 1 })];
    expect(dueBudgetAlerts(rules, { a: 999, b: 500, none: 5 }, { a: 500, b: 500, none: null }, now).map((alert) => [alert.rule.id, alert.subject])).toEqual([["r1", "b"]]);
  });

  it("does not fire below the threshold or with a zero budget", () => {
    expect(dueBudgetAlerts([rule({ thresholdPercent: 100 })], { a: 499.99, z: 1 }, { a: 500, z: 0 }, now)).toEqual([]);
  });

  it("gives the same period all month (once per month) and a new one next month", () => {
    expect(budgetPeriod(new Date("2026-12-01T00:00:00Z"))).toBe(budgetPeriod(new Date("2026-12-31T23:59:59Z")));
    expect(budgetPeriod(new Date("2027-01-01T00:00:00Z"))).toBe("2027-01");
  });
});

describe("refusal spikes", () => {
  const spike = rule({ kind: "refusal_spike", thresholdPercent: 20, windowMinutes: 5, minRequests: 10 });

  it("fires once when armed and the share exceeds the threshold with enough requests", () => {
    expect(spikeStep(spike, { requests: 10, refused: 3 }, false)).toEqual({ fire: true, firing: true, percent: 30 });
    expect(spikeStep(spike, { requests: 10, refused: 3 }, true)).toEqual({ fire: false, firing: true, percent: 30 });
  });

  it("needs the minimum number of requests and a share strictly above the threshold", () => {
    expect(spikeStep(spike, { requests: 9, refused: 9 }, false).fire).toBe(false);
    expect(spikeStep(spike, { requests: 10, refused: 2 }, false).fire).toBe(false);
  });

  it("re-arms only when the share falls back at or below the threshold, not on a quiet window", () => {
    expect(spikeStep(spike, { requests: 3, refused: 0 }, true).firing).toBe(true);
    const recovered = spikeStep(spike, { requests: 20, refused: 4 }, true);
    expect(recovered).toEqual({ fire: false, firing: false, percent: 20 });
    expect(spikeStep(spike, { requests: 10, refused: 5 }, recovered.firing).fire).toBe(true);
  });

  it("sums every feature for an overall rule and reads one feature otherwise", () => {
    const counts = { a: { requests: 5, refused: 1 }, b: { requests: 7, refused: 6 } };
    expect(spikeSubjects(spike, counts)).toEqual([{ subject: ALL_TRAFFIC, counts: { requests: 12, refused: 7 } }]);
    expect(spikeSubjects({ ...spike, featureKey: "c" }, counts)).toEqual([{ subject: "c", counts: { requests: 0, refused: 0 } }]);
  });
});

describe("circuit openings", () => {
  it("fires the rules for that provider or any provider, one period per opening", () => {
    const rules = [rule({ id: "any", kind: "circuit_open" }), rule({ id: "other", kind: "circuit_open", providerKey: "other" }), rule({ id: "budget" })];
    const due = dueCircuitAlerts(rules, "acme", now, new Date("2026-12-03T12:00:30Z"), "HTTP 503");
    expect(due.map((alert) => alert.rule.id)).toEqual(["any"]);
    expect(due[0]).toMatchObject({ subject: "acme", period: now.toISOString(), values: { openUntil: "2026-12-03T12:00:30.000Z", lastError: "HTTP 503" } });
  });
});
