import "server-only";
import { getDb, Prisma } from "@/lib/db";
import type { DecisionRecordInput } from "./record";
import { foldIntoDailyRollups, foldIntoRollups, type RollupDelta, type RollupDimensions, type RollupTotals } from "./rollup";

/**
 * One transaction per batch: the raw records, the hourly and daily rollups they add to, and the
 * keys' last-used times. Either all of it lands or none does (and the queue retries the batch).
 */
export async function writeDecisionBatch(records: DecisionRecordInput[]): Promise<void> {
  if (records.length === 0) return;
  // The process that records decisions also expires them (hourly; see retention-schedule.ts).
  const deltas = foldIntoRollups(records);
  const lastUse = new Map<string, Date>();
  for (const record of records) {
    if (!record.apiKeyId) continue;
    const seen = lastUse.get(record.apiKeyId);
    if (!seen || seen < record.createdAt) lastUse.set(record.apiKeyId, record.createdAt);
  }
  await getDb().$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: a batch retried after a lost commit acknowledgement is not written twice.
    const inserted = await insertRecords(tx, records);
    // If some records were already there (retry), their rollups were too: only add fresh ones.
    const fresh = inserted === records.length ? deltas : await freshDeltas(tx, records);
    if (fresh.length > 0) await upsertRollups(tx, fresh);
    for (const [id, at] of lastUse) {
      await tx.$executeRaw`UPDATE "ApiKey" SET "lastUsedAt" = GREATEST(COALESCE("lastUsedAt", ${at}), ${at}) WHERE id = ${id}`;
    }
  });
}

/** Every column of a decision record with its SQL type, in one place for the insert below. */
const RECORD_COLUMNS: ReadonlyArray<[keyof DecisionRecordInput, string]> = [
  ["id", "uuid"],
  ["createdAt", "timestamptz"],
  ["apiKeyId", "text"],
  ["apiKeyPrefix", "text"],
  ["featureKey", "text"],
  ["team", "text"],
  ["endpoint", "text"],
  ["requestedModel", "text"],
  ["policyVersion", "int"],
  ["dataClass", "text"],
  ["findings", "jsonb"],
  ["promptSha256", "text"],
  ["prompt", "text"],
  ["difficulty", "text"],
  ["difficultyScore", "float8"],
  ["stream", "boolean"],
  ["dryRun", "boolean"],
  ["estimatedInputTokens", "int"],
  ["requestedOutputTokens", "int"],
  ["inputTokens", "int"],
  ["outputTokens", "int"],
  ["cachedInputTokens", "int"],
  ["cacheWriteTokens", "int"],
  ["reasoningTokens", "int"],
  ["usageEstimated", "boolean"],
  ["cacheSavingsUsd", "numeric"],
  ["capabilities", "text[]"],
  ["replayInput", "jsonb"],
  ["toolCalls", "int"],
  ["answerFindings", "jsonb"],
  ["tierKey", "text"],
  ["modelAlias", "text"],
  ["providerKey", "text"],
  ["escalationReason", "text"],
  ["candidates", "jsonb"],
  ["rejected", "jsonb"],
  ["trace", "jsonb"],
  ["fallbacks", "jsonb"],
  ["status", `"DecisionStatus"`],
  ["httpStatus", "int"],
  ["errorCode", "text"],
  ["refusalConstraint", "text"],
  ["latencyMs", "int"],
  ["ttftMs", "int"],
  ["costUsd", "numeric"],
  ["baselineCostUsd", "numeric"],
  ["synthetic", "boolean"],
];
const COLUMN_LIST = Prisma.raw(RECORD_COLUMNS.map(([name]) => `"${name}"`).join(", "));
const RECORD_TYPE = Prisma.raw(RECORD_COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(", "));

/** NOT NULL columns an older caller may leave out. */
const DEFAULT_WHEN_MISSING: Partial<Record<keyof DecisionRecordInput, unknown>> = { synthetic: false, usageEstimated: false, capabilities: [], answerFindings: [] };

