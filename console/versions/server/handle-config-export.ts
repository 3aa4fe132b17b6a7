import "server-only";
import { loadConfigDocument } from "@/lib/config/documents/load-config-document";
import { requireConsoleArea } from "@/lib/auth/require-console-area";

/** GET /api/console/config/export — the working configuration as a JSON file to download. */
export async function handleConfigExport(): Promise<Response> {
  await requireConsoleArea("versions");
  const document = await loadConfigDocument();
  const stamp = (document.exportedAt ?? new Date().toISOString()).slice(0, 19).replace(/[:T]/g, "-");
  const name = `switchyard-config-${document.basedOnPolicyVersion === null || document.basedOnPolicyVersion === undefined ? "" : `v${document.basedOnPolicyVersion}-`}${stamp}.json`;
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
}
