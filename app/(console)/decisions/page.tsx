import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DecisionFilterForm } from "@/console/decisions/components/decision-filter-form";
import { DecisionGroupsTable } from "@/console/decisions/components/decision-groups";
import { DecisionLogActions, DecisionLogToolbar } from "@/console/decisions/components/decision-log-toolbar";
import { DecisionPager } from "@/console/decisions/components/decision-pager";
import { DecisionsTable } from "@/console/decisions/components/decisions-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { SearchParams } from "@/lib/analytics/costs/cost-filters";
import { decisionSearch, hasDecisionFilters, idPrefixOf, isDecisionGroup, isUuid, resolveDecisionFilters, resolvePage } from "@/lib/analytics/decisions/decision-filters";
import { loadDecisionFilterOptions } from "@/lib/analytics/decisions/decision-options";
import { listDecisions } from "@/lib/analytics/decisions/list-decisions";
import { countDecisions, groupDecisions } from "@/lib/analytics/decisions/summarise-decisions";
import { requireArea } from "@/lib/auth/session";
import { foldHourFields, resolveTimeZone } from "@/lib/console/time-range";

export const metadata: Metadata = { title: "Decisions" };

export default async function DecisionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea("decisions");
  const { params, folded } = foldHourFields(await searchParams);
  // "Find by id": a whole decision id (from an x-switchyard-decision header) opens that decision;
  // a partial one searches for the ids that start with it.
  const id = typeof params.id === "string" ? params.id.trim() : "";
  if (id && isUuid(id)) redirect(`/decisions/${id.toLowerCase()}`);
  if (id && idPrefixOf(id)) redirect(`/decisions?idPrefix=${idPrefixOf(id)}`);
  const filters = resolveDecisionFilters(params);
  const timeZone = resolveTimeZone(params);
  const group = isDecisionGroup(params.group) ? params.group : null;
  const requested = resolvePage(params);
  const zoneParam = !filters.range && params.tz ? `tz=${encodeURIComponent(timeZone)}` : "";
  const extra = [group ? `group=${group}` : "", zoneParam].filter(Boolean).join("&");
  // A submitted search form sends every field, empty ones and hours too: answer with the clean, shareable URL.
  if (folded || Object.values(params).some((value) => value === "")) {
    const clean = [decisionSearch(filters, requested.cursor ? { direction: requested.direction, cursor: requested.cursor } : undefined), extra].filter(Boolean).join("&");
    redirect(`/decisions${clean ? `?${clean}` : ""}`);
  }
  const [options, page, count, groups] = await Promise.all([
    loadDecisionFilterOptions(),
    listDecisions(filters, requested),
    countDecisions(filters),
    group ? groupDecisions(filters, group) : Promise.resolve(null),
  ]);
  const search = decisionSearch(filters);
  const withExtra = (query: string) => [query, extra].filter(Boolean).join("&");
  // The decision pages link back to exactly this view: search, grouping and page.
  const here = [decisionSearch(filters, requested.cursor ? { direction: requested.direction, cursor: requested.cursor } : undefined), extra].filter(Boolean).join("&");
  return (
    <>
      <PageHeader
        title="Decisions"
        description="Every router decision, newest first. Open one to read its trace: why each model was a candidate or was rejected, what the detectors found (types and counts — never the matched text) and what it cost against the baseline."
        actions={<DecisionLogActions id={id} search={search} />}
      />
      {id && !isUuid(id) && !idPrefixOf(id) ? <p className="mb-3 text-sm text-red-700">“{id}” is not a decision id: ids are UUIDs like 0194f2c1-7b3a-7c4e-9a2b-1f2e3d4c5b6a (the first 4 or more characters will do).</p> : null}
      <DecisionFilterForm filters={filters} options={options} timeZone={timeZone} zoneInUrl={typeof params.tz === "string"} group={group} />
      <DecisionLogToolbar count={count} filtered={hasDecisionFilters(filters)} group={group} search={search} zoneParam={zoneParam} />
      {groups ? <DecisionGroupsTable groups={groups} search={withExtra(search).replace(/(^|&)group=[^&]*/g, "")} /> : null}
      {page.timedOut ? (
        <EmptyState title="This search visits too many records to answer quickly">Narrow the time range, or add a feature, key or status filter (those are indexed).</EmptyState>
      ) : page.rows.length === 0 ? (
        <EmptyState title={hasDecisionFilters(filters) ? "No decisions match this search" : "No decisions recorded yet"}>
          {hasDecisionFilters(filters) ? "Widen the time range or clear a filter." : "Send a request to /api/v1/chat/completions with an app key; each request is recorded here with the reason for its route."}
        </EmptyState>
      ) : (
        <>
          <DecisionsTable decisions={page.rows} caption="Decisions, newest first" search={here} timeZone={timeZone} />
          <DecisionPager filters={filters} newer={page.newer} older={page.older} extra={extra} />
        </>
      )}
    </>
  );
}
