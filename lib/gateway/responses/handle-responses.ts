import "server-only";
import { serveGatewayRequest } from "../pipeline/serve-call";
import { createResponsesAdapter } from "./responses-adapter";

/** POST /api/v1/responses — OpenAI's Responses API (Codex, the Agents SDK); hints as x-switchyard-* headers. */
export function handleResponses(request: Request): Promise<Response> {
  return serveGatewayRequest(request, createResponsesAdapter());
}
