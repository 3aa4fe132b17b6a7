// GET /api/console/config/export — download the working configuration as a config-as-code document.
import { handleConfigExport } from "@/console/versions/server/handle-config-export";
import { handleRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";
export const GET = handleRoute(handleConfigExport);
