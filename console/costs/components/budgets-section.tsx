import type { CostFilters } from "@/lib/analytics/costs/cost-filters";
import type { ReportTable as ReportTableData } from "@/lib/analytics/costs/report-table";
import type { BudgetReport } from "@/lib/analytics/costs/prepare-budgets";
import { formatUtcMonth } from "@/lib/analytics/costs/utc-month";
import { csvHref } from "./csv-href";
import { ReportTable } from "./report-table";

export function BudgetsSection({ budgets, table, filters }: { budgets: BudgetReport; table: ReportTableData<never>; filters: CostFilters }) {
  const elapsed = budgets.elapsedDays.toFixed(1);
  return (
    <section id="budgets">
      <ReportTable
        table={table}
        csvHref={csvHref("budgets", filters)}
        description={`${formatUtcMonth(budgets.monthStart)}, day ${elapsed} of ${budgets.daysInMonth} (UTC), whatever the date range above. Burn rate = month-to-date ÷ days elapsed; projected month end = burn rate × ${budgets.daysInMonth} days. ${
          budgets.atRisk > 0 ? `${budgets.atRisk} ${budgets.atRisk === 1 ? "feature is" : "features are"} over or projected over budget.` : "No feature is projected over budget."
        } Model and key filters do not apply here: budgets are per feature.`}
      />
    </section>
  );
}
