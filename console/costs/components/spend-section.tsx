import Link from "next/link";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { tierColor } from "@/components/charts/palette";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { GRAINS, costSearch, type CostFilters } from "@/lib/analytics/costs/cost-filters";
import type { SpendSeries } from "@/lib/analytics/costs/prepare-spend-series";
import { CsvLink } from "./csv-link";
import { csvHref } from "./csv-href";

export const NO_SPEND = "No spend in this range";

export function SpendSection({ spend, filters }: { spend: SpendSeries; filters: CostFilters }) {
  const grains = (
    <div className="flex items-center gap-2">
      <nav aria-label="Spend granularity" className="flex rounded-md border border-slate-300 text-xs">
        {GRAINS.map((grain) => (
          <Link
            key={grain}
            href={`/costs?${costSearch(filters, { grain })}`}
            aria-current={filters.grain === grain ? "true" : undefined}
            className={cn("px-2.5 py-1 capitalize first:rounded-l-md last:rounded-r-md", filters.grain === grain ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100")}
          >
            {grain}
          </Link>
        ))}
      </nav>
      <CsvLink href={csvHref("spend", filters)} title="Spend over time" />
    </div>
  );
  return (
    <Card id="spend">
      <CardHeader title="Spend over time" description={`Cost per ${filters.grain}, stacked by the tier that served it (${filters.range.timeZone}${filters.grain === "week" ? ", weeks from Monday" : ""}).`} actions={grains} />
      <div className="px-3 py-4">
        {spend.series.length === 0 ? (
          <EmptyState title={NO_SPEND}>Widen the range or clear a filter.</EmptyState>
        ) : (
          <>
            <StackedBarChart
              label="Spend over time by tier"
              data={spend.points}
              categoryKey="label"
              series={spend.series.map((series, index) => ({ key: series.key, label: series.label, color: tierColor(series.tierKey, index) }))}
              valueKind="usd"
            />
            {spend.points.some((point) => point.partial) ? (
              <p className="px-2 pt-2 text-xs text-slate-500" data-testid="partial-period-note">
                Periods marked “(partial)” are only partly inside the range: their lower totals are not a dip.
              </p>
            ) : null}
          </>
        )}
      </div>
    </Card>
  );
}
