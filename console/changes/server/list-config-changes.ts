import "server-only";
// The change log, newest first, filtered by entity and user and paged by keyset on (at, id), so
// every entry is reachable and page 500 costs what page 1 does (index on "at" DESC).
import { getDb, type Prisma } from "@/lib/db";
import type { ChangeCursor, ChangeDirection, ChangeFilters } from "../change-filters";

export interface ConfigChangeRow {
  id: string;
  at: Date;
  /** Kept on the row, so the log still says who after the user is deleted. */
  actorEmail: string;
  entity: string;
  entityKey: string;
  action: string;
  note: string | null;
  before: unknown;
  after: unknown;
}

export interface ConfigChangePage {
  rows: ConfigChangeRow[];
  /** Cursor rows for the next older / newer page; null at either end. */
  older: ChangeCursor | null;
  newer: ChangeCursor | null;
}

export const CHANGE_PAGE_SIZE = 50;

const select = { id: true, at: true, actorEmail: true, entity: true, entityKey: true, action: true, note: true, before: true, after: true } as const;

function where(filters: ChangeFilters): Prisma.ConfigChangeWhereInput {
  return { ...(filters.entity ? { entity: filters.entity } : {}), ...(filters.actor ? { actorEmail: filters.actor } : {}) };
}

/** The latest `take` entries (no filters), for callers that want just the head of the log. */
export async function listConfigChanges({ take }: { take: number }): Promise<ConfigChangeRow[]> {
  return getDb().configChange.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take, select });
}

export async function listConfigChangePage(
  filters: ChangeFilters,
  page: { direction: ChangeDirection; cursor: ChangeCursor | null },
  pageSize = CHANGE_PAGE_SIZE,
): Promise<ConfigChangePage> {
  const { cursor, direction } = page;
  const beyond: Prisma.ConfigChangeWhereInput | null = cursor
    ? direction === "older"
      ? { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] }
      : { OR: [{ at: { gt: cursor.at } }, { at: cursor.at, id: { gt: cursor.id } }] }
    : null;
  const order = direction === "older" ? "desc" : "asc";
  const raw = await getDb().configChange.findMany({
    where: { AND: [where(filters), ...(beyond ? [beyond] : [])] },
    orderBy: [{ at: order }, { id: order }],
    take: pageSize + 1,
    select,
  });
  const more = raw.length > pageSize;
  const rows = raw.slice(0, pageSize);
  if (direction === "newer") rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const cursorOf = (row: ConfigChangeRow) => ({ at: row.at, id: row.id });
  return {
    rows,
    older: last && (direction === "older" ? more : cursor !== null) ? cursorOf(last) : null,
    newer: first && (direction === "newer" ? more : cursor !== null) ? cursorOf(first) : null,
  };
}

/** The entities and users the log has entries for, for the filters' choices. */
export async function listChangeFacets(): Promise<{ entities: string[]; actors: string[] }> {
  const db = getDb();
  const [entities, actors] = await Promise.all([
    db.configChange.groupBy({ by: ["entity"], orderBy: { entity: "asc" } }),
    db.configChange.groupBy({ by: ["actorEmail"], orderBy: { actorEmail: "asc" } }),
  ]);
  return { entities: entities.map((row) => row.entity), actors: actors.map((row) => row.actorEmail) };
}
