import { describe, expect, it } from "vitest";
import { periodLabel, periodsBetween, prepareSpendSeries } from "./prepare-spend-series";
import type { TierInfo } from "./usage-groups";

const tiers: TierInfo[] = [
  { key: "frontier", name: "Closed frontier", rank: 2 },
  { key: "local", name: "Local open-weight", rank: 0 },
  { key: "hosted-open", name: "Hosted open-weight", rank: 1 },
];
const day = (value: string) => new Date(`${value}T00:00:00.000Z`);

describe("periods", () => {
  it("covers the range densely by day, ISO week (Monday) and month", () => {
    expect(periodsBetween(day("2026-11-01"), day("2026-11-03"), "day")).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    // 2026-11-01 is a Sunday: its week starts Monday 2026-10-26.
    expect(periodsBetween(day("2026-11-01"), day("2026-11-10"), "week")).toEqual(["2026-10-26", "2026-11-02", "2026-11-09"]);
    expect(periodsBetween(day("2026-10-15"), day("2026-12-01"), "month")).toEqual(["2026-10-01", "2026-11-01", "2026-12-01"]);
    expect(periodLabel("2026-11-01", "month")).toBe("Nov 2026");
    expect(periodLabel("2026-11-03", "day")).toBe("Nov 3");
  });
});

describe("prepareSpendSeries", () => {
  it("stacks spend by tier, cheapest first, fills quiet days with zero and keeps baseline and savings", () => {
    const series = prepareSpendSeries(
      [
        { period: "2026-11-01", tierKey: "frontier", requests: 2, unpricedRequests: 0, costUsd: 3, baselineCostUsd: 3 },
        { period: "2026-11-01", tierKey: "local", requests: 10, unpricedRequests: 0, costUsd: 0.5, baselineCostUsd: 6 },
        { period: "2026-11-03", tierKey: "", requests: 4, unpricedRequests: 0, costUsd: 0, baselineCostUsd: 0 },
        { period: "2026-11-03", tierKey: "hosted-open", requests: 1, unpricedRequests: 1, costUsd: 0, baselineCostUsd: 0.2 },
      ],
      { from: day("2026-11-01"), to: day("2026-11-03"), grain: "day" },
      tiers,
    );
    // hosted-open only had unpriced traffic (no cost): no series for it; unserved traffic never has one.
    expect(series.series.map((s) => s.key)).toEqual(["tier:local", "tier:frontier"]);
    expect(series.points.map((p) => p.period)).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    expect(series.points[0]).toMatchObject({ "tier:local": 0.5, "tier:frontier": 3, costUsd: 3.5, baselineCostUsd: 9, savingsUsd: 5.5, requests: 12 });
    expect(series.points[1]).toMatchObject({ "tier:local": 0, costUsd: 0, requests: 0 });
    expect(series.points[2]).toMatchObject({ requests: 5, unpricedRequests: 1, baselineCostUsd: 0.2 });
    expect(series.empty).toBe(false);
  });

  it("is empty but dense without data", () => {
    const series = prepareSpendSeries([], { from: day("2026-11-01"), to: day("2026-11-30"), grain: "week" }, tiers);
    expect(series).toMatchObject({ empty: true, series: [] });
    // Weeks from Monday Oct 26 to Monday Nov 30.
    expect(series.points).toHaveLength(6);
  });
});

describe("partial periods", () => {
  it("marks a week or month the range cuts, so a short last period does not read as a dip", () => {
    // Nov 1 (Sunday) to Dec 3 (Thursday): the week of Oct 26 starts before the range, the week of Nov 30 runs past it.
    const weeks = prepareSpendSeries([], { from: day("2026-11-01"), to: day("2026-12-03"), grain: "week" }, tiers).points;
    expect(weeks.filter((point) => point.partial).map((point) => point.period)).toEqual(["2026-10-26", "2026-11-30"]);
    expect(weeks[0]!.label).toBe("Oct 26 (partial)");
    expect(weeks[1]!.label).toBe("Nov 2");
    const months = prepareSpendSeries([], { from: day("2026-11-01"), to: day("2026-12-03"), grain: "month" }, tiers).points;
    expect(months.map((point) => [point.label, point.partial])).toEqual([
      ["Nov 2026", false],
      ["Dec 2026 (partial)", true],
    ]);
  });

  it("never marks days, and not a month the range covers to its last day", () => {
    expect(prepareSpendSeries([], { from: day("2026-11-01"), to: day("2026-11-03"), grain: "day" }, tiers).points.some((point) => point.partial)).toBe(false);
    expect(prepareSpendSeries([], { from: day("2026-11-01"), to: day("2026-11-30"), grain: "month" }, tiers).points[0]!.partial).toBe(false);
  });
});
