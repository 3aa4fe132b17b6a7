import { describe, expect, it } from "vitest";
import { prepareBudgets } from "@/lib/analytics/costs/prepare-budgets";
import { FEATURES, TIERS, group, reason } from "@/lib/analytics/costs/usage-fixtures";
import { bucketIndex, emptyBuckets } from "@/lib/ledger/histogram";
import { MALFORMED } from "@/lib/gateway/records/pre-routing-refusal";
import { gatewayBaseUrl, overviewSections, prepareAudit, prepareEngineering, prepareFinance, setupChecklist } from "./overview-figures";

const buckets = (values: number[]) => {
  const counts = emptyBuckets();
  for (const value of values) counts[bucketIndex(value)]! += 1;
  return counts;
};

describe("overviewSections", () => {
  it("gives each role its own cards and admins all of them", () => {
    expect(overviewSections("admin")).toEqual(["engineering", "finance", "audit"]);
    expect(overviewSections("engineer")).toEqual(["engineering"]);
    expect(overviewSections("finance")).toEqual(["finance"]);
    expect(overviewSections("auditor")).toEqual(["audit"]);
  });
});

describe("prepareEngineering", () => {
  it("rates errors and refusals over well-formed requests and reads p50/p95 from served requests only", () => {
    const usage = [
      group({ tierKey: "local", requests: 8, served: 7, errors: 1, latencyBuckets: buckets([40, 40, 40, 40, 40, 40, 40, 2500]) }),
      group({ tierKey: "", requests: 4, refused: 4, latencyBuckets: buckets([1, 1, 1, 1]) }),
    ];
    const reasons = [
      reason({ status: "success", requests: 6, tierKey: "local" }),
      reason({ status: "fallback_success", requests: 1, fallbacks: 1, tierKey: "local", fallbackCause: "timeout" }),
      reason({ status: "error", requests: 1, tierKey: "local" }),
      reason({ status: "refused", requests: 2, tierKey: "", refusalConstraint: "data_class" }),
      reason({ status: "refused", requests: 2, tierKey: "", refusalConstraint: MALFORMED }),
    ];
    const health = [
      { key: "sim", state: "closed" as const, recentCalls: 3, recentErrorRate: 0, consecutiveFailures: 0, lastError: null, openedAt: null, reopensAt: null },
      { key: "openai", state: "open" as const, recentCalls: 5, recentErrorRate: 1, consecutiveFailures: 5, lastError: null, openedAt: null, reopensAt: null },
    ];
    const figures = prepareEngineering(usage, reasons, FEATURES, TIERS, health);
    expect(figures).toMatchObject({ requests: 12, malformed: 2, fallbacks: 1, unhealthy: 1, p50LatencyMs: 50, p95LatencyMs: 3000 });
    expect(figures.errorRate).toBeCloseTo(1 / 10, 10);
    expect(figures.refusalRate).toBeCloseTo(2 / 10, 10);
  });

  it("says nothing (null), not 0 %, when there was no traffic", () => {
    expect(prepareEngineering([], [], FEATURES, TIERS, [])).toMatchObject({ requests: 0, errorRate: null, refusalRate: null, p50LatencyMs: null });
  });
});

describe("prepareFinance", () => {
  it("totals the month and lists budgets over or projected over, but projects nothing before day 7", () => {
    const usage = [group({ requests: 10, served: 10, costUsd: 30, baselineCostUsd: 120 }), group({ featureKey: "code-assist", tierKey: "frontier", requests: 2, served: 2, costUsd: 10, baselineCostUsd: 10 })];
    const spend = new Map([["support-summaries", 300], ["code-assist", 2100]]);
    const early = prepareFinance(usage, prepareBudgets(spend, FEATURES, new Date("2026-11-02T00:00:00Z")));
    expect(early.monthToDate).toMatchObject({ costUsd: 40, baselineCostUsd: 130, savingsUsd: 90 });
    expect(early.projectionReady).toBe(false);
    expect(early.budgetsAtRisk.map((row) => [row.featureKey, row.status])).toEqual([["code-assist", "over"]]);
    const later = prepareFinance(usage, prepareBudgets(spend, FEATURES, new Date("2026-11-11T00:00:00Z")));
    expect(later.budgetsAtRisk.map((row) => [row.featureKey, row.status])).toEqual([["code-assist", "over"], ["support-summaries", "at_risk"]]);
    expect(later.budgetsTracked).toBe(2);
  });
});

describe("prepareAudit", () => {
  it("counts refusals by constraint, malformed requests apart", () => {
    const figures = prepareAudit([], [reason({ status: "refused", requests: 3, tierKey: "", refusalConstraint: "data_class" }), reason({ status: "refused", requests: 5, tierKey: "", refusalConstraint: MALFORMED }), reason({ status: "success", requests: 2 })], FEATURES, TIERS);
    expect(figures.refused).toBe(3);
    expect(figures.refusalConstraints.map((row) => [row.cause, row.requests])).toEqual([["data_class", 3]]);
  });
});

describe("setupChecklist", () => {
  it("marks each step done from the configuration, simulators not counting as a real provider", () => {
    const steps = setupChecklist({ providers: 2, simulatedProviders: 2, enabledModels: 3, activeKeys: 0, publishedVersions: 1 });
    expect(steps.map((step) => [step.key, step.done])).toEqual([["providers", false], ["models", true], ["key", false], ["publish", true]]);
    expect(steps[0]!.detail).toContain("Only simulators");
  });
});

describe("gatewayBaseUrl", () => {
  const headers = (entries: Record<string, string>) => ({ get: (name: string) => entries[name] ?? null });
  it("uses the host the visitor reached, and a proxy's forwarded host and protocol", () => {
    expect(gatewayBaseUrl(headers({ host: "localhost:3240" }), "http://x")).toBe("http://localhost:3240/api/v1");
    expect(gatewayBaseUrl(headers({ host: "10.0.0.5:3000", "x-forwarded-host": "switchyard.example.com", "x-forwarded-proto": "https" }), "http://x")).toBe("https://switchyard.example.com/api/v1");
  });
  it("falls back to the configured origin for a missing or hostile host", () => {
    expect(gatewayBaseUrl(headers({ host: "evil.com/<script>" }), "https://console.example/")).toBe("https://console.example/api/v1");
    expect(gatewayBaseUrl(headers({}), "http://localhost:3000")).toBe("http://localhost:3000/api/v1");
  });
});
