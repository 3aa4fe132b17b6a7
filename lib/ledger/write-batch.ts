import "server-only";
import type { PoolClient } from "pg";
import { inLedgerTransaction } from "@/lib/db";
import type { DecisionRecordInput } from "./record";
import { recordJson } from "./record-json";
import { foldIntoDailyRollups, foldIntoRollups, type RollupDelta, type RollupDimensions, type RollupTotals } from "./rollup";

/**
 * One transaction per batch: the raw records, the hourly and daily rollups they add to, and the
 * keys' last-used times. Either all of it lands or none does (and the queue retries the batch).
 * Written through pg, not Prisma (lib/db/ledger-pool.ts says why).
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
  await inLedgerTransaction(async (db) => {
    // ON CONFLICT DO NOTHING: a batch retried after a lost commit acknowledgement is not written twice.
    const inserted = await insertRecords(db, records);
    // If some records were already there (retry), their rollups were too: only add fresh ones.
    const fresh = inserted === records.length ? deltas : await freshDeltas(db, records);
    if (fresh.length > 0) await upsertRollups(db, fresh);
    // Sorted: concurrent writers lock the keys' rows in the same order.
    for (const [id, at] of [...lastUse].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await db.query(`UPDATE "ApiKey" SET "lastUsedAt" = GREATEST(COALESCE("lastUsedAt", $2::timestamptz), $2::timestamptz) WHERE id = $1`, [id, at]);
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
const quoted = (name: string) => `"${name}"`;
/** NOT NULL columns an older caller (or an older journal line) may leave out. */
const DEFAULT_WHEN_MISSING: Partial<Record<keyof DecisionRecordInput, string>> = { synthetic: "false", usageEstimated: "false", capabilities: "'{}'", answerFindings: "'[]'" };
const COLUMN_LIST = RECORD_COLUMNS.map(([name]) => quoted(name)).join(", ");
const SELECT_LIST = RECORD_COLUMNS.map(([name]) => (DEFAULT_WHEN_MISSING[name] ? `COALESCE(r.${quoted(name)}, ${DEFAULT_WHEN_MISSING[name]})` : `r.${quoted(name)}`)).join(", ");
const RECORD_TYPE = RECORD_COLUMNS.map(([name, type]) => `${quoted(name)} ${type}`).join(", ");
const INSERT_RECORDS = `
    INSERT INTO "DecisionRecord" (${COLUMN_LIST})
    SELECT ${SELECT_LIST} FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_TYPE})
    ON CONFLICT (id) DO NOTHING`;

/**
 * Inserts the batch as one JSON parameter unpacked by the database (jsonb_to_recordset): a batch
 * of 500 records with their traces is one value to send instead of ~18,000 bind parameters. The
 * records' JSON is the text the journal already made for them (record-json.ts); keys that are no
 * column are ignored, missing ones are NULL. Returns how many rows were new.
 */
async function insertRecords(db: PoolClient, records: DecisionRecordInput[]): Promise<number> {
  // One join into a flat string: built with += it is a rope, which pg's Buffer.byteLength copies
  // flat again (~3.5 KB per record of garbage on every batch).
  const parts: string[] = ["["];
  for (let i = 0; i < records.length; i++) parts.push(i === 0 ? "" : ",", recordJson(records[i]!));
  parts.push("]");
  const result = await db.query(INSERT_RECORDS, [parts.join("")]);
  return result.rowCount ?? 0;
}

async function freshDeltas(db: PoolClient, records: DecisionRecordInput[]): Promise<RollupDelta[]> {
  // Records inserted by this transaction are visible with xmin = current transaction id.
  const { rows } = await db.query<{ id: string }>(`SELECT id::text FROM "DecisionRecord" WHERE id = ANY($1::uuid[]) AND xmin::text = txid_current()::text`, [records.map((r) => r.id)]);
  const ids = new Set(rows.map((row) => row.id));
  return foldIntoRollups(records.filter((record) => ids.has(record.id)));
}

