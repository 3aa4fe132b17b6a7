import "server-only";
// The decision log, newest first, paged by keyset on (createdAt, id). Each page is one range scan
// of an index ending in ("createdAt" DESC, id DESC) from the cursor — the (feature | key | status)
// index when that filter is set, the plain one otherwise — so page 1 and page 10,000 cost the same.
// Filters without an index of their own are checked on the rows the scan visits; a search so
// narrow that it would visit millions of rows stops at a statement timeout and says so.
import { getDb, Prisma } from "@/lib/db";
import { money, readFindings, type StoredDecimal, type StoredDecisionRecord } from "@/lib/ledger/record-row";
import { NO_FEATURE, encodeCursor, idPrefixBounds, type DecisionCursor, type DecisionFilters, type PageDirection } from "./decision-filters";

export type { DecisionStatus } from "@/lib/ledger/record";

/** A line of the log: columns of the stored record (lib/ledger/record-row.ts), and what is read around them. */
export type DecisionRow = Pick<
  StoredDecisionRecord,
  | "id"
  | "createdAt"
  | "featureKey"
  | "apiKeyPrefix"
  | "requestedModel"
  | "dataClass"
  | "tierKey"
  | "modelAlias"
  | "status"
  | "httpStatus"
  | "refusalConstraint"
  | "errorCode"
  | "escalationReason"
  | "latencyMs"
  | "ttftMs"
  | "costUsd"
  | "baselineCostUsd"
  | "findings"
  | "dryRun"
  | "synthetic"
> & {
  /** The surface the request came in on (lib/ledger/record.ts Endpoint), as stored. */
  endpoint: string;
  /** The serving provider is a simulator in today's configuration. */
  simulated: boolean;
  fallbackCount: number;
};

export interface DecisionPage {
  rows: DecisionRow[];
  /** Cursor for the next (older) page; null on the last page. */
  older: string | null;
  /** Cursor for the previous (newer) page; null on the newest page. */
  newer: string | null;
  /** The search was stopped by the statement timeout (too narrow for too long a range). */
  timedOut: boolean;
}

export const PAGE_SIZE = 50;
/** A list query that runs longer than this is stopped: the page asks for a narrower search instead. */
export const STATEMENT_TIMEOUT_MS = 5_000;

/** The search as SQL conditions on "DecisionRecord" (shared by the list, its count, groups and exports). */
export function decisionConditions(filters: DecisionFilters): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (filters.range) parts.push(Prisma.sql`"createdAt" >= ${filters.range.start} AND "createdAt" < ${filters.range.end}`);
  if (filters.idPrefix) {
    const { low, high } = idPrefixBounds(filters.idPrefix);
    parts.push(Prisma.sql`id BETWEEN ${low}::uuid AND ${high}::uuid`);
  }
  if (filters.feature) parts.push(filters.feature === NO_FEATURE ? Prisma.sql`"featureKey" IS NULL` : Prisma.sql`"featureKey" = ${filters.feature}`);
  if (filters.endpoint) parts.push(Prisma.sql`endpoint = ${filters.endpoint}`);
  if (filters.key) parts.push(Prisma.sql`"apiKeyId" = ${filters.key}`);
  if (filters.tier) parts.push(Prisma.sql`"tierKey" = ${filters.tier}`);
  if (filters.model) parts.push(Prisma.sql`"modelAlias" = ${filters.model}`);
  if (filters.dataClass) parts.push(Prisma.sql`"dataClass" = ${filters.dataClass}`);
  if (filters.status) parts.push(Prisma.sql`status = ${filters.status}::"DecisionStatus"`);
  if (filters.fallback === "yes") parts.push(Prisma.sql`fallbacks <> '[]'::jsonb`);
  if (filters.fallback === "no") parts.push(Prisma.sql`fallbacks = '[]'::jsonb`);
  if (filters.minLatencyMs !== null) parts.push(Prisma.sql`"latencyMs" >= ${filters.minLatencyMs}`);
  if (filters.minCostUsd !== null) parts.push(Prisma.sql`"costUsd" >= ${filters.minCostUsd}`);
  if (filters.maxCostUsd !== null) parts.push(Prisma.sql`"costUsd" <= ${filters.maxCostUsd}`);
  return parts;
}

