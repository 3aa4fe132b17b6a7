import "server-only";
// GET /api/console/costs/{table}: one table of the Costs page as CSV, with the page's filters,
// for roles that may read costs. The rows are the very rows the page shows (cost-tables.ts).
import { apiError } from "@/lib/http/api-error";
import { queryObject } from "@/lib/http/validation";
import { requireConsoleArea } from "@/lib/auth/require-console-area";
import { rangeSlug, resolveCostFilters } from "./cost-filters";
import { isCostTableId, tableToCsv } from "./report-table";
import { TABLE_PARTS, loadCostReport } from "./load-cost-report";

export async function exportCostTable(request: Request, table: string): Promise<Response> {
  await requireConsoleArea("costs");
  if (!isCostTableId(table)) throw apiError("not_found", `There is no Costs table called "${table}".`);
  const now = new Date();
  const filters = resolveCostFilters(queryObject(request.url), now);
  const report = await loadCostReport(filters, now, [TABLE_PARTS[table]]);
  const data = report.tables[table];
  if (!data) throw apiError("not_found", `The table "${table}" has no data for these filters.`);
  return new Response(tableToCsv(data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="switchyard-costs-${table}-${rangeSlug(filters)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
