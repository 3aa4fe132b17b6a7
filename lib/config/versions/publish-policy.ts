import "server-only";
import { getDb, Prisma } from "@/lib/db";
import { buildSnapshot } from "./build-snapshot";
import { loadConfigDocument } from "../documents/load-config-document";
import { recordChange, type Actor } from "../changes/record-change";

export interface PublishInput {
  note: string;
  actor: Actor;
}

/**
 * Takes the publish lock and returns the next version number. A transaction-level advisory
 * lock serialises publishers (publish, roll back, config apply) so two cannot take one number.
 */
export async function lockNextPolicyVersion(tx: Prisma.TransactionClient): Promise<{ number: number; previous: number | null }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
  const latest = await tx.policyVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  return { number: (latest?.number ?? 0) + 1, previous: latest?.number ?? null };
}

/** Publishes inside the caller's transaction, so a change and its publish commit together. */
export async function publishPolicyIn(tx: Prisma.TransactionClient, { note, actor }: PublishInput): Promise<number> {
  const { number, previous } = await lockNextPolicyVersion(tx);
  const snapshot = await buildSnapshot(number, tx);
  // The document beside the snapshot: "Discard draft" writes it back to the working tables.
  const document = await loadConfigDocument(tx);
  await tx.policyVersion.create({
    data: { number, note, snapshot: snapshot as unknown as Prisma.InputJsonValue, document: document as unknown as Prisma.InputJsonValue, publishedById: actor.id },
  });
  await recordChange(tx, actor, {
    entity: "policy",
    entityKey: String(number),
    action: "publish",
    before: previous !== null ? { version: previous } : null,
    after: { version: number },
    note,
  });
  return number;
}

/** Turns the working configuration into the next immutable policy version and logs the publish. */
export async function publishPolicy(input: PublishInput): Promise<number> {
  return getDb().$transaction((tx) => publishPolicyIn(tx, input));
}
