import { formatUsd } from "@/lib/format";
import type { FinanceFigures } from "@/console/overview/overview-figures";
import { SectionTitle, StatCard, percent } from "./stat-card";

export function FinanceSection({ figures }: { figures: FinanceFigures }) {
  const { monthToDate } = figures;
  const costs = "/costs?preset=mtd&tz=UTC";
  const day = `day ${figures.elapsedDays.toFixed(1)} of ${figures.daysInMonth}`;
  const atRisk = figures.budgetsAtRisk;
  return (
    <section aria-label="Spend" data-testid="overview-finance">
      <SectionTitle title="Spend, this month (UTC)" description={`Month to date, ${day}; savings are against sending every request to the frontier baseline.`} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <StatCard href={costs} label="Spend, month to date" value={formatUsd(monthToDate.costUsd)} hint={`${formatUsd(monthToDate.baselineCostUsd)} at the all-frontier baseline`} testId="card-mtd-spend" />
        <StatCard href={costs} label="Saved against the baseline" value={formatUsd(monthToDate.savingsUsd)} hint={monthToDate.savingsShare === null ? "no baseline yet" : `${percent(monthToDate.savingsShare)} of the baseline`} testId="card-savings" />
        <StatCard
          href={`${costs}#budgets`}
          label="Budgets at risk"
          tone={atRisk.some((row) => row.status === "over") ? "danger" : atRisk.length > 0 ? "warning" : "neutral"}
          value={figures.projectionReady || atRisk.length > 0 ? `${atRisk.length} of ${figures.budgetsTracked}` : "Too early to project"}
          hint={
            figures.projectionReady
              ? atRisk.length > 0
                ? atRisk.map((row) => `${row.featureName} ${row.status === "over" ? "over budget" : `${percent(row.projectedShare)} projected`}`).join(" · ")
                : "No budget projected over"
              : `Projections start on day 7; ${atRisk.length > 0 ? "already over: " + atRisk.map((row) => row.featureName).join(", ") : "none over so far"}`
          }
          testId="card-budgets"
        />
      </div>
    </section>
  );
}
