import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CostFilterBar } from "@/console/costs/components/cost-filter-bar";
import { CostReportSections } from "@/console/costs/components/cost-report-sections";
import { PageHeader } from "@/components/ui/page-header";
import { costSearch, resolveCostFilters, type SearchParams } from "@/lib/analytics/costs/cost-filters";
import { loadCostReport } from "@/lib/analytics/costs/load-cost-report";
import { foldHourFields } from "@/lib/console/time-range";
import { requireArea } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Costs" };

export default async function CostsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea("costs");
  const now = new Date();
  const { params, folded } = foldHourFields(await searchParams);
  const filters = resolveCostFilters(params, now);
  // The filter form sends every field, empty ones and hours too: answer with the clean, shareable URL.
  if (folded || Object.values(params).some((value) => value === "")) redirect(`/costs?${costSearch(filters)}`);
  const report = await loadCostReport(filters, now);
  return (
    <>
      <PageHeader
        title="Costs"
        description="Spend, savings against the all-frontier baseline and the routing behind them, from the hourly ledger rolled up by hour and day, in your time zone. Every table exports as CSV with the filters below."
      />
      <CostFilterBar zoneInUrl={typeof params.tz === "string"} filters={filters} features={report.features} teams={report.teams} models={report.modelOptions} keys={report.keys} />
      <CostReportSections report={report} filters={filters} />
    </>
  );
}