// A rollup row's dimensions and totals with their SQL types (the tables' own).
const ROLLUP_COLUMNS: ReadonlyArray<[keyof (RollupDimensions & RollupTotals), string]> = [
  ["featureKey", "text"],
  ["team", "text"],
  ["endpoint", "text"],
  ["tierKey", "text"],
  ["modelAlias", "text"],
  ["apiKeyId", "text"],
  ["dataClass", "text"],
  ["status", `"DecisionStatus"`],
  ["escalationReason", "text"],
  ["refusalConstraint", "text"],
  ["fallbackCause", "text"],
  ["synthetic", "boolean"],
  ["requests", "int"],
  ["fallbacks", "int"],
  ["unpricedRequests", "int"],
  ["inputTokens", "bigint"],
  ["outputTokens", "bigint"],
  ["cachedInputTokens", "bigint"],
  ["cacheWriteTokens", "bigint"],
  ["estimatedRequests", "int"],
  ["costUsd", "numeric"],
  ["baselineCostUsd", "numeric"],
  ["cacheSavingsUsd", "numeric"],
  ["latencyMsSum", "bigint"],
  ["latencyBuckets", "int[]"],
  ["ttftBuckets", "int[]"],
];
const ROLLUP_LIST = ROLLUP_COLUMNS.map(([name]) => quoted(name)).join(", ");
const ROLLUP_SELECT = ROLLUP_COLUMNS.map(([name]) => `r.${quoted(name)}`).join(", ");
const ROLLUP_TYPE = ROLLUP_COLUMNS.map(([name, type]) => `${quoted(name)} ${type}`).join(", ");
// Must list exactly the columns of each table's unique key (the hourly unique index, the daily
// primary key): anything else and Postgres cannot match the conflict to the index.
const CONFLICT_KEY = `"featureKey", endpoint, "tierKey", "modelAlias", "apiKeyId", "dataClass", status, "escalationReason", "refusalConstraint", "fallbackCause", synthetic`;
// The rows are upserted in key order, the same in every writer, so concurrent batches lock them
// in the same order and cannot deadlock.
const KEY_ORDER = CONFLICT_KEY.split(", ").map((column) => `r.${column}`).join(", ");
const ADD_TOTALS = `
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
      "ttftBuckets" = ARRAY(SELECT COALESCE(a, 0) + COALESCE(b, 0) FROM unnest(t."ttftBuckets", EXCLUDED."ttftBuckets") AS u(a, b))`;
const UPSERT_HOURLY = `
    INSERT INTO "UsageRollup" AS t (id, hour, ${ROLLUP_LIST})
    SELECT gen_random_uuid()::text, r.hour, ${ROLLUP_SELECT} FROM jsonb_to_recordset($1::jsonb) AS r(hour timestamptz, ${ROLLUP_TYPE})
    ORDER BY r.hour, ${KEY_ORDER}
    ON CONFLICT (hour, ${CONFLICT_KEY}) DO UPDATE SET ${ADD_TOTALS}`;
const UPSERT_DAILY = `
    INSERT INTO "DailyUsageRollup" AS t (day, ${ROLLUP_LIST})
    SELECT r.day, ${ROLLUP_SELECT} FROM jsonb_to_recordset($1::jsonb) AS r(day date, ${ROLLUP_TYPE})
    ORDER BY r.day, ${KEY_ORDER}
    ON CONFLICT (day, ${CONFLICT_KEY}) DO UPDATE SET ${ADD_TOTALS}`;

/** Adds the deltas to their hourly rows, then to their daily rows (each as one JSON parameter). */
async function upsertRollups(db: PoolClient, hourly: RollupDelta[]): Promise<void> {
  await db.query(UPSERT_HOURLY, [JSON.stringify(hourly)]);
  const daily = foldIntoDailyRollups(hourly).map(({ day, ...rest }) => ({ ...rest, day: day.toISOString().slice(0, 10) }));
  await db.query(UPSERT_DAILY, [JSON.stringify(daily)]);
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
