import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { lockNextPolicyVersion } from "./publish-policy";
import { recordChange, type Actor } from "../changes/record-change";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

/**
 * Publishes an older version's snapshot again as the newest version (rolledBackFrom = the
 * version re-published) and logs it. The working configuration is left as it is: the publish bar
 * then counts its differences from the live version as unpublished (the next Publish would put
 * them live again), and "Discard draft" makes it equal to the live version.
 */
export async function rollBackPolicy({ toVersion, note, actor }: { toVersion: number; note: string | null; actor: Actor }): Promise<number> {
  return getDb().$transaction(async (tx) => {
    const { number, previous } = await lockNextPolicyVersion(tx);
    if (previous === toVersion) throw new ConfigRuleError(`Version ${toVersion} is already the policy in force.`);
    const old = await tx.policyVersion.findUnique({ where: { number: toVersion }, select: { snapshot: true, document: true } });
    if (!old) throw new ConfigRuleError(`There is no policy version ${toVersion}.`);
    const snapshot = { ...(old.snapshot as Record<string, unknown>), version: number };
    const fullNote = `Roll back to version ${toVersion}${note ? `: ${note}` : ""}`;
    await tx.policyVersion.create({
      data: {
        number,
        note: fullNote,
        snapshot: snapshot as Prisma.InputJsonValue,
        // The version re-published keeps its document, so "Discard draft" can return to it.
        ...(old.document !== null ? { document: old.document as Prisma.InputJsonValue } : {}),
        publishedById: actor.id,
        rolledBackFrom: toVersion,
      },
    });
    await recordChange(tx, actor, {
      entity: "policy",
      entityKey: String(number),
      action: "rollback",
      before: previous !== null ? { version: previous } : null,
      after: { version: number, republished: toVersion },
      note: fullNote,
    });
    return number;
  });
}
