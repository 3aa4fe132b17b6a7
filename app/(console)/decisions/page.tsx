import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DecisionFilterForm } from "@/components/decisions/decision-filter-form";
import { DecisionPager } from "@/components/decisions/decision-pager";
import { DecisionsTable } from "@/components/decisions/decisions-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { SearchParams } from "@/lib/analytics/cost-filters";
import { decisionSearch, hasDecisionFilters, isUuid, resolveDecisionFilters, resolvePage } from "@/lib/analytics/decision-filters";
import { loadDecisionFilterOptions } from "@/lib/analytics/decision-options";
import { listDecisions } from "@/lib/analytics/list-decisions";
import { requireArea } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Decisions" };

export default async function DecisionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea("decisions");
  const params = await searchParams;
  // "Find by id": a decision id (from an x-switchyard-decision header) opens that decision.
  const id = typeof params.id === "string" ? params.id.trim() : "";
  if (id && isUuid(id)) redirect(`/decisions/${id.toLowerCase()}`);
  const filters = resolveDecisionFilters(params);
  const requested = resolvePage(params);
  // A submitted search form sends every field, empty ones too: answer with the clean, shareable URL.
  if (Object.values(params).some((value) => value === "")) {
    const clean = decisionSearch(filters, requested.cursor ? { direction: requested.direction, cursor: requested.cursor } : undefined);
    redirect(`/decisions${clean ? `?${clean}` : ""}`);
  }
  const [options, page] = await Promise.all([loadDecisionFilterOptions(), listDecisions(filters, requested)]);
  const search = decisionSearch(filters);
  return (
    <>
      <PageHeader
        title="Decisions"
        description="Every router decision, newest first. Open one to read its trace: why each model was a candidate or was rejected, what the detectors found (types and counts — never the matched text) and what it cost against the baseline."
        actions={
          <div className="flex items-center gap-3">
            <form method="get" action="/decisions" className="flex items-center gap-2" role="search" aria-label="Find a decision by id">
              <label htmlFor="decision-id" className="sr-only">
                Decision id
              </label>
              <input id="decision-id" name="id" placeholder="Decision id (UUID)" defaultValue={id} className="w-72 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-xs shadow-sm focus:outline-2 focus:outline-sky-500" />
            </form>
            <Link href={`/decisions/live${search ? `?${search}` : ""}`} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
              Live tail
            </Link>
          </div>
        }
      />
      {id && !isUuid(id) ? <p className="mb-3 text-sm text-red-700">“{id}” is not a decision id: ids are UUIDs like 0194f2c1-7b3a-7c4e-9a2b-1f2e3d4c5b6a.</p> : null}
      <DecisionFilterForm filters={filters} options={options} />
      {page.timedOut ? (
        <EmptyState title="This search visits too many records to answer quickly">Narrow the time range, or add a feature, key or status filter (those are indexed).</EmptyState>
      ) : page.rows.length === 0 ? (
        <EmptyState title={hasDecisionFilters(filters) ? "No decisions match this search" : "No decisions recorded yet"}>
          {hasDecisionFilters(filters) ? "Widen the time range or clear a filter." : "Send a request to /api/v1/chat/completions with an app key; each request is recorded here with the reason for its route."}
        </EmptyState>
      ) : (
        <>
          <DecisionsTable decisions={page.rows} caption="Decisions, newest first" />
          <DecisionPager filters={filters} newer={page.newer} older={page.older} />
        </>
      )}
    </>
  );
}
