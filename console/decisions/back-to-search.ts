// A decision's page links back to the log's view it was opened from — its search, grouping and
// page — rebuilt from known parameters only, so nothing else in the URL rides along. Pure.
import { decisionSearch, isDecisionGroup, resolveDecisionFilters, resolvePage } from "@/lib/analytics/decisions/decision-filters";
import { resolveTimeZone, type SearchParams } from "@/lib/console/time-range";

/** The query string of the log's view ("" for the plain log). */
export function backToSearch(query: SearchParams): string {
  const filters = resolveDecisionFilters(query);
  const page = resolvePage(query);
  const group = isDecisionGroup(query.group) ? `group=${query.group}` : "";
  // A range carries its own zone; without one the zone is kept on its own.
  const tz = !filters.range && typeof query.tz === "string" ? `tz=${encodeURIComponent(resolveTimeZone(query))}` : "";
  return [decisionSearch(filters, page.cursor ? { direction: page.direction, cursor: page.cursor } : undefined), group, tz].filter(Boolean).join("&");
}
