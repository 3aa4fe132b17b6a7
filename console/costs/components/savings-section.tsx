import { LineChart } from "@/components/charts/line-chart";
import { BASELINE_COLOR, COST_COLOR, SAVINGS_COLOR } from "@/components/charts/palette";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { CostFilters } from "@/lib/analytics/costs/cost-filters";
import type { ReportTable as ReportTableData } from "@/lib/analytics/costs/report-table";
import { formatShare } from "@/lib/analytics/format-report";
import type { SpendSeries } from "@/lib/analytics/costs/prepare-spend-series";
import type { MoneyTotals } from "@/lib/analytics/costs/usage-groups";
import { formatUsd } from "@/lib/format";
import { csvHref } from "./csv-href";
import { ReportTable } from "./report-table";
import { NO_SPEND } from "./spend-section";

export function SavingsSection({ spend, totals, table, filters }: { spend: SpendSeries; totals: MoneyTotals; table: ReportTableData<never>; filters: CostFilters }) {
  return (
    <Card id="savings">
      <CardHeader
        title="Savings against the all-frontier baseline"
        description="The baseline is what the same tokens would have cost on the designated frontier baseline model. Savings = baseline − actual."
      />
      <div className="grid gap-4 border-b border-slate-100 px-5 py-4 md:grid-cols-3">
        <p>
          <span className="block text-xs font-medium text-slate-500">Saved</span>
          <span className="text-xl font-semibold tabular-nums text-emerald-700" data-testid="savings-total">
            {formatUsd(totals.savingsUsd)}
          </span>{" "}
          <span className="text-sm text-slate-600">({formatShare(totals.savingsShare)} of {formatUsd(totals.baselineCostUsd)})</span>
        </p>
        <p>
          <span className="block text-xs font-medium text-slate-500">Traffic with a known price</span>
          <span className="text-xl font-semibold tabular-nums text-slate-900">{formatShare(totals.pricedShare)}</span>{" "}
          <span className="text-sm text-slate-600">of served requests</span>
        </p>
        <p>
          <span className="block text-xs font-medium text-slate-500">Unpriced requests</span>
          <span className={`text-xl font-semibold tabular-nums ${totals.unpricedRequests > 0 ? "text-amber-700" : "text-slate-900"}`}>{totals.unpricedRequests.toLocaleString("en-US")}</span>{" "}
          <span className="text-sm text-slate-600">counted, not priced at zero</span>
        </p>
      </div>
      <div className="px-3 py-4">
        {/* No flat $0 lines: with nothing spent and no baseline there is nothing to draw. */}
        {spend.points.every((point) => point.costUsd === 0 && point.baselineCostUsd === 0) ? (
          <EmptyState title={NO_SPEND}>Nothing to compare against the baseline.</EmptyState>
        ) : (
          <LineChart
            label="Actual cost against the all-frontier baseline over time"
            data={spend.points}
            categoryKey="label"
            valueKind="usd"
            series={[
              { key: "baselineCostUsd", label: "All-frontier baseline", color: BASELINE_COLOR, dashed: true },
              { key: "costUsd", label: "Actual cost", color: COST_COLOR },
              { key: "savingsUsd", label: "Savings", color: SAVINGS_COLOR },
            ]}
          />
        )}
      </div>
      <div className="border-t border-slate-100">
        <ReportTable embedded table={table} csvHref={csvHref("savings-by-feature", filters)} description="Rows with unpriced requests are highlighted: their savings are overstated by the unpriced share." />
      </div>
    </Card>
  );
}
