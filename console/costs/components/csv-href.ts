import { costSearch, type CostFilters } from "@/lib/analytics/costs/cost-filters";
import type { CostTableId } from "@/lib/analytics/costs/report-table";

/** The export of one Costs table with the page's filters (GET /api/console/costs/{table}). */
export function csvHref(table: CostTableId, filters: CostFilters): string {
  return `/api/console/costs/${table}?${costSearch(filters)}`;
}
