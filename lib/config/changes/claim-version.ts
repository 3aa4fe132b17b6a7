import "server-only";
import type { Prisma } from "@/lib/db";
import { assertVersion } from "./record-change";

/**
 * Optimistic concurrency as one statement: the update changes the row only where it still has
 * the version the form was opened on (and bumps it). Checking first and writing after would let
 * two saves that started together both pass; a conditional UPDATE cannot — the second waits for
 * the first to commit, then matches nothing. No match → StaleEditError naming the last person
 * who changed the row.
 */
export async function claimVersion(
  tx: Prisma.TransactionClient,
  entity: string,
  entityKey: string,
  expectedVersion: number,
  update: () => Promise<{ count: number }>,
): Promise<void> {
  await refuseIfMoved(tx, entity, entityKey, await update(), expectedVersion);
}

/** The same check for a conditional update the caller already ran: zero rows changed = stale. */
export async function refuseIfMoved(tx: Prisma.TransactionClient, entity: string, entityKey: string, updated: { count: number }, expectedVersion: number): Promise<void> {
  if (updated.count === 0) await assertVersion(tx, entity, entityKey, null, expectedVersion);
}
