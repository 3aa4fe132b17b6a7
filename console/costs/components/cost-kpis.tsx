import { Card } from "@/components/ui/card";
import { formatShare } from "@/lib/analytics/format-report";
import type { MoneyTotals } from "@/lib/analytics/costs/usage-groups";
import { formatInteger, formatUsd } from "@/lib/format";

export function CostKpis({ totals }: { totals: MoneyTotals }) {
  const stats = [
    { label: "Cost", value: formatUsd(totals.costUsd), hint: "what the traffic cost" },
    { label: "All-frontier baseline", value: formatUsd(totals.baselineCostUsd), hint: "the same tokens on the baseline model" },
    { label: "Savings", value: formatUsd(totals.savingsUsd), hint: `${formatShare(totals.savingsShare)} of the baseline` },
    { label: "Requests", value: formatInteger(totals.requests), hint: `${formatInteger(totals.served)} served by a model` },
    { label: "Priced share", value: formatShare(totals.pricedShare), hint: `${formatInteger(totals.unpricedRequests)} served requests have no price` },
    {
      label: "Prompt cache saved",
      value: formatUsd(totals.cacheSavingsUsd),
      hint: `${formatInteger(totals.cachedInputTokens)} input tokens read from cache (${formatShare(totals.inputTokens > 0 ? totals.cachedInputTokens / totals.inputTokens : null)})`,
    },
  ];
  return (
    <div className="mb-6 space-y-3">
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6" data-testid="cost-kpis">
        {stats.map((stat) => (
          <Card key={stat.label} className="px-4 py-3">
            <dt className="text-xs font-medium text-slate-500">{stat.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{stat.value}</dd>
            <dd className="mt-0.5 text-xs text-slate-500">{stat.hint}</dd>
          </Card>
        ))}
      </dl>
      {totals.unpricedRequests > 0 ? (
        <p className="text-sm text-amber-800" data-testid="unpriced-note">
          {formatInteger(totals.unpricedRequests)} served {totals.unpricedRequests === 1 ? "request ran" : "requests ran"} on a model without a price. They are counted, not priced
          at zero: the cost leaves them out, so cost and savings are understated and overstated by their share. Give the model a price (or a hardware profile) in Models &amp; tiers.
        </p>
      ) : null}
      {totals.estimatedRequests > 0 ? (
        <p className="text-sm text-slate-600" data-testid="estimated-note">
          {formatInteger(totals.estimatedRequests)} served {totals.estimatedRequests === 1 ? "request has" : "requests have"} estimated tokens: the provider reported no usage (often a stream cut short), so
          Switchyard counted the tokens itself and priced them — estimated, never free.
        </p>
      ) : null}
    </div>
  );
}
