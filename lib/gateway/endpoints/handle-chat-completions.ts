import "server-only";
import { chatCompletionsAdapter } from "./openai-chat-adapter";
import { serveGatewayRequest } from "../pipeline/serve-call";

/** POST /api/v1/chat/completions — OpenAI's API; routing hints come as x-switchyard-* headers. */
export function handleChatCompletions(request: Request): Promise<Response> {
  return serveGatewayRequest(request, chatCompletionsAdapter);
}
