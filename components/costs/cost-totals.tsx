import { Card } from "@/components/ui/card";
import type { CostSummary } from "@/lib/analytics/prepare-cost-summary";
import { formatInteger, formatUsd } from "@/lib/format";
import { formatSavingsShare } from "./savings-share";

export function CostTotals({ summary }: { summary: CostSummary }) {
  const { totals, synthetic } = summary;
  const stats = [
    { label: "Cost", value: formatUsd(totals.costUsd), hint: "what the traffic cost" },
    { label: "Baseline cost", value: formatUsd(totals.baselineCostUsd), hint: "the same tokens, all on the frontier baseline" },
    { label: "Savings", value: formatUsd(totals.savingsUsd), hint: `${formatSavingsShare(totals.savingsShare)} of the baseline` },
    { label: "Requests", value: formatInteger(totals.requests), hint: "every authenticated request, refusals included" },
    { label: "Unknown price", value: formatInteger(totals.unpricedRequests), hint: "requests served by a model without a price" },
  ];
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5" data-testid="cost-totals">
        {stats.map((stat) => (
          <Card key={stat.label} className="px-4 py-3">
            <dt className="text-xs font-medium text-slate-500">{stat.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{stat.value}</dd>
            <dd className="mt-0.5 text-xs text-slate-500">{stat.hint}</dd>
          </Card>
        ))}
      </dl>
      {totals.unpricedRequests > 0 ? (
        <p className="text-sm text-amber-800">
          {formatInteger(totals.unpricedRequests)} {totals.unpricedRequests === 1 ? "request was" : "requests were"} served by a model without a price. They are counted, not priced
          at zero, so the cost above leaves them out and the savings may be overstated. Give the model a price (or a hardware profile) in Models &amp; tiers.
        </p>
      ) : null}
      {synthetic.requests > 0 ? (
        <p className="text-sm text-slate-600">
          Includes {formatInteger(synthetic.requests)} synthetic {synthetic.requests === 1 ? "request" : "requests"} from the traffic generator, costing {formatUsd(synthetic.costUsd)}
          {totals.costUsd > 0 ? ` (${((synthetic.costUsd / totals.costUsd) * 100).toFixed(1)}% of the cost)` : ""}.
        </p>
      ) : null}
    </div>
  );
}
