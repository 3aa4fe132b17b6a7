// GET /api/v1/models — auto, tier pins and enabled model aliases, in OpenAI's list shape.
import { handleListModels } from "@/lib/gateway/endpoints/handle-models";
import { handleRoute, methodNotAllowed } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(handleListModels);
export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
