import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { apiError } from "@/lib/http/api-error";
import { recordFromRow } from "@/lib/ledger/record-row";
import { authenticateAppKey } from "../auth/authenticate";
import { decisionView } from "../records/decision-view";
import { gatewayRuntime } from "../instance/runtime";

const idSchema = z.uuid();

/** GET /api/v1/decisions/{id} — the decision record, only to the key that caused it. */
export async function handleGetDecision(request: Request, id: string): Promise<Response> {
  const key = await authenticateAppKey(request);
  const notFound = apiError("decision_not_found", `No decision '${id}' for this API key.`);
  if (!idSchema.safeParse(id).success) throw notFound;
  // A record may still sit in the write-behind queue for a few milliseconds.
  await gatewayRuntime().ledger.flush(2_000);
  const row = await getDb().decisionRecord.findUnique({ where: { id } });
  if (!row || row.apiKeyId !== key.id) throw notFound;
  return Response.json(decisionView(recordFromRow(row)));
}
