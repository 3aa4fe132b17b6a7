import "server-only";
// How many decisions a search matches, and the same search grouped by one dimension (the
// constraint that refused it, feature, tier, model or status). Each query is bounded: the count
// stops at COUNT_CAP ("10,000+"), and both run under the list's statement timeout.
import { getDb, Prisma } from "@/lib/db";
import type { DecisionFilters, DecisionGroupKey } from "./decision-filters";
import { STATEMENT_TIMEOUT_MS, decisionConditions, isStatementTimeout } from "./list-decisions";

const GROUP_COLUMN: Record<DecisionGroupKey, Prisma.Sql> = {
  constraint: Prisma.sql`"refusalConstraint"`,
  feature: Prisma.sql`"featureKey"`,
  tier: Prisma.sql`"tierKey"`,
  model: Prisma.sql`"modelAlias"`,
  status: Prisma.sql`status::text`,
};

/** Counting stops here: past it the page says "10,000+" rather than scan millions of rows. */
export const COUNT_CAP = 10_000;
const MAX_GROUPS = 50;

export interface DecisionCount {
  count: number;
  /** More than COUNT_CAP matched; `count` is the cap. */
  atLeast: boolean;
  timedOut: boolean;
}

export interface DecisionGroupRow {
  /** The stored value; null when the records have none (no constraint, no feature, not served). */
  value: string | null;
  requests: number;
  costUsd: number;
}

export interface DecisionGroups {
  by: DecisionGroupKey;
  rows: DecisionGroupRow[];
  /** Only the MAX_GROUPS largest groups are listed. */
  truncated: boolean;
  timedOut: boolean;
}

const where = (filters: DecisionFilters, extra: Prisma.Sql[] = []) => {
  const parts = [...decisionConditions(filters), ...extra];
  return parts.length > 0 ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
};

async function bounded<T>(query: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T | "timeout"> {
  try {
    return await getDb().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
      return query(tx);
    });
  } catch (error) {
    if (isStatementTimeout(error)) return "timeout";
    throw error;
  }
}

export async function countDecisions(filters: DecisionFilters): Promise<DecisionCount> {
  const result = await bounded((tx) => tx.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM (SELECT 1 FROM "DecisionRecord" ${where(filters)} LIMIT ${COUNT_CAP + 1}) matched`);
  if (result === "timeout") return { count: 0, atLeast: false, timedOut: true };
  const count = result[0]?.count ?? 0;
  return { count: Math.min(count, COUNT_CAP), atLeast: count > COUNT_CAP, timedOut: false };
}

export async function groupDecisions(filters: DecisionFilters, by: DecisionGroupKey): Promise<DecisionGroups> {
  const column = GROUP_COLUMN[by];
  // Grouping by constraint is about refusals: the others have none to show.
  const extra = by === "constraint" ? [Prisma.sql`status = 'refused'::"DecisionStatus"`] : [];
  const result = await bounded((tx) => tx.$queryRaw<Array<{ value: string | null; requests: number; costUsd: number }>>`
    SELECT ${column} AS value, count(*)::float8 AS requests, COALESCE(SUM("costUsd"), 0)::float8 AS "costUsd"
    FROM "DecisionRecord" ${where(filters, extra)}
    GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST LIMIT ${MAX_GROUPS + 1}`);
  if (result === "timeout") return { by, rows: [], truncated: false, timedOut: true };
  return { by, rows: result.slice(0, MAX_GROUPS), truncated: result.length > MAX_GROUPS, timedOut: false };
}
