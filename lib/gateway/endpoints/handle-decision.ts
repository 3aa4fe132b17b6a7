import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { authenticateAppKey } from "../auth/authenticate";
import { decisionView } from "../records/decision-view";
import { gatewayRuntime } from "../instance/runtime";

const idSchema = z.uuid();

/** GET /api/v1/decisions/{id} — the decision record, only to the key that caused it. */
export async function handleGetDecision(request: Request, id: string): Promise<Response> {
  const key = await authenticateAppKey(request);
  const notFound = new ApiError(404, "decision_not_found", `No decision '${id}' for this API key.`);
  if (!idSchema.safeParse(id).success) throw notFound;
  // A record may still sit in the write-behind queue for a few milliseconds.
  await gatewayRuntime().ledger.flush(2_000);
  const row = await getDb().decisionRecord.findUnique({ where: { id } });
  if (!row || row.apiKeyId !== key.id) throw notFound;
  const record = {
    ...row,
    endpoint: row.endpoint as DecisionRecordInput["endpoint"],
    findings: row.findings as unknown as DecisionRecordInput["findings"],
    trace: row.trace as string[],
    fallbacks: row.fallbacks as unknown as DecisionRecordInput["fallbacks"],
    costUsd: row.costUsd?.toNumber() ?? null,
    baselineCostUsd: row.baselineCostUsd?.toNumber() ?? null,
    cacheSavingsUsd: row.cacheSavingsUsd?.toNumber() ?? null,
    answerFindings: row.answerFindings as unknown as NonNullable<DecisionRecordInput["answerFindings"]>,
  } satisfies DecisionRecordInput;
  return Response.json(decisionView(record));
}
