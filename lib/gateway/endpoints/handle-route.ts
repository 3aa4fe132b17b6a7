import "server-only";
import { routeAdapter } from "./route-adapter";
import { serveGatewayRequest } from "../pipeline/serve-call";

/** POST /api/route — the native endpoint: completion plus decision, or the decision alone (dryRun). */
export function handleRoute(request: Request): Promise<Response> {
  return serveGatewayRequest(request, routeAdapter);
}
