// GET /api/health/ready — for load balancers and orchestrators (see lib/http/health.ts).
import { getReadiness } from "@/lib/http/health";
import { handleRoute, methodNotAllowed } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(getReadiness);
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
