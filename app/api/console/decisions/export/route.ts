// GET /api/console/decisions/export?format=csv|json&<decision filters> — the current search, streamed (admin, engineer, auditor).
import { handleDecisionExport } from "@/lib/analytics/decisions/export-decisions";
import { handleRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => handleDecisionExport(request));
