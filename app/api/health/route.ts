// GET /api/health — app and database status for load balancers and the console.
import { getHealth } from "@/lib/http/health";
import { handleRoute, methodNotAllowed } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(getHealth);
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const DELETE = POST;
export const PATCH = POST;
