import "server-only";
import { Prisma } from "@/lib/db";
import { StaleEditError } from "@/lib/forms/stale-edit";

export interface Actor {
  id: string | null;
  email: string;
}

type Json = Prisma.InputJsonValue | typeof Prisma.JsonNull;

const asJson = (value: unknown): Json => (value === null || value === undefined ? Prisma.JsonNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

/** Appends to the change log, in the same transaction as the change itself. */
export async function recordChange(
  tx: Prisma.TransactionClient,
  actor: Actor,
  change: { entity: string; entityKey: string; action: string; before?: unknown; after?: unknown; note?: string | null },
): Promise<void> {
  await tx.configChange.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      entity: change.entity,
      entityKey: change.entityKey,
      action: change.action,
      before: asJson(change.before),
      after: asJson(change.after),
      note: change.note ?? null,
    },
  });
}

/**
 * Optimistic concurrency: the caller says which version it edited; if the row has moved on,
 * the save is refused with who changed it and when (from the change log), never overwritten.
 */
export async function assertVersion(
  tx: Prisma.TransactionClient,
  entity: string,
  entityKey: string,
  current: { version: number } | null,
  expectedVersion: number,
): Promise<void> {
  if (current && current.version === expectedVersion) return;
  const last = await tx.configChange.findFirst({ where: { entity, entityKey }, orderBy: { at: "desc" }, select: { actorEmail: true, at: true } });
  throw new StaleEditError(entity, entityKey, last?.actorEmail ?? null, last?.at ?? null);
}
