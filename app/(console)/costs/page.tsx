import type { Metadata } from "next";
import { CostBreakdownTable } from "@/components/costs/cost-breakdown-table";
import { CostTotals } from "@/components/costs/cost-totals";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { summariseCosts } from "@/lib/analytics/summarise-costs";
import { formatUtcMonth, startOfUtcMonth } from "@/lib/analytics/utc-month";
import { requireArea } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Costs" };

export default async function CostsPage() {
  await requireArea("costs");
  const monthStart = startOfUtcMonth(new Date());
  const summary = await summariseCosts({ since: monthStart });
  return (
    <>
      <PageHeader
        title="Costs"
        description={`Month to date, ${formatUtcMonth(monthStart)} (UTC). Savings are what the same tokens would have cost on the designated frontier baseline model, minus what they did cost.`}
      />
      {summary.totals.requests === 0 ? (
        <EmptyState title="No traffic recorded yet">Send a request to /api/v1/chat/completions with an app key.</EmptyState>
      ) : (
        <div className="space-y-6">
          <CostTotals summary={summary} />
          <CostBreakdownTable rows={summary.rows} />
        </div>
      )}
    </>
  );
}
