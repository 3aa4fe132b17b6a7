// Serves the gateway's handlers (from source, not a build) over real HTTP on 127.0.0.1 without Next, so integration tests
// and benchmarks can drive them with the official openai SDK, curl-like fetches and load tools.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { handleChatCompletions } from "@/lib/gateway/endpoints/handle-chat-completions";
import { handleGetDecision } from "@/lib/gateway/endpoints/handle-decision";
import { handleListModels } from "@/lib/gateway/endpoints/handle-models";
import { handleCountTokens } from "@/lib/gateway/messages/handle-count-tokens";
import { handleMessages } from "@/lib/gateway/messages/handle-messages";
import { handleRoute as handleNativeRoute } from "@/lib/gateway/endpoints/handle-route";
import { handleResponses } from "@/lib/gateway/responses/handle-responses";
import { handleEmbeddings } from "@/lib/gateway/embeddings/handle-embeddings";
import { getHealth, getLiveness, getReadiness } from "@/lib/http/health";
import { env } from "@/lib/env";
import { sendWebResponse, toWebRequest } from "@/lib/http/node-bridge";
import { handleRoute } from "@/lib/http/route-handler";

const routes: Array<{ method: string; pattern: RegExp; handler: (request: Request, match: RegExpMatchArray) => Promise<Response> }> = [
  { method: "POST", pattern: /^\/api\/v1\/chat\/completions$/, handler: handleRoute(handleChatCompletions) },
  { method: "POST", pattern: /^\/api\/v1\/responses$/, handler: handleRoute(handleResponses) },
  { method: "POST", pattern: /^\/api\/v1\/embeddings$/, handler: handleRoute(handleEmbeddings) },
  { method: "POST", pattern: /^\/api\/route$/, handler: handleRoute(handleNativeRoute) },
  { method: "POST", pattern: /^\/api\/v1\/messages$/, handler: handleRoute(handleMessages) },
  { method: "POST", pattern: /^\/api\/v1\/messages\/count_tokens$/, handler: handleRoute(handleCountTokens) },
  { method: "GET", pattern: /^\/api\/health$/, handler: handleRoute(getHealth) },
  { method: "GET", pattern: /^\/api\/health\/live$/, handler: handleRoute(getLiveness) },
  { method: "GET", pattern: /^\/api\/health\/ready$/, handler: handleRoute(getReadiness) },
  { method: "GET", pattern: /^\/api\/v1\/models$/, handler: handleRoute(handleListModels) },
  { method: "GET", pattern: /^\/api\/v1\/decisions\/([^/]+)$/, handler: handleRoute((request: Request, match: RegExpMatchArray) => handleGetDecision(request, match[1]!)) },
];

/** Listens on 127.0.0.1 at `port` (0: a free one). */
export async function startGatewayServer(port = 0): Promise<{ origin: string; server: Server; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const path = new URL(req.url ?? "/", origin).pathname;
    const route = routes.find((candidate) => candidate.method === req.method && candidate.pattern.test(path));
    if (!route) {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: "No such route", type: "not_found_error", code: "not_found" } }));
      return;
    }
    void toWebRequest(req, res, origin, env.GATEWAY_MAX_BODY_BYTES)
      .then((request) => route.handler(request, path.match(route.pattern)!))
      .then((response) => sendWebResponse(response, res));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    server,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
