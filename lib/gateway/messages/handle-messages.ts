import "server-only";
import { serveGatewayRequest } from "../serve-call";
import { messagesAdapter } from "./messages-adapter";

/** POST /api/v1/messages — Anthropic's Messages API (Claude Code, the Anthropic SDK). */
export function handleMessages(request: Request): Promise<Response> {
  return serveGatewayRequest(request, messagesAdapter);
}
