// POST /api/v1/chat/completions — OpenAI-compatible drop-in: point the openai SDK's baseURL at /api/v1.
import { handleChatCompletions } from "@/lib/gateway/endpoints/handle-chat-completions";
import { handleRoute, methodNotAllowed } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const POST = handleRoute(handleChatCompletions);
export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