/**
 * PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses an unpaired surrogate escape
 * (`"\ud800"`, which JSON.stringify writes for one): a prompt or upstream message carrying either
 * must not block the batch. NULs are dropped, unpaired surrogates become U+FFFD.
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storable = (_key: string, value: unknown) => (typeof value === "string" ? value.replaceAll("\u0000", "").replace(UNPAIRED_SURROGATE, "\uFFFD") : value);

/**
 * Inserts the batch as one JSON parameter unpacked by the database (jsonb_to_recordset): a batch
 * of 500 records with their traces is one value to send instead of ~18,000 bind parameters, which
 * is ~5× faster than a multi-row INSERT built by the client. Returns how many rows were new.
 */
async function insertRecords(tx: Prisma.TransactionClient, records: DecisionRecordInput[]): Promise<number> {
  const rows = records.map((record) =>
    Object.fromEntries(RECORD_COLUMNS.map(([name]) => [name, record[name] ?? DEFAULT_WHEN_MISSING[name] ?? null])),
  );
  return tx.$executeRaw`
    INSERT INTO "DecisionRecord" (${COLUMN_LIST})
    SELECT ${COLUMN_LIST} FROM jsonb_to_recordset(${JSON.stringify(rows, storable)}::jsonb) AS r(${RECORD_TYPE})
    ON CONFLICT (id) DO NOTHING`;
}

async function freshDeltas(tx: Prisma.TransactionClient, records: DecisionRecordInput[]): Promise<RollupDelta[]> {
  // Records inserted by this transaction are visible with xmin = current transaction id.
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text FROM "DecisionRecord" WHERE id = ANY(${records.map((r) => r.id)}::uuid[]) AND xmin::text = txid_current()::text`;
  const ids = new Set(rows.map((row) => row.id));
  return foldIntoRollups(records.filter((record) => ids.has(record.id)));
}

const DIMENSIONS = Prisma.raw(`"featureKey", team, endpoint, "tierKey", "modelAlias", "apiKeyId", "dataClass", status, "escalationReason", "refusalConstraint", "fallbackCause", synthetic`);
const TOTALS = Prisma.raw(
  `requests, fallbacks, "unpricedRequests", "inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens", "estimatedRequests", "costUsd", "baselineCostUsd", "cacheSavingsUsd", "latencyMsSum", "latencyBuckets", "ttftBuckets"`,
);
// Must list exactly the columns of each table's unique key (the hourly unique index, the daily
// primary key): anything else and Postgres cannot match the conflict to the index.
const CONFLICT_KEY = `"featureKey", endpoint, "tierKey", "modelAlias", "apiKeyId", "dataClass", status, "escalationReason", "refusalConstraint", "fallbackCause", synthetic`;
const ADD_TOTALS = Prisma.raw(`
      requests = t.requests + EXCLUDED.requests,
      fallbacks = t.fallbacks + EXCLUDED.fallbacks,
      "unpricedRequests" = t."unpricedRequests" + EXCLUDED."unpricedRequests",
      "inputTokens" = t."inputTokens" + EXCLUDED."inputTokens",
      "outputTokens" = t."outputTokens" + EXCLUDED."outputTokens",
      "cachedInputTokens" = t."cachedInputTokens" + EXCLUDED."cachedInputTokens",
      "cacheWriteTokens" = t."cacheWriteTokens" + EXCLUDED."cacheWriteTokens",
      "estimatedRequests" = t."estimatedRequests" + EXCLUDED."estimatedRequests",
      "cacheSavingsUsd" = t."cacheSavingsUsd" + EXCLUDED."cacheSavingsUsd",
      "costUsd" = t."costUsd" + EXCLUDED."costUsd",
      "baselineCostUsd" = t."baselineCostUsd" + EXCLUDED."baselineCostUsd",
      "latencyMsSum" = t."latencyMsSum" + EXCLUDED."latencyMsSum",
      "latencyBuckets" = ARRAY(SELECT COALESCE(a, 0) + COALESCE(b, 0) FROM unnest(t."latencyBuckets", EXCLUDED."latencyBuckets") AS u(a, b)),
      "ttftBuckets" = ARRAY(SELECT COALESCE(a, 0) + COALESCE(b, 0) FROM unnest(t."ttftBuckets", EXCLUDED."ttftBuckets") AS u(a, b))`);

function valuesOf(d: RollupDimensions & RollupTotals) {
  return Prisma.sql`${d.featureKey}, ${d.team}, ${d.endpoint}, ${d.tierKey}, ${d.modelAlias}, ${d.apiKeyId}, ${d.dataClass}, ${d.status}::"DecisionStatus", ${d.escalationReason},
      ${d.refusalConstraint}, ${d.fallbackCause}, ${d.synthetic}, ${d.requests}, ${d.fallbacks}, ${d.unpricedRequests},
      ${d.inputTokens}::bigint, ${d.outputTokens}::bigint, ${d.cachedInputTokens}::bigint, ${d.cacheWriteTokens}::bigint, ${d.estimatedRequests},
      ${d.costUsd}::numeric, ${d.baselineCostUsd}::numeric, ${d.cacheSavingsUsd}::numeric, ${d.latencyMsSum}::bigint,
      ${d.latencyBuckets}::int[], ${d.ttftBuckets}::int[]`;
}

/** Adds the deltas to their hourly rows, then to their daily rows (both sorted: same lock order in every writer). */
async function upsertRollups(tx: Prisma.TransactionClient, hourly: RollupDelta[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "UsageRollup" AS t (id, hour, ${DIMENSIONS}, ${TOTALS})
    VALUES ${Prisma.join(hourly.map((d) => Prisma.sql`(gen_random_uuid()::text, ${d.hour}::timestamptz, ${valuesOf(d)})`))}
    ON CONFLICT (hour, ${Prisma.raw(CONFLICT_KEY)}) DO UPDATE SET ${ADD_TOTALS}`;
  const daily = foldIntoDailyRollups(hourly);
  await tx.$executeRaw`
    INSERT INTO "DailyUsageRollup" AS t (day, ${DIMENSIONS}, ${TOTALS})
    VALUES ${Prisma.join(daily.map((d) => Prisma.sql`(${d.day.toISOString().slice(0, 10)}::date, ${valuesOf(d)})`))}
    ON CONFLICT (day, ${Prisma.raw(CONFLICT_KEY)}) DO UPDATE SET ${ADD_TOTALS}`;
}

