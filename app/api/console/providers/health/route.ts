// GET /api/console/providers/health — live circuit-breaker state per provider, for signed-in admins and engineers.
import { handleProviderHealth } from "@/console/providers/server/handle-provider-health";
import { handleRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";
export const GET = handleRoute(handleProviderHealth);
