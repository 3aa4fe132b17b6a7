import "server-only";
import { getDb } from "@/lib/db";
import { tierDoc } from "@/lib/config/documents/config-document";
import { refuseIfMoved } from "@/lib/config/changes/claim-version";
import type { TierInput } from "../schema";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

/** Renames a tier or rewrites its description. Its key and rank stay: models, rules and data classes refer to them. */
export async function updateTier(input: TierInput, actor: Actor): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const current = await tx.tier.findUnique({ where: { key: input.key } });
    if (!current) throw new ConfigRuleError(`The tier "${input.key}" no longer exists — reload.`);
    const before = tierDoc(current);
    if (before.name === input.name && before.description === input.description && current.version === input.version) return { version: current.version };
    const updated = await tx.tier.updateMany({ where: { id: current.id, version: input.version }, data: { name: input.name, description: input.description, version: { increment: 1 } } });
    await refuseIfMoved(tx, "tier", input.key, updated, input.version);
    await recordChange(tx, actor, { entity: "tier", entityKey: input.key, action: "update", before, after: { ...before, name: input.name, description: input.description } });
    return { version: current.version + 1 };
  });
}
