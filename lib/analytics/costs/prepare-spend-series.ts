// Spend over time, stacked by tier, and actual-vs-baseline over time: dense series (every period
// of the range present, zero when quiet) ready for the charts. Pure.
import type { Grain } from "./cost-filters";
import { orderedTierKeys, type SpendGroup, type TierInfo } from "./usage-groups";

const DAY_MS = 86_400_000;

/** First day of the period holding `day` (weeks start on Monday, as Postgres' date_trunc). */
export function periodStart(day: Date, grain: Grain): Date {
  if (grain === "month") return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  if (grain === "week") return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
}

function nextPeriod(start: Date, grain: Grain): Date {
  if (grain === "month") return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return new Date(start.getTime() + (grain === "week" ? 7 : 1) * DAY_MS);
}

/**
 * A period the range does not cover whole. `from` and `to` are the first and last calendar days
 * (inclusive), as the filters resolve them; days are always whole, so only weeks and months are cut.
 */
export function isPartialPeriod(period: string, range: { from: Date; to: Date; grain: Grain }): boolean {
  if (range.grain === "day") return false;
  const start = new Date(`${period}T00:00:00.000Z`);
  const end = nextPeriod(start, range.grain);
  return start.getTime() < periodStart(range.from, "day").getTime() || end.getTime() > periodStart(range.to, "day").getTime() + DAY_MS;
}

/** Every period touching [from, to], first days as "YYYY-MM-DD". */
export function periodsBetween(from: Date, to: Date, grain: Grain): string[] {
  const periods: string[] = [];
  for (let at = periodStart(from, grain); at <= to; at = nextPeriod(at, grain)) periods.push(at.toISOString().slice(0, 10));
  return periods;
}

/** "Nov 3" for days and weeks ("week of"), "Nov 2026" for months. */
export function periodLabel(period: string, grain: Grain): string {
  const date = new Date(`${period}T00:00:00.000Z`);
  const options: Intl.DateTimeFormatOptions = grain === "month" ? { month: "short", year: "numeric", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat("en-US", options).format(date);
}

export interface SeriesKey {
  /** The data key in each point, e.g. "tier:local". */
  key: string;
  label: string;
  tierKey: string;
}

/** One point per period; tier series under their keys ("tier:<key>"), plus totals. */
export interface SpendPoint {
  period: string;
  label: string;
  costUsd: number;
  baselineCostUsd: number;
  savingsUsd: number;
  requests: number;
  unpricedRequests: number;
  /** The range covers only part of this period (a week or month cut by From or To): lower totals are not a dip. */
  partial: boolean;
  [tierSeries: `tier:${string}`]: number;
}

export interface SpendSeries {
  series: SeriesKey[];
  points: SpendPoint[];
  /** True when a period has no rows at all (the chart shows it as zero). */
  empty: boolean;
}

export function prepareSpendSeries(groups: readonly SpendGroup[], range: { from: Date; to: Date; grain: Grain }, tiers: readonly TierInfo[]): SpendSeries {
  const tierKeys = orderedTierKeys(tiers, groups.map((group) => group.tierKey));
  // Only tiers with spend get a series; unserved requests cost nothing and have no tier.
  const spent = new Set(groups.filter((group) => group.costUsd !== 0 && group.tierKey !== "").map((group) => group.tierKey));
  const series = tierKeys.filter((key) => spent.has(key)).map((key) => ({ key: `tier:${key}`, label: tiers.find((tier) => tier.key === key)?.name ?? key, tierKey: key }));
  const points = new Map<string, SpendPoint>();
  for (const period of periodsBetween(range.from, range.to, range.grain)) {
    const partial = isPartialPeriod(period, range);
    const label = `${periodLabel(period, range.grain)}${partial ? " (partial)" : ""}`;
    const point: SpendPoint = { period, label, costUsd: 0, baselineCostUsd: 0, savingsUsd: 0, requests: 0, unpricedRequests: 0, partial };
    for (const { key } of series) point[key as `tier:${string}`] = 0;
    points.set(period, point);
  }
  for (const group of groups) {
    const point = points.get(group.period);
    if (!point) continue;
    point.costUsd += group.costUsd;
    point.baselineCostUsd += group.baselineCostUsd;
    point.requests += group.requests;
    point.unpricedRequests += group.unpricedRequests;
    if (spent.has(group.tierKey)) point[`tier:${group.tierKey}`] = (point[`tier:${group.tierKey}`] ?? 0) + group.costUsd;
  }
  for (const point of points.values()) point.savingsUsd = point.baselineCostUsd - point.costUsd;
  return { series, points: [...points.values()], empty: groups.length === 0 };
}
