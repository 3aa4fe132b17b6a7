import "server-only";
import { getDb } from "@/lib/db";
import { gatewayRuntime } from "@/lib/gateway/instance/runtime";
import { requireConsoleArea } from "@/lib/auth/require-console-area";
import { providerHealthViews } from "../provider-health-view";

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
