import { Badge } from "@/components/ui/badge";
import type { FeatureSpend } from "@/lib/analytics/costs/sum-feature-spend";
import { formatInteger, formatUsd } from "@/lib/format";

/** Month-to-date spend against the budget. No rollups means no traffic, and it says so. */
export function MonthSpend({ spend, budgetUsd }: { spend: FeatureSpend | undefined; budgetUsd: number | null }) {
  if (!spend || spend.requests === 0) return <span className="text-slate-500">$0.00 — no traffic yet</span>;
  const burn = budgetUsd !== null && budgetUsd > 0 ? spend.costUsd / budgetUsd : null;
  return (
    <div className="space-y-0.5">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="tabular-nums font-medium text-slate-900">{formatUsd(spend.costUsd)}</span>
        {burn !== null && burn >= 1 ? <Badge tone="danger">over budget</Badge> : null}
        {burn !== null && burn >= 0.8 && burn < 1 ? <Badge tone="warning">near budget</Badge> : null}
      </div>
      <div className="text-xs text-slate-500">
        {formatInteger(spend.requests)} {spend.requests === 1 ? "request" : "requests"}
        {burn !== null ? `, ${Math.round(burn * 100)}% of budget` : ""}
      </div>
      {spend.unpricedRequests > 0 ? (
        <div className="text-xs text-amber-700">{formatInteger(spend.unpricedRequests)} without a price, not in the total</div>
      ) : null}
    </div>
  );
}
