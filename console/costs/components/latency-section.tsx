import { GroupedBarChart } from "@/components/charts/grouped-bar-chart";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { CostFilters } from "@/lib/analytics/costs/cost-filters";
import type { ReportTable as ReportTableData } from "@/lib/analytics/costs/report-table";
import type { LatencyReport } from "@/lib/analytics/costs/prepare-latency";
import { csvHref } from "./csv-href";
import { ReportTable } from "./report-table";

export function LatencySection({ latency, table, filters }: { latency: LatencyReport; table: ReportTableData<never>; filters: CostFilters }) {
  const points = latency.tiers.map((tier) => ({ tier: tier.tierName, p50: tier.p50LatencyMs, p95: tier.p95LatencyMs, ttft50: tier.p50TtftMs, ttft95: tier.p95TtftMs }));
  return (
    <Card id="latency">
      <CardHeader
        title="Tokens and latency"
        description="Percentiles come from the rollups' latency histograms (never a scan of raw records): each is the upper bound of the bucket holding it, so it may read up to one bucket high."
      />
      <div className="px-3 py-4">
        {points.length === 0 ? (
          <EmptyState title="No requests in this range">Latency is drawn once requests are recorded.</EmptyState>
        ) : (
          <GroupedBarChart
            label="Latency and time to first token per tier, p50 and p95"
            data={points}
            categoryKey="tier"
            valueKind="ms"
            series={[
              { key: "ttft50", label: "TTFT p50", color: "#bae6fd" },
              { key: "ttft95", label: "TTFT p95", color: "#0ea5e9" },
              { key: "p50", label: "Latency p50", color: "#cbd5e1" },
              { key: "p95", label: "Latency p95", color: "#475569" },
            ]}
          />
        )}
      </div>
      <div className="border-t border-slate-100">
        <ReportTable embedded table={table} csvHref={csvHref("latency", filters)} />
      </div>
    </Card>
  );
}
