import "server-only";
import { methodNotAllowedError } from "@/lib/http/route-handler";
import { serveGatewayRequest } from "../pipeline/serve-call";
import { anthropicErrorResponse, messagesAdapter } from "./messages-adapter";

/** POST /api/v1/messages — Anthropic's Messages API (Claude Code, the Anthropic SDK). */
export function handleMessages(request: Request): Promise<Response> {
  return serveGatewayRequest(request, messagesAdapter);
}

/** Any other method on the Messages endpoints: a 405 in Anthropic's error shape. */
export async function messagesMethodNotAllowed(): Promise<Response> {
  return anthropicErrorResponse(methodNotAllowedError(["POST"]), null);
}