/**
 * Whether PostgreSQL refused the batch for its data (SQLSTATE class 22, data exception, or 23,
 * integrity) rather than because it is unreachable: retrying the same records cannot succeed.
 */
export function isRefusedData(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (!value || typeof value !== "object" || seen.has(value) || depth > 6) return false;
    seen.add(value);
    const { code, originalCode, message } = value as { code?: unknown; originalCode?: unknown; message?: unknown };
    for (const candidate of [code, originalCode]) if (typeof candidate === "string" && /^2[23][0-9A-Z]{3}$/.test(candidate)) return true;
    if (typeof message === "string" && /Code: `2[23][0-9A-Z]{3}`/.test(message)) return true;
    return Object.values(value).some((child) => visit(child, depth + 1));
  };
  return visit(error, 0);
}

/**
 * Writes the batch; when the database refuses it for its data, writes the records one by one so
 * one bad record cannot hold back every later one, and hands each refused record to `setAside`
 * (kept on disk by the journal, never dropped). Any other failure is thrown for the queue to retry.
 */
export async function writeDecisionBatchIsolating(records: DecisionRecordInput[], setAside: (record: DecisionRecordInput, error: unknown) => void): Promise<void> {
  try {
    await writeDecisionBatch(records);
  } catch (error) {
    if (!isRefusedData(error)) throw error;
    for (const record of records) {
      try {
        await writeDecisionBatch([record]);
      } catch (single) {
        if (!isRefusedData(single)) throw single;
        setAside(record, single);
      }
    }
  }
}
