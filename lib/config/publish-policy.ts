import "server-only";
import { getDb, Prisma } from "@/lib/db";
import { buildSnapshot } from "./build-snapshot";
import { recordChange, type Actor } from "./record-change";

export interface PublishInput {
  note: string;
  actor: Actor;
}

/**
 * Turns the working configuration into the next immutable policy version and logs the publish.
 * Serialised by a transaction-level advisory lock so two publishers cannot take the same number.
 */
export async function publishPolicy({ note, actor }: PublishInput): Promise<number> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
    const latest = await tx.policyVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
    const number = (latest?.number ?? 0) + 1;
    const snapshot = await buildSnapshot(number, tx);
    await tx.policyVersion.create({
      data: { number, note, snapshot: snapshot as unknown as Prisma.InputJsonValue, publishedById: actor.id },
    });
    await recordChange(tx, actor, {
      entity: "policy",
      entityKey: String(number),
      action: "publish",
      before: latest ? { version: latest.number } : null,
      after: { version: number },
      note,
    });
    return number;
  });
}
