import "server-only";
import { canRead } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { gatewayRuntime } from "@/lib/gateway/instance/runtime";
import { ApiError } from "@/lib/http/api-error";
import { providerHealthViews } from "./provider-health-view";

/** Refuses with JSON (never a redirect or an HTML page): these endpoints are read by scripts in the console. */
export async function requireConsoleArea(area: Parameters<typeof canRead>[1]) {
  const user = await currentUser();
  if (!user) throw new ApiError(401, "unauthenticated", "Sign in to the console first.", { type: "authentication_error" });
  if (!canRead(user.role, area)) throw new ApiError(403, "forbidden", `Your role (${user.role}) cannot read this.`);
  return user;
}

/**
 * GET /api/console/providers/health — the in-process circuit breaker the gateway uses (the
 * console runs in the same process), for every configured provider. Never cached.
 */
export async function handleProviderHealth(): Promise<Response> {
  await requireConsoleArea("providers");
  const providers = await getDb().provider.findMany({ orderBy: { key: "asc" }, select: { key: true } });
  const body = providerHealthViews(providers.map((provider) => provider.key), gatewayRuntime().breaker.snapshot(), new Date());
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}
