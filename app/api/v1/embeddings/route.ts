// POST /api/v1/embeddings — OpenAI-compatible embeddings, routed by the data class to embedding models.
import { handleEmbeddings } from "@/lib/gateway/embeddings/handle-embeddings";
import { handleRoute, methodNotAllowed } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const POST = handleRoute(handleEmbeddings);
export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
