import { GroupedBarChart } from "@/components/charts/grouped-bar-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { tierColor } from "@/components/charts/palette";
import { Card, CardHeader } from "@/components/ui/card";
import type { CostFilters } from "@/lib/analytics/costs/cost-filters";
import type { CostTableId, ReportTable as ReportTableData } from "@/lib/analytics/costs/report-table";
import { formatShare } from "@/lib/analytics/format-report";
import type { RoutingMix } from "@/lib/analytics/costs/prepare-routing-mix";
import { formatInteger } from "@/lib/format";
import { CsvLink } from "./csv-link";
import { csvHref } from "./csv-href";
import { ReportTable } from "./report-table";

function Rate({ label, rate, part, whole, what, testId }: { label: string; rate: number | null; part: number; whole: number; what: string; testId: string }) {
  return (
    <p data-testid={testId}>
      <span className="block text-xs font-medium text-slate-500">{label}</span>
      <span className="text-xl font-semibold tabular-nums text-slate-900">{formatShare(rate)}</span>{" "}
      <span className="text-sm text-slate-600">
        {formatInteger(part)} of {formatInteger(whole)} {what}
      </span>
    </p>
  );
}

export function RoutingSection({
  mix,
  tierNames,
  tables,
  filters,
}: {
  mix: RoutingMix;
  tierNames: Record<string, string>;
  tables: Record<"tier-mix" | "escalations" | "fallbacks" | "refusals", ReportTableData<never>>;
  filters: CostFilters;
}) {
  const tierPoints = mix.tiers.map((tier) => ({ tier: tier.tierName, requests: tier.requestShare, tokens: tier.tokenShare }));
  const featurePoints = mix.features.map((feature) => ({ feature: feature.featureName, ...Object.fromEntries(mix.tierKeys.map((key) => [`tier:${key}`, feature.byTier[key] ?? 0])) }));
  const embedded = (id: CostTableId, description: string) => (
    <div className="border-t border-slate-100">
      <ReportTable embedded shareBars table={tables[id as keyof typeof tables]} csvHref={csvHref(id, filters)} description={description} />
    </div>
  );
  return (
    <Card id="routing">
      <CardHeader title="Routing mix" description="Where requests and tokens went, how often the router served above the cheapest tier, fell back or refused — and why." />
      <div className="grid gap-4 border-b border-slate-100 px-5 py-4 md:grid-cols-3">
        <Rate label="Escalation rate" rate={mix.escalationRate} part={mix.escalated} whole={mix.served} what="served requests above the cheapest tier" testId="escalation-rate" />
        <Rate label="Fallback rate" rate={mix.fallbackRate} part={mix.fellBack} whole={mix.attempted} what="routed requests fell back" testId="fallback-rate" />
        <div>
          <Rate label="Refusal rate" rate={mix.refusalRate} part={mix.refused} whole={mix.requests - mix.malformed} what="well-formed requests refused" testId="refusal-rate" />
          {mix.malformed > 0 ? (
            <p className="text-xs text-slate-600" data-testid="malformed-count">
              {formatInteger(mix.malformed)} malformed {mix.malformed === 1 ? "request" : "requests"} (bad JSON or an invalid field, answered 4xx) counted apart.
            </p>
          ) : null}
        </div>
      </div>
      {mix.requests === 0 ? (
        <div className="px-3 py-4">
          <EmptyState title="No requests in this range">The routing mix is drawn once requests are recorded.</EmptyState>
        </div>
      ) : (
        <div className="grid gap-2 px-3 py-4 xl:grid-cols-2">
          <div>
            <h3 className="px-2 text-sm font-semibold text-slate-800">Share of requests and tokens per tier</h3>
            <GroupedBarChart
              label="Share of requests and of tokens per tier"
              data={tierPoints}
              categoryKey="tier"
              valueKind="share"
              series={[
                { key: "requests", label: "Requests", color: "#64748b" },
                { key: "tokens", label: "Tokens", color: "#0ea5e9" },
              ]}
            />
          </div>
          <div>
            <div className="flex items-center justify-between px-2">
              <h3 className="text-sm font-semibold text-slate-800">Requests per feature, by tier</h3>
              <CsvLink href={csvHref("feature-mix", filters)} title="Requests per feature and tier" />
            </div>
            <StackedBarChart
              label="Requests per feature, stacked by tier"
              data={featurePoints}
              categoryKey="feature"
              horizontal
              valueKind="integer"
              series={mix.tierKeys.map((key, index) => ({ key: `tier:${key}`, label: tierNames[key] ?? key, color: tierColor(key, index) }))}
            />
          </div>
        </div>
      )}
      <div className="border-t border-slate-100">
        <ReportTable embedded table={tables["tier-mix"]} csvHref={csvHref("tier-mix", filters)} />
      </div>
      {embedded("escalations", "Served above the cheapest tier, by the reason the router recorded.")}
      {embedded("fallbacks", "Requests that moved along the candidate list, by why the first attempt failed. Fallback never leaves the tiers the data class allows.")}
      {embedded("refusals", "Refused requests, by the constraint that emptied the candidate list.")}
    </Card>
  );
}
