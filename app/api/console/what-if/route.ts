// POST /api/console/what-if — replay a policy on past decision records; NDJSON progress, then the result.
import { handleRoute } from "@/lib/http/route-handler";
import { handleWhatIf } from "@/lib/replay/handle-what-if";

export const dynamic = "force-dynamic";
export const POST = handleRoute(handleWhatIf);
