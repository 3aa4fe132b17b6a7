// GET /api/v1/decisions/{id} — a decision record, to the app key that caused it.
import { handleGetDecision } from "@/lib/gateway/endpoints/handle-decision";
import { handleRoute, methodNotAllowed } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => handleGetDecision(request, (await context.params).id));
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
