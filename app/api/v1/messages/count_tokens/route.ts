// POST /api/v1/messages/count_tokens — Anthropic's token count, estimated by Switchyard's counter.
import { handleCountTokens } from "@/lib/gateway/messages/handle-count-tokens";
import { messagesMethodNotAllowed } from "@/lib/gateway/messages/handle-messages";
import { handleRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const POST = handleRoute(handleCountTokens);
export const GET = messagesMethodNotAllowed;
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
