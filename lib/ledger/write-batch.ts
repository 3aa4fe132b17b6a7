import "server-only";
import { getDb, Prisma } from "@/lib/db";
import type { DecisionRecordInput } from "./record";
import { foldIntoRollups, type RollupDelta } from "./rollup";

const json = (value: unknown) => value as Prisma.InputJsonValue;

/**
 * One transaction per batch: the raw records, the hourly rollups they add to, and the keys'
 * last-used times. Either all of it lands or none does (and the queue retries the batch).
 */
export async function writeDecisionBatch(records: DecisionRecordInput[]): Promise<void> {
  if (records.length === 0) return;
  const deltas = foldIntoRollups(records);
  const lastUse = new Map<string, Date>();
  for (const record of records) {
    if (!record.apiKeyId) continue;
    const seen = lastUse.get(record.apiKeyId);
    if (!seen || seen < record.createdAt) lastUse.set(record.apiKeyId, record.createdAt);
  }
  await getDb().$transaction(async (tx) => {
    // skipDuplicates: a batch retried after a lost commit acknowledgement is not written twice.
    const inserted = await tx.decisionRecord.createMany({ data: records.map(toRow), skipDuplicates: true });
    // If some records were already there (retry), their rollups were too: only add fresh ones.
    const fresh = inserted.count === records.length ? deltas : await freshDeltas(tx, records);
    if (fresh.length > 0) await upsertRollups(tx, fresh);
    for (const [id, at] of lastUse) {
      await tx.$executeRaw`UPDATE "ApiKey" SET "lastUsedAt" = GREATEST(COALESCE("lastUsedAt", ${at}), ${at}) WHERE id = ${id}`;
    }
  });
}

async function freshDeltas(tx: Prisma.TransactionClient, records: DecisionRecordInput[]): Promise<RollupDelta[]> {
  // Records inserted by this transaction are visible with xmin = current transaction id.
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text FROM "DecisionRecord" WHERE id = ANY(${records.map((r) => r.id)}::uuid[]) AND xmin::text = txid_current()::text`;
  const ids = new Set(rows.map((row) => row.id));
  return foldIntoRollups(records.filter((record) => ids.has(record.id)));
}

function toRow(record: DecisionRecordInput): Prisma.DecisionRecordCreateManyInput {
  return {
    ...record,
    findings: json(record.findings),
    candidates: json(record.candidates),
    rejected: json(record.rejected),
    trace: json(record.trace),
    fallbacks: json(record.fallbacks),
    synthetic: record.synthetic ?? false,
  };
}

async function upsertRollups(tx: Prisma.TransactionClient, deltas: RollupDelta[]): Promise<void> {
  const rows = deltas.map(
    (d) => Prisma.sql`(gen_random_uuid()::text, ${d.hour}::timestamptz, ${d.featureKey}, ${d.team}, ${d.tierKey}, ${d.modelAlias}, ${d.apiKeyId}, ${d.dataClass},
      ${d.status}::"DecisionStatus", ${d.escalationReason}, ${d.synthetic}, ${d.requests}, ${d.fallbacks}, ${d.unpricedRequests},
      ${d.inputTokens}::bigint, ${d.outputTokens}::bigint, ${d.costUsd}::numeric, ${d.baselineCostUsd}::numeric, ${d.latencyMsSum}::bigint,
      ${d.latencyBuckets}::int[], ${d.ttftBuckets}::int[])`,
  );
  await tx.$executeRaw`
    INSERT INTO "UsageRollup" (id, hour, "featureKey", team, "tierKey", "modelAlias", "apiKeyId", "dataClass", status, "escalationReason", synthetic,
      requests, fallbacks, "unpricedRequests", "inputTokens", "outputTokens", "costUsd", "baselineCostUsd", "latencyMsSum", "latencyBuckets", "ttftBuckets")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT (hour, "featureKey", "tierKey", "modelAlias", "apiKeyId", "dataClass", status, "escalationReason", synthetic) DO UPDATE SET
      requests = "UsageRollup".requests + EXCLUDED.requests,
      fallbacks = "UsageRollup".fallbacks + EXCLUDED.fallbacks,
      "unpricedRequests" = "UsageRollup"."unpricedRequests" + EXCLUDED."unpricedRequests",
      "inputTokens" = "UsageRollup"."inputTokens" + EXCLUDED."inputTokens",
      "outputTokens" = "UsageRollup"."outputTokens" + EXCLUDED."outputTokens",
      "costUsd" = "UsageRollup"."costUsd" + EXCLUDED."costUsd",
      "baselineCostUsd" = "UsageRollup"."baselineCostUsd" + EXCLUDED."baselineCostUsd",
      "latencyMsSum" = "UsageRollup"."latencyMsSum" + EXCLUDED."latencyMsSum",
      "latencyBuckets" = ARRAY(SELECT COALESCE(a, 0) + COALESCE(b, 0) FROM unnest("UsageRollup"."latencyBuckets", EXCLUDED."latencyBuckets") AS t(a, b)),
      "ttftBuckets" = ARRAY(SELECT COALESCE(a, 0) + COALESCE(b, 0) FROM unnest("UsageRollup"."ttftBuckets", EXCLUDED."ttftBuckets") AS t(a, b))`;
}
