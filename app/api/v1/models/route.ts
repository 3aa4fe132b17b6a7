// GET /api/v1/models — auto, tier pins and enabled model aliases, in OpenAI's list shape.
import { handleListModels } from "@/lib/gateway/handle-models";
import { handleRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(handleListModels);
