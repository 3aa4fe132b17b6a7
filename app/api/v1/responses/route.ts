// POST /api/v1/responses — OpenAI's Responses API, stateless: Codex CLI and the OpenAI Agents SDK point here.
import { handleResponses } from "@/lib/gateway/responses/handle-responses";
import { handleRoute, methodNotAllowed } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const POST = handleRoute(handleResponses);
export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
