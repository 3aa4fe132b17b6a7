import { describe, expect, it } from "vitest";
import { costSearch, isoDay, presetRange, rangeDays, rangeSlug, resolveCostFilters } from "./cost-filters";

const now = new Date("2026-11-21T15:30:00.000Z");
const days = (filters: { from: Date; to: Date }) => [isoDay(filters.from), isoDay(filters.to)];

describe("cost filters", () => {
  it("defaults to the last 30 days, by day, all traffic", () => {
    const filters = resolveCostFilters({}, now);
    expect(days(filters)).toEqual(["2026-10-23", "2026-11-21"]);
    expect(filters).toMatchObject({ preset: "last-30", grain: "day", traffic: "all", feature: null });
    expect(rangeDays(filters)).toBe(30);
  });

  it("resolves last month, including across a year boundary", () => {
    expect(days(presetRange("last-month", now))).toEqual(["2026-10-01", "2026-10-31"]);
    expect(days(presetRange("last-month", new Date("2027-01-05T00:00:00Z")))).toEqual(["2026-12-01", "2026-12-31"]);
    expect(days(presetRange("mtd", now))).toEqual(["2026-11-01", "2026-11-21"]);
  });

  it("takes explicit days, swaps a reversed range and ignores nonsense", () => {
    expect(days(resolveCostFilters({ from: "2026-11-10", to: "2026-11-01" }, now))).toEqual(["2026-11-01", "2026-11-10"]);
    const nonsense = resolveCostFilters({ from: "2026-02-30", to: "yesterday", grain: "hour", traffic: "fake" }, now);
    expect(nonsense).toMatchObject({ preset: "last-30", grain: "day", traffic: "all" });
    expect(resolveCostFilters({ from: "2026-11-01" }, now).preset).toBeNull();
  });

  it("caps the range at 400 days, keeping its end", () => {
    const filters = resolveCostFilters({ from: "2020-01-01", to: "2026-11-21" }, now);
    expect(rangeDays(filters)).toBe(400);
    expect(isoDay(filters.to)).toBe("2026-11-21");
  });

  it("writes shareable query strings: presets stay presets, defaults are left out", () => {
    const filters = resolveCostFilters({ preset: "last-month", feature: "code-assist", grain: "week" }, now);
    expect(costSearch(filters)).toBe("preset=last-month&grain=week&feature=code-assist");
    expect(costSearch(filters, { grain: "day", feature: null })).toBe("preset=last-month");
    expect(costSearch(filters, { from: "2026-09-01", to: "2026-09-30" })).toBe("from=2026-09-01&to=2026-09-30&grain=week&feature=code-assist");
    const roundTrip = resolveCostFilters(Object.fromEntries(new URLSearchParams(costSearch(filters))), now);
    expect(roundTrip).toEqual(filters);
    expect(rangeSlug(filters)).toBe("2026-10-01_to_2026-10-31");
  });

  it("filters by a known endpoint only, and keeps it in shared links", () => {
    expect(resolveCostFilters({}, now).endpoint).toBeNull();
    expect(resolveCostFilters({ endpoint: "bogus" }, now).endpoint).toBeNull();
    const filters = resolveCostFilters({ preset: "last-7", endpoint: "messages", feature: "code-assist" }, now);
    expect(filters.endpoint).toBe("messages");
    expect(costSearch(filters)).toBe("preset=last-7&feature=code-assist&endpoint=messages");
    expect(costSearch(filters, { endpoint: "responses" })).toBe("preset=last-7&feature=code-assist&endpoint=responses");
    expect(costSearch(filters, { endpoint: null })).toBe("preset=last-7&feature=code-assist");
    expect(resolveCostFilters(Object.fromEntries(new URLSearchParams(costSearch(filters))), now)).toEqual(filters);
  });
});
