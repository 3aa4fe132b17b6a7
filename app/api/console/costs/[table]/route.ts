// GET /api/console/costs/{table}?<Costs filters> — one Costs table as CSV (admin, engineer, finance).
import { exportCostTable } from "@/lib/analytics/costs/export-cost-table";
import { handleRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request, context: { params: Promise<{ table: string }> }) => exportCostTable(request, (await context.params).table));
