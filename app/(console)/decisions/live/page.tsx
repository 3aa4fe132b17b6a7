import type { Metadata } from "next";
import Link from "next/link";
import { LiveTail } from "@/console/decisions/components/live-tail";
import { PageHeader } from "@/components/ui/page-header";
import type { SearchParams } from "@/lib/analytics/costs/cost-filters";
import { decisionSearch, resolveDecisionFilters } from "@/lib/analytics/decisions/decision-filters";
import { requireArea } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Live decisions" };

export default async function LiveDecisionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea("decisions");
  const search = decisionSearch(resolveDecisionFilters(await searchParams));
  return (
    <>
      <PageHeader
        title="Live decisions"
        description="The newest 50 decisions, refreshed every two seconds while this page is open and visible. Filters from the decision log carry over."
        actions={
          <Link href={`/decisions${search ? `?${search}` : ""}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Back to the log
          </Link>
        }
      />
      <LiveTail search={search} />
    </>
  );
}
