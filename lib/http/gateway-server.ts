// The production HTTP server: gateway paths (/api/v1/*, /api/route, /api/health*) go straight to
// their built route handlers; everything else — the console, its API, sign-in — to Next.
//
// Why: Next's request handling (routing, the app-route module's request stores and tracing, its
// request and response adapters) costs ~1.1–1.3 ms of CPU per request on this machine before a
// handler runs, more than the whole gateway decision. The handlers are the ones Next built
// (required from <distDir>/server, so they share Next's module instances and state), called
// with a Request and written back by lib/http/node-bridge.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { apiError, type ApiError } from "./api-error";
import { gatewayRoutePages, matchGatewayRoute, type GatewayRoutePage } from "./gateway-routes";
import { sendWebResponse, toWebRequest } from "./node-bridge";
import { unexpectedError } from "./unexpected-error";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface LoadedGatewayRoute extends GatewayRoutePage {
  handlers: Partial<Record<string, RouteHandler>>;
}

interface BuiltAppRouteModule {
  routeModule?: { ensureUserland(): Promise<void>; userland: Record<string, unknown> };
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** The gateway's route handlers from a production build (after `next build`). */
export async function loadGatewayRoutes(distDir: string): Promise<LoadedGatewayRoute[]> {
  const serverDir = path.join(distDir, "server");
  const manifest = JSON.parse(fs.readFileSync(path.join(serverDir, "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  const requireBuilt = createRequire(path.join(serverDir, "index.js"));
  const routes: LoadedGatewayRoute[] = [];
  for (const page of gatewayRoutePages(manifest)) {
    const built = requireBuilt(path.join(serverDir, page.file)) as BuiltAppRouteModule;
    if (!built.routeModule) throw new Error(`${page.file} is not an app route module; is ${distDir} a build of this version of Next?`);
    await built.routeModule.ensureUserland();
    const userland = built.routeModule.userland;
    const handlers: LoadedGatewayRoute["handlers"] = {};
    for (const method of METHODS) if (typeof userland[method] === "function") handlers[method] = userland[method] as RouteHandler;
    routes.push({ ...page, handlers });
  }
  return routes;
}

/** An error in OpenAI's shape, written straight to the socket (no handler got to answer it). */
function answerError(res: ServerResponse, error: ApiError) {
  if (res.headersSent) return void res.destroy();
  const body = JSON.stringify(error.toBody());
  res.writeHead(error.status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
}

export interface AppServerOptions {
  routes: LoadedGatewayRoute[];
  /** Next's request handler, for every path the gateway does not serve itself. */
  next: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Used as the Requests' origin; the handlers read paths and headers, never the host. */
  origin: string;
  /** Bodies up to this size are read before the handler runs (GATEWAY_MAX_BODY_BYTES). */
  maxBodyBytes: number;
}

export function createAppServer({ routes, next, origin, maxBodyBytes }: AppServerOptions): Server {
  return createServer((req, res) => {
    const target = req.url ?? "/";
    const query = target.indexOf("?");
    const pathname = query === -1 ? target : target.slice(0, query);
    const match = pathname.startsWith("/api/") ? matchGatewayRoute(routes, pathname) : null;
    const handler = match?.route.handlers[req.method ?? ""];
    if (!match || !handler) {
      next(req, res).catch((error: unknown) => answerError(res, unexpectedError("Next's request handler failed", error)));
      return;
    }
    toWebRequest(req, res, origin, maxBodyBytes)
      .catch(() => null)
      .then((request) => {
        if (!request) return answerError(res, apiError("invalid_request", "The request target is not a valid URL path."));
        return handler(request, { params: Promise.resolve(match.params) }).then((response) => sendWebResponse(response, res));
      })
      .catch((error: unknown) => answerError(res, unexpectedError("gateway route failed outside its error handling", error)));
  });
}
