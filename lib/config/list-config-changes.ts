import "server-only";
import { getDb } from "@/lib/db";

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

/** The change log, newest first. */
export async function listConfigChanges({ take }: { take: number }): Promise<ConfigChangeRow[]> {
  return getDb().configChange.findMany({
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { id: true, at: true, actorEmail: true, entity: true, entityKey: true, action: true, note: true, before: true, after: true },
  });
}
