// POST /api/v1/messages — Anthropic's Messages API: point Claude Code or the Anthropic SDK's base URL at /api.
import { handleMessages } from "@/lib/gateway/messages/handle-messages";
import { messagesMethodNotAllowed } from "@/lib/gateway/messages/handle-messages";
import { handleRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const POST = handleRoute(handleMessages);
export const GET = messagesMethodNotAllowed;
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
