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

/**
 * About how many records the window holds, from the hourly rollups (no scan of the raw records):
 * the denominator of the progress, and what decides whether to sample.
 */
export async function estimateRecords(window: Omit<RecordWindow, "every">): Promise<number> {
  const [row] = await getDb().$queryRaw<Array<{ requests: number | null }>>`
    SELECT sum(requests)::float8 AS requests FROM "UsageRollup"
    WHERE hour >= date_trunc('hour', ${window.from}::timestamptz) AND hour < ${window.to} AND "dataClass" <> 'unclassified'`;
  return row?.requests ?? 0;
}

/** Month-to-date spend per feature before `from` (from the hourly rollups), for the replay's budgets. */
export async function spendBefore(from: Date): Promise<Record<string, number>> {
  const monthStart = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  const rows = await getDb().$queryRaw<Array<{ featureKey: string; spent: number }>>`
    SELECT "featureKey", COALESCE(sum("costUsd"), 0)::float8 AS spent FROM "UsageRollup"
    WHERE hour >= ${monthStart} AND hour < date_trunc('hour', ${from}::timestamptz) AND "featureKey" <> ''
    GROUP BY "featureKey"`;
  return Object.fromEntries(rows.map((row) => [row.featureKey, row.spent]));
}

const HOUR_MS = 3_600_000;

interface GroupedRow {
  id: string;
  hour: Date;
  count: number;
  featureKey: string | null;
  estimatedInputTokens: number;
  prompt: string | null;
  policyVersion: number | null;
  refused: boolean;
  firstAlias: string | null;
  firstTierKey: string | null;
  difficultyScore: number | null;
  served: boolean;
  inputTokens: number | null;
  outputTokens: number | null;
  cachedInputTokens: number | null;
  cacheWriteTokens: number | null;
  costUsd: number;
  pricedCount: number;
  baselineCostUsd: number;
  replayInput: unknown;
}

function toRecord(row: GroupedRow): ReplayRecord {
  return {
    id: row.id,
    createdAt: row.hour,
    count: row.count,
    featureKey: row.featureKey,
    estimatedInputTokens: row.estimatedInputTokens,
    prompt: row.prompt,
    policyVersion: row.policyVersion,
    refused: row.refused,
    firstAlias: row.firstAlias,
    firstTierKey: row.firstTierKey,
    difficultyScore: row.difficultyScore,
    tokens: row.served
      ? { inputTokens: row.inputTokens ?? 0, outputTokens: row.outputTokens ?? 0, cachedInputTokens: row.cachedInputTokens ?? 0, cacheWriteTokens: row.cacheWriteTokens ?? 0 }
      : null,
    costUsd: row.costUsd,
    pricedCount: row.pricedCount,
    baselineCostUsd: row.baselineCostUsd,
    replayInput: row.replayInput,
  };
}

export interface SliceOptions {
  /** Read the stored prompts (only when the replayed policy has routing keywords). */
  withPrompt: boolean;
  /** Long-context thresholds of the replayed policy: rows are split where a price changes. */
  priceThresholds: readonly number[];
  /** Hours per query: progress is reported after each. */
  sliceHours: number;
  /** The replayed policy's difficulty dials (feature → threshold): a score matters only against its feature's. */
  dials: ReadonlyMap<string, number>;
}

/**
 * The window in time slices, oldest first. Records without replay inputs come too (as rows the
 * replay counts as skipped). The database groups each slice's records with
 * identical replay inputs, recorded choice and pricing class per hour, so a slice of 100,000
 * records arrives as a few hundred rows; hours stay in order, so budgets accumulate in time.
 * The next slice is asked for before the caller replays the current one.
 */
