import { describe, expect, it } from "vitest";
import { prepareBudgets } from "./prepare-budgets";
import { FEATURES } from "./usage-fixtures";

describe("prepareBudgets", () => {
  // 10 days into a 30-day month.
  const now = new Date("2026-11-11T00:00:00.000Z");

  it("projects month end from the burn rate so far and flags features at risk or over", () => {
    const report = prepareBudgets(new Map([["support-summaries", 200], ["code-assist", 2100], ["research-notebook", 50]]), FEATURES, now);
    expect(report).toMatchObject({ daysInMonth: 30, elapsedDays: 10, atRisk: 2 });
    expect(report.rows.map((row) => [row.featureKey, row.status])).toEqual([
      ["code-assist", "over"],
      ["support-summaries", "at_risk"],
      ["research-notebook", "no_budget"],
    ]);
    const support = report.rows[1]!;
    expect(support).toMatchObject({ monthToDateUsd: 200, burnPerDayUsd: 20, projectedUsd: 600, usedShare: 0.4, projectedShare: 1.2 });
  });

  it("keeps a feature on track when its projection fits, and lists spend of features with no row", () => {
    const report = prepareBudgets(new Map([["support-summaries", 100], ["", 5]]), FEATURES, now);
    expect(report.rows.find((row) => row.featureKey === "support-summaries")).toMatchObject({ status: "ok", projectedUsd: 300 });
    expect(report.rows.find((row) => row.featureKey === "")).toMatchObject({ featureName: "No feature", status: "no_budget" });
    expect(report.rows.find((row) => row.featureKey === "code-assist")).toMatchObject({ monthToDateUsd: 0, status: "ok" });
  });

  it("does not divide by a near-zero elapsed time at the start of a month", () => {
    const report = prepareBudgets(new Map([["support-summaries", 1]]), FEATURES, new Date("2026-11-01T00:00:01.000Z"));
    expect(report.elapsedDays).toBeCloseTo(1 / 24, 10);
    expect(report.rows.find((row) => row.featureKey === "support-summaries")!.burnPerDayUsd).toBeCloseTo(24, 10);
  });

  it("waits for a week of the month before projecting: day 0.9 says too early, not 141 %", () => {
    // support-summaries has a $500 budget: $21 by 21:36 on the 1st would project ~$700 (141 %).
    const early = prepareBudgets(new Map([["support-summaries", 21], ["code-assist", 2100]]), FEATURES, new Date("2026-11-01T21:36:00.000Z"));
    expect(early.projectionReady).toBe(false);
    expect(early.rows.find((row) => row.featureKey === "support-summaries")).toMatchObject({ status: "too_early", projectedUsd: null, projectedShare: null });
    // Already over is over, whatever the day.
    expect(early.rows.find((row) => row.featureKey === "code-assist")).toMatchObject({ status: "over" });
    expect(early.atRisk).toBe(1);
    const week = prepareBudgets(new Map([["support-summaries", 150]]), FEATURES, new Date("2026-11-08T00:00:00.000Z"));
    expect(week.projectionReady).toBe(true);
    expect(week.rows.find((row) => row.featureKey === "support-summaries")).toMatchObject({ status: "at_risk" });
  });
});
