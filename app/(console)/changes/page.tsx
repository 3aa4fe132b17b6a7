import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangeFilterForm } from "@/console/changes/components/change-filter-form";
import { ChangePager } from "@/console/changes/components/change-pager";
import { ChangesTable } from "@/console/changes/components/changes-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { changeSearch, resolveChangeFilters, resolveChangePage, type ChangeParams } from "@/console/changes/change-filters";
import { CHANGE_PAGE_SIZE, listChangeFacets, listConfigChangePage } from "@/console/changes/server/list-config-changes";

export const metadata: Metadata = { title: "Changes" };

export default async function ChangesPage({ searchParams }: { searchParams: Promise<ChangeParams> }) {
  await requireArea("changes");
  const params = await searchParams;
  const filters = resolveChangeFilters(params);
  // The filter form sends empty fields too: answer with the clean, shareable URL.
  if (Object.values(params).some((value) => value === "")) {
    const clean = changeSearch(filters);
    redirect(`/changes${clean ? `?${clean}` : ""}`);
  }
  const [facets, page] = await Promise.all([listChangeFacets(), listConfigChangePage(filters, resolveChangePage(params))]);
  const filtered = filters.entity !== null || filters.actor !== null;
  return (
    <>
      <PageHeader
        title="Changes"
        description={`Every configuration change, newest first, ${CHANGE_PAGE_SIZE} a page: who changed what, and only the fields that changed. The log is append-only; nobody edits it.`}
      />
      <ChangeFilterForm filters={filters} entities={facets.entities} actors={facets.actors} />
      {page.rows.length === 0 ? (
        <EmptyState title={filtered ? "No changes match these filters" : "No changes recorded yet"}>
          {filtered ? "Clear a filter to see more." : "Publishing a policy or editing tiers, models, rules, features or keys adds an entry here. Run npm run db:seed to publish the initial policy."}
        </EmptyState>
      ) : (
        <>
          <ChangesTable changes={page.rows} />
          <ChangePager filters={filters} newer={page.newer} older={page.older} filtered={filtered} />
        </>
      )}
    </>
  );
}
