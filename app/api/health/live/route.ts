// GET /api/health/live — for load balancers and orchestrators (see lib/http/health.ts).
import { getLiveness } from "@/lib/http/health";
import { handleRoute, methodNotAllowed } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(getLiveness);
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
