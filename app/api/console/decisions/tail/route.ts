// GET /api/console/decisions/tail?<decision filters> — the newest decisions, for the live tail (admin, engineer, auditor).
import { handleDecisionTail } from "@/lib/analytics/decisions/decision-tail";
import { handleRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => handleDecisionTail(request));
