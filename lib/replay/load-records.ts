// Reading decision records for a replay: keyset pages in time order over the window, only the
// columns the replay needs (numbers cast in SQL so no Decimal objects are made per row).
import "server-only";
import { getDb, Prisma } from "@/lib/db";
import { ruleKeywords } from "./replay-input";
import type { ReplayRecord } from "./types";
import type { RoutingRulePolicy } from "@/lib/routing/types";

export interface RecordWindow {
  from: Date;
  to: Date;
  /** Replay one record in `every` (by a hash of its id); 1 = all. */
  every: number;
}

/** Records the window holds: replayable (a stored replay input) and not (decided before inputs were kept). */
export async function countRecords(window: Omit<RecordWindow, "every">): Promise<{ replayable: number; withoutInput: number }> {
  const [row] = await getDb().$queryRaw<Array<{ replayable: bigint; without_input: bigint }>>`
    SELECT count(*) FILTER (WHERE "replayInput" IS NOT NULL) AS replayable, count(*) FILTER (WHERE "replayInput" IS NULL) AS without_input
    FROM "DecisionRecord"
    WHERE "createdAt" >= ${window.from} AND "createdAt" < ${window.to} AND NOT "dryRun" AND "dataClass" <> 'unclassified'`;
  return { replayable: Number(row?.replayable ?? 0), withoutInput: Number(row?.without_input ?? 0) };
}

/** Month-to-date spend per feature before `from`, for the replay's budgets. */
export async function spendBefore(from: Date): Promise<Record<string, number>> {
  const monthStart = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  const rows = await getDb().$queryRaw<Array<{ featureKey: string; spent: number }>>`
    SELECT "featureKey", COALESCE(sum("costUsd"), 0)::float8 AS spent FROM "DecisionRecord"
    WHERE "createdAt" >= ${monthStart} AND "createdAt" < ${from} AND NOT "dryRun" AND "featureKey" IS NOT NULL
    GROUP BY "featureKey"`;
  return Object.fromEntries(rows.map((row) => [row.featureKey, row.spent]));
}

interface Cursor {
  createdAt: Date;
  id: string;
}

/**
 * Pages of replayable records in (createdAt, id) order. The next page is asked for before the
 * caller works through the current one, so the database reads while the replay decides.
 */
export async function* recordPages(window: RecordWindow, { pageSize, withPrompt }: { pageSize: number; withPrompt: boolean }): AsyncGenerator<ReplayRecord[]> {
  const query = (cursor: Cursor | null) => getDb().$queryRaw<ReplayRecord[]>`
    SELECT id::text AS id, "createdAt", "featureKey", "estimatedInputTokens", ${withPrompt ? Prisma.sql`prompt` : Prisma.sql`NULL::text`} AS prompt,
      "policyVersion", status::text AS status, candidates->0->>'alias' AS "firstAlias", candidates->0->>'tierKey' AS "firstTierKey",
      "inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens", "costUsd"::float8 AS "costUsd",
      "baselineCostUsd"::float8 AS "baselineCostUsd", "replayInput"
    FROM "DecisionRecord"
    WHERE "createdAt" >= ${window.from} AND "createdAt" < ${window.to} AND NOT "dryRun" AND "dataClass" <> 'unclassified'
      AND "replayInput" IS NOT NULL
      ${window.every > 1 ? Prisma.sql`AND abs(hashtext(id::text)) % ${window.every} = 0` : Prisma.empty}
      ${cursor ? Prisma.sql`AND ("createdAt", id) > (${cursor.createdAt}, ${cursor.id}::uuid)` : Prisma.empty}
    ORDER BY "createdAt", id
    LIMIT ${pageSize}`;
  // A Prisma query starts only when then() is called: call it now, so the read runs ahead.
  const page = (cursor: Cursor | null): Promise<ReplayRecord[]> => new Promise((resolve, reject) => void query(cursor).then(resolve, reject));
  let next = page(null);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    next = rows.length < pageSize ? Promise.resolve([]) : page({ createdAt: last.createdAt, id: last.id });
    yield rows;
  }
}

/** The routing keywords each published version checked, for records decided under it. */
export async function checkedKeywordsOf(versions: readonly number[]): Promise<Map<number, Set<string>>> {
  if (versions.length === 0) return new Map();
  const rows = await getDb().$queryRaw<Array<{ number: number; rules: RoutingRulePolicy[] | null }>>`
    SELECT number, snapshot->'routingRules' AS rules FROM "PolicyVersion" WHERE number = ANY(${[...versions]}::int[])`;
  return new Map(rows.map((row) => [row.number, ruleKeywords(row.rules ?? [])]));
}
