// Budgets: month-to-date spend per feature against its monthly budget, the burn rate so far and
// the month-end it projects; features that will run over are at risk. Calendar months in UTC, as
// the gateway's budget counters use. A projection waits for a week of the month: on day 0.9 one
// busy morning would read as "141 % projected". Pure.
import { featureLabel, type FeatureLabel } from "./prepare-cost-breakdown";
import type { FeatureInfo } from "./usage-groups";

export type BudgetStatus = "over" | "at_risk" | "too_early" | "ok" | "no_budget";

export interface BudgetRow extends FeatureLabel {
  monthlyBudgetUsd: number | null;
  monthToDateUsd: number;
  /** Average spend per day elapsed this month. */
  burnPerDayUsd: number;
  /** Null until the month is MIN_PROJECTION_DAYS old. */
  projectedUsd: number | null;
  /** Month-to-date / budget; null without a budget. */
  usedShare: number | null;
  projectedShare: number | null;
  status: BudgetStatus;
}

export interface BudgetReport {
  monthStart: Date;
  daysInMonth: number;
  /** Days elapsed, fractional (today counts by the hour). */
  elapsedDays: number;
  /** False before MIN_PROJECTION_DAYS: no month-end projection, nothing "at risk" (only "over"). */
  projectionReady: boolean;
  rows: BudgetRow[];
  atRisk: number;
}

const DAY_MS = 86_400_000;
/** Below an hour of the month the burn rate is noise: treat the month as an hour old. */
const MIN_ELAPSED_DAYS = 1 / 24;
/** Days of the month a burn rate needs before it projects a month end. */
export const MIN_PROJECTION_DAYS = 7;

export function prepareBudgets(spendByFeature: ReadonlyMap<string, number>, features: readonly FeatureInfo[], now: Date): BudgetReport {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const daysInMonth = Math.round((nextMonth.getTime() - monthStart.getTime()) / DAY_MS);
  const elapsedDays = Math.max(MIN_ELAPSED_DAYS, (now.getTime() - monthStart.getTime()) / DAY_MS);
  const projectionReady = elapsedDays >= MIN_PROJECTION_DAYS;
  const keys = new Set([...features.map((feature) => feature.key), ...spendByFeature.keys()]);
  const rows = [...keys].map((key): BudgetRow => {
    const feature = features.find((candidate) => candidate.key === key);
    const monthToDateUsd = spendByFeature.get(key) ?? 0;
    const burnPerDayUsd = monthToDateUsd / elapsedDays;
    const projectedUsd = projectionReady ? burnPerDayUsd * daysInMonth : null;
    const budget = feature?.monthlyBudgetUsd ?? null;
    const status: BudgetStatus =
      budget === null ? "no_budget" : monthToDateUsd > budget ? "over" : projectedUsd === null ? "too_early" : projectedUsd > budget ? "at_risk" : "ok";
    return {
      ...featureLabel(key, feature?.team ?? "", features),
      monthlyBudgetUsd: budget,
      monthToDateUsd,
      burnPerDayUsd,
      projectedUsd,
      usedShare: budget ? monthToDateUsd / budget : null,
      projectedShare: budget && projectedUsd !== null ? projectedUsd / budget : null,
      status,
    };
  });
  const severity: Record<BudgetStatus, number> = { over: 0, at_risk: 1, too_early: 2, ok: 2, no_budget: 3 };
  rows.sort((a, b) => severity[a.status] - severity[b.status] || (b.projectedShare ?? 0) - (a.projectedShare ?? 0) || a.featureName.localeCompare(b.featureName));
  return { monthStart, daysInMonth, elapsedDays, projectionReady, rows, atRisk: rows.filter((row) => row.status === "over" || row.status === "at_risk").length };
}
