import "server-only";
import type { Prisma } from "@/lib/db";
import { StaleEditError } from "./stale-edit";

/**
 * Optimistic concurrency for rows without a version column (app keys, users): the form carries
 * when its page was loaded, and the save is refused if the change log has an entry for the row
 * after that. Every console change to these rows is logged in the same transaction, so the log
 * is the row's history. Callers lock the row first (SELECT … FOR UPDATE) so two saves that
 * started together are serialised and the second sees the first one's log entry.
 */
export async function assertNoChangeSince(tx: Prisma.TransactionClient, entity: string, entityKey: string, seenAt: Date): Promise<void> {
  const last = await tx.configChange.findFirst({
    where: { entity, entityKey, at: { gt: seenAt } },
    orderBy: { at: "desc" },
    select: { actorEmail: true, at: true },
  });
  if (last) throw new StaleEditError(entity, entityKey, last.actorEmail, last.at);
}