export async function* recordSlices(window: RecordWindow, options: SliceOptions): AsyncGenerator<ReplayRecord[]> {
  // width_bucket counts the bounds at or below a value: bounds of threshold + 1 count "above".
  const bounds = [...new Set(options.priceThresholds)].sort((a, b) => a - b).map((threshold) => threshold + 1);
  const priceClass = bounds.length === 0 ? Prisma.empty : Prisma.sql`, width_bucket(COALESCE("inputTokens", 0), ${bounds}::int[])`;
  // Records are grouped by where their score falls against the feature's dial, not by the score.
  const dialEntries = [...options.dials.entries()];
  const threshold =
    dialEntries.length === 0 ? Prisma.sql`2` : Prisma.sql`CASE ${Prisma.join(dialEntries.map(([feature, value]) => Prisma.sql`WHEN "featureKey" = ${feature} THEN ${value}::float8`), " ")} ELSE 2 END`;
  const select = (db: Prisma.TransactionClient, from: Date, to: Date) => db.$queryRaw<GroupedRow[]>`
    SELECT min(id::text) AS id, date_trunc('hour', "createdAt") AS hour, count(*)::int AS count, "featureKey", "estimatedInputTokens",
      ${options.withPrompt ? Prisma.sql`prompt` : Prisma.sql`NULL::text`} AS prompt, "policyVersion",
      status = 'refused' AS refused,
      -- The first choice is the served model unless something fell back; only then is the (large,
      -- compressed) candidates list opened, which saves about a quarter of the read.
      CASE WHEN fallbacks = '[]'::jsonb THEN "modelAlias" ELSE candidates->0->>'alias' END AS "firstAlias",
      CASE WHEN fallbacks = '[]'::jsonb THEN "tierKey" ELSE candidates->0->>'tierKey' END AS "firstTierKey",
      min("difficultyScore") AS "difficultyScore",
      ("inputTokens" IS NOT NULL AND "outputTokens" IS NOT NULL) AS served,
      sum("inputTokens")::float8 AS "inputTokens", sum("outputTokens")::float8 AS "outputTokens",
      sum("cachedInputTokens")::float8 AS "cachedInputTokens", sum("cacheWriteTokens")::float8 AS "cacheWriteTokens",
      COALESCE(sum("costUsd"), 0)::float8 AS "costUsd", count("costUsd")::int AS "pricedCount",
      COALESCE(sum("baselineCostUsd"), 0)::float8 AS "baselineCostUsd", "replayInput"
    FROM "DecisionRecord"
    WHERE "createdAt" >= ${from} AND "createdAt" < ${to} AND NOT "dryRun" AND "dataClass" <> 'unclassified'
      ${window.every > 1 ? Prisma.sql`AND abs(hashtext(id::text)) % ${window.every} = 0` : Prisma.empty}
    GROUP BY 2, 4, 5, 6, 7, 8, 9, 10, 12, "replayInput", ("difficultyScore" IS NULL), ("difficultyScore" >= ${threshold})${priceClass}
    ORDER BY 2`;
  // JIT compiling costs ~60 ms per slice query and buys nothing here; enough work_mem keeps the
  // grouping sort in memory. Both only for this read (SET LOCAL ends with the transaction).
  const query = (from: Date, to: Date) =>
    getDb().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL jit = off`;
      await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
      return select(tx, from, to);
    });
  const slice = (from: Date, to: Date): Promise<ReplayRecord[]> => query(from, to).then((rows) => rows.map(toRecord));
  // Slices end on whole hours (the first starts where the window does), so no hour is split
  // between two slices and each hour's rows arrive once.
  const ends: Date[] = [];
  const firstHour = Math.floor(window.from.getTime() / HOUR_MS) * HOUR_MS;
  for (let end = firstHour + options.sliceHours * HOUR_MS; ; end += options.sliceHours * HOUR_MS) {
    ends.push(new Date(Math.min(end, window.to.getTime())));
    if (end >= window.to.getTime()) break;
  }
  let next = slice(window.from, ends[0]!);
  for (const [index, end] of ends.entries()) {
    const rows = await next;
    const following = ends[index + 1];
    if (following) next = slice(end, following);
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
