import "server-only";
// GET /api/console/decisions/tail: the newest decisions matching the log's filters, for the live
// tail's polling (readers of the decision log only). JSON, dates as ISO strings.
import { queryObject } from "@/lib/http/validation";
import { requireConsoleArea } from "@/lib/auth/require-console-area";
import { resolveDecisionFilters } from "./decision-filters";
import { listLatestDecisions, type DecisionRow } from "./list-decisions";

export const TAIL_SIZE = 50;

export type TailRow = Omit<DecisionRow, "createdAt"> & { createdAt: string };

export interface DecisionTailResponse {
  rows: TailRow[];
  /** When the server read the rows (ISO). */
  polledAt: string;
}

export async function handleDecisionTail(request: Request): Promise<Response> {
  await requireConsoleArea("decisions");
  const filters = resolveDecisionFilters(queryObject(request.url));
  const rows = await listLatestDecisions(filters, TAIL_SIZE);
  const body: DecisionTailResponse = { rows: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })), polledAt: new Date().toISOString() };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}
