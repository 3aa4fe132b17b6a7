// The Costs report below the filters: the section links, the headline figures and every
// section (tables, charts, budgets, break-even), each shown when the report holds its data.
import { BreakEvenSection } from "./break-even-section";
import { BudgetsSection } from "./budgets-section";
import { CostKpis } from "./cost-kpis";
import { csvHref } from "./csv-href";
import { LatencySection } from "./latency-section";
import { ReportTable } from "./report-table";
import { RoutingSection } from "./routing-section";
import { SavingsSection } from "./savings-section";
import { SpendSection } from "./spend-section";
import { rangeDays, type CostFilters } from "@/lib/analytics/costs/cost-filters";
import type { CostReport } from "@/lib/analytics/costs/load-cost-report";

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

export function CostReportSections({ report, filters }: { report: CostReport; filters: CostFilters }) {
  const { spend, breakdown, mix, latency, budgets, breakEven, tables } = report;
  const tierNames = Object.fromEntries([...report.tiers.map((tier) => [tier.key, tier.name]), ["", "Not served"]]);
  return (
    <>
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