export interface RawRow extends Omit<DecisionRow, "simulated" | "costUsd" | "baselineCostUsd" | "findings" | "createdAt"> {
  createdAt: Date;
  providerKey: string | null;
  costUsd: StoredDecimal;
  baselineCostUsd: StoredDecimal;
  findings: unknown;
}

export const COLUMNS = Prisma.sql`id::text AS id, "createdAt", "featureKey", "apiKeyPrefix", endpoint, "requestedModel", "dataClass", "tierKey", "modelAlias", "providerKey",
  status::text AS status, "httpStatus", "refusalConstraint", "errorCode", "escalationReason", jsonb_array_length(fallbacks) AS "fallbackCount",
  "latencyMs", "ttftMs", "costUsd", "baselineCostUsd", findings, "dryRun", synthetic`;

export async function simulatorKeys(): Promise<Set<string>> {
  const providers = await getDb().provider.findMany({ where: { kind: "simulator" }, select: { key: true } });
  return new Set(providers.map((provider) => provider.key));
}

export function toRow(raw: RawRow, simulators: ReadonlySet<string>): DecisionRow {
  const { providerKey, costUsd, baselineCostUsd, findings, ...rest } = raw;
  return {
    ...rest,
    simulated: providerKey !== null && simulators.has(providerKey),
    costUsd: money(costUsd),
    baselineCostUsd: money(baselineCostUsd),
    findings: readFindings(findings),
  };
}

export function isStatementTimeout(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  return /57014|statement timeout|canceling statement/i.test(text);
}

/** One page of the log. `direction` older = after the cursor (down the list), newer = before it. */
export async function listDecisions(
  filters: DecisionFilters,
  page: { direction: PageDirection; cursor: DecisionCursor | null },
  pageSize = PAGE_SIZE,
): Promise<DecisionPage> {
  const where = decisionConditions(filters);
  const { cursor, direction } = page;
  if (cursor) {
    where.push(direction === "older" ? Prisma.sql`("createdAt", id) < (${cursor.createdAt}, ${cursor.id}::uuid)` : Prisma.sql`("createdAt", id) > (${cursor.createdAt}, ${cursor.id}::uuid)`);
  }
  const order = direction === "older" ? Prisma.sql`"createdAt" DESC, id DESC` : Prisma.sql`"createdAt" ASC, id ASC`;
  const db = getDb();
  let raw: RawRow[];
  try {
    [, raw] = await db.$transaction([
      db.$executeRawUnsafe(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`),
      db.$queryRaw<RawRow[]>`SELECT ${COLUMNS} FROM "DecisionRecord" ${where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty} ORDER BY ${order} LIMIT ${pageSize + 1}`,
    ]);
  } catch (error) {
    if (isStatementTimeout(error)) return { rows: [], older: null, newer: null, timedOut: true };
    throw error;
  }
  const more = raw.length > pageSize;
  const slice = raw.slice(0, pageSize);
  if (direction === "newer") slice.reverse();
  const simulators = await simulatorKeys();
  const rows = slice.map((row) => toRow(row, simulators));
  const first = rows[0];
  const last = rows.at(-1);
  const cursorOf = (row: DecisionRow) => encodeCursor({ createdAt: row.createdAt, id: row.id });
  return {
    rows,
    // Going down: more rows below if we fetched one extra. Coming back up: the page we came from is below.
    older: last && (direction === "older" ? more : cursor !== null) ? cursorOf(last) : null,
    newer: first && (direction === "newer" ? more : cursor !== null) ? cursorOf(first) : null,
    timedOut: false,
  };
}

/** The newest records matching the filters, for the live tail. */
export async function listLatestDecisions(filters: DecisionFilters, limit: number): Promise<DecisionRow[]> {
  const page = await listDecisions(filters, { direction: "older", cursor: null }, limit);
  return page.rows;
}
