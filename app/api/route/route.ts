// POST /api/route — Switchyard's native endpoint: completion plus the routing decision (or dryRun).
import { handleRoute as handleNativeRoute } from "@/lib/gateway/endpoints/handle-route";
import { handleRoute, methodNotAllowed } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const POST = handleRoute(handleNativeRoute);
export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
