import "server-only";
import { getDb, Prisma } from "@/lib/db";
import { buildSnapshot } from "./build-snapshot";

export interface PublishInput {
  note: string;
  actor: { id: string | null; email: string };
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
    await tx.configChange.create({
      data: {
        actorId: actor.id,
        actorEmail: actor.email,
        entity: "policy",
        entityKey: String(number),
        action: "publish",
        before: latest ? { version: latest.number } : Prisma.JsonNull,
        after: { version: number },
        note,
      },
    });
    return number;
  });
}
