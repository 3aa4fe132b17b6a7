import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BreakEvenSection } from "@/console/costs/components/break-even-section";
import { BudgetsSection } from "@/console/costs/components/budgets-section";
import { CostFilterBar } from "@/console/costs/components/cost-filter-bar";
import { CostKpis } from "@/console/costs/components/cost-kpis";
import { csvHref } from "@/console/costs/components/csv-href";
import { LatencySection } from "@/console/costs/components/latency-section";
import { ReportTable } from "@/console/costs/components/report-table";
import { RoutingSection } from "@/console/costs/components/routing-section";
import { SavingsSection } from "@/console/costs/components/savings-section";
import { SpendSection } from "@/console/costs/components/spend-section";
import { PageHeader } from "@/components/ui/page-header";
import { costSearch, rangeDays, resolveCostFilters, type SearchParams } from "@/lib/analytics/costs/cost-filters";
import { loadCostReport } from "@/lib/analytics/costs/load-cost-report";
import { foldHourFields } from "@/lib/console/time-range";
import { requireArea } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Costs" };

const SECTIONS = [
  ["#by-feature", "By feature"],
  ["#by-endpoint", "By endpoint"],
  ["#spend", "Spend"],
  ["#savings", "Savings"],
  ["#routing", "Routing mix"],
  ["#latency", "Latency"],
  ["#budgets", "Budgets"],
  ["#break-even", "Break-even"],
] as const;

export default async function CostsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea("costs");
  const now = new Date();
  const { params, folded } = foldHourFields(await searchParams);
  const filters = resolveCostFilters(params, now);
  // The filter form sends every field, empty ones and hours too: answer with the clean, shareable URL.
  if (folded || Object.values(params).some((value) => value === "")) redirect(`/costs?${costSearch(filters)}`);
  const report = await loadCostReport(filters, now);
  const { spend, breakdown, mix, latency, budgets, breakEven, tables } = report;
  const tierNames = Object.fromEntries([...report.tiers.map((tier) => [tier.key, tier.name]), ["", "Not served"]]);
  return (
    <>
      <PageHeader
        title="Costs"
        description="Spend, savings against the all-frontier baseline and the routing behind them, from the hourly ledger rolled up by hour and day, in your time zone. Every table exports as CSV with the filters below."
      />
      <CostFilterBar zoneInUrl={typeof params.tz === "string"} filters={filters} features={report.features} teams={report.teams} models={report.modelOptions} keys={report.keys} />
      <nav aria-label="Sections" className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {SECTIONS.map(([href, label]) => (
          <a key={href} href={href} className="text-sky-700 hover:underline">
            {label}
          </a>
        ))}
      </nav>
      {breakdown ? <CostKpis totals={breakdown.totals} /> : null}
      <div className="space-y-6">
        {tables["feature-tier"] ? (
          <section id="by-feature">
            <ReportTable
              table={tables["feature-tier"]}
              csvHref={csvHref("feature-tier", filters)}
              description="What each feature cost on each tier, against what the same tokens would have cost on the frontier baseline. Requests no model answered (refused or failed) are “Not served”."
            />
          </section>
        ) : null}
        {tables.endpoints ? (
          <section id="by-endpoint">
            <ReportTable
              table={tables.endpoints}
              csvHref={csvHref("endpoints", filters)}
              description="What each surface cost: OpenAI chat completions, Anthropic Messages (Claude Code), Responses (Codex, the Agents SDK), embeddings, the native endpoint and the playground. Cached input tokens are those read from the providers' prompt caches; cache savings is what that took off the price."
            />
          </section>
        ) : null}
        {spend ? <SpendSection spend={spend} filters={filters} /> : null}
        {spend && breakdown && tables["savings-by-feature"] ? <SavingsSection spend={spend} totals={breakdown.totals} table={tables["savings-by-feature"]} filters={filters} /> : null}
        {mix && tables["tier-mix"] && tables.escalations && tables.fallbacks && tables.refusals ? (
          <RoutingSection mix={mix} tierNames={tierNames} tables={{ "tier-mix": tables["tier-mix"], escalations: tables.escalations, fallbacks: tables.fallbacks, refusals: tables.refusals }} filters={filters} />
        ) : null}
        {latency && tables.latency ? <LatencySection latency={latency} table={tables.latency} filters={filters} /> : null}
        {budgets && tables.budgets ? <BudgetsSection budgets={budgets} table={tables.budgets} filters={filters} /> : null}
        {breakEven ? <BreakEvenSection blocks={breakEven} days={rangeDays(filters)} filters={filters} /> : null}
      </div>
    </>
  );
}
