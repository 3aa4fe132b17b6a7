import "server-only";
// GET /api/console/decisions/export?format=csv|json&<search>: every decision the search matches,
// newest first, streamed page by page (keyset, EXPORT_PAGE rows a query) so a million-row export
// holds one page in memory. The first page is read before answering, so a search too broad to
// answer gets a clear error status; a later page that fails ends the stream with an error rather
// than a silently short file.
import { apiError } from "@/lib/http/api-error";
import { queryObject } from "@/lib/http/validation";
import { requireConsoleArea } from "@/lib/auth/require-console-area";
import { csvCell } from "../csv";
import { decodeCursor, resolveDecisionFilters, type DecisionFilters } from "./decision-filters";
import { listDecisions, type DecisionPage, type DecisionRow } from "./list-decisions";

const EXPORT_PAGE = 1_000;

export const EXPORT_COLUMNS = [
  "id", "createdAt", "endpoint", "feature", "apiKeyPrefix", "requestedModel", "dataClass", "tier", "model", "simulated", "status", "httpStatus",
  "refusalConstraint", "errorCode", "escalationReason", "fallbacks", "latencyMs", "ttftMs", "costUsd", "baselineCostUsd", "findings", "dryRun", "synthetic",
] as const;

/** One record as an export row: the same fields in CSV and JSON, findings as types and counts. */
export function exportRow(row: DecisionRow) {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    endpoint: row.endpoint,
    feature: row.featureKey,
    apiKeyPrefix: row.apiKeyPrefix,
    requestedModel: row.requestedModel,
    dataClass: row.dataClass,
    tier: row.tierKey,
    model: row.modelAlias,
    simulated: row.simulated,
    status: row.status,
    httpStatus: row.httpStatus,
    refusalConstraint: row.refusalConstraint,
    errorCode: row.errorCode,
    escalationReason: row.escalationReason,
    fallbacks: row.fallbackCount,
    latencyMs: row.latencyMs,
    ttftMs: row.ttftMs,
    costUsd: row.costUsd,
    baselineCostUsd: row.baselineCostUsd,
    findings: row.findings,
    dryRun: row.dryRun,
    synthetic: row.synthetic,
  };
}

export function csvLine(row: ReturnType<typeof exportRow>): string {
  return EXPORT_COLUMNS.map((column) => {
    const value = row[column];
    return csvCell(Array.isArray(value) ? value.map((finding) => `${finding.type}:${finding.count}`).join(";") : value);
  }).join(",") + "\r\n";
}

async function page(filters: DecisionFilters, after: string | null): Promise<DecisionPage> {
  const result = await listDecisions(filters, { direction: "older", cursor: decodeCursor(after) }, EXPORT_PAGE);
  if (result.timedOut) throw apiError("search_too_broad", "This search visits too many records to export: narrow the time range, or add a feature, key or status filter.");
  return result;
}

export async function handleDecisionExport(request: Request): Promise<Response> {
  await requireConsoleArea("decisions");
  const query = queryObject(request.url);
  const format = query.format ?? "csv";
  if (format !== "csv" && format !== "json") throw apiError("invalid_request", "format must be csv or json.", { param: "format" });
  const filters = resolveDecisionFilters(query);
  const first = await page(filters, null);
  const encoder = new TextEncoder();
  let current: DecisionPage | null = first;
  let written = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? EXPORT_COLUMNS.join(",") + "\r\n" : "["));
    },
    async pull(controller) {
      try {
        if (!current) {
          controller.enqueue(encoder.encode(format === "csv" ? "" : "]\n"));
          controller.close();
          return;
        }
        const chunk = current.rows
          .map((row) => {
            const line = format === "csv" ? csvLine(exportRow(row)) : `${written === 0 ? "\n" : ",\n"}${JSON.stringify(exportRow(row))}`;
            written += 1;
            return line;
          })
          .join("");
        controller.enqueue(encoder.encode(chunk));
        current = current.older ? await page(filters, current.older) : null;
      } catch (error) {
        controller.error(error);
      }
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "");
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="switchyard-decisions-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
