import "server-only";
import { getDb } from "@/lib/db";
import { ENTITY } from "@/lib/config/changes/change-entities";
import { claimVersion } from "@/lib/config/changes/claim-version";
import { checkDataClassOrder } from "../data-class-order";
import { assertVersion, recordChange, type Actor } from "@/lib/config/changes/record-change";
import type { DataClassInput } from "../schema";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

// Edits of different classes must not pass the order check side by side (each against the
// other's old value), so they take turns.
const DATA_CLASS_LOCK = 4242101;

/** Sets the tiers and provider regions a data class may use; refuses a change that breaks the class order. */
export async function updateDataClass(input: DataClassInput, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DATA_CLASS_LOCK})`;
    const classes = await tx.dataClass.findMany({ orderBy: { rank: "asc" }, include: { tiers: { include: { tier: { select: { key: true, rank: true } } } } } });
    const current = classes.find((entry) => entry.key === input.key);
    if (!current) throw new ConfigRuleError(`There is no data class "${input.key}". Reload the page.`);
    // A stale form hears "reload" before anything is said about its content.
    await assertVersion(tx, ENTITY.dataClass, input.key, current, input.version);

    const tiers = await tx.tier.findMany({ where: { key: { in: input.tierKeys } }, orderBy: { rank: "asc" } });
    const unknown = input.tierKeys.filter((key) => !tiers.some((tier) => tier.key === key));
    if (unknown.length > 0) throw new ConfigRuleError(`Unknown tier ${unknown.join(", ")}: it may have been removed. Reload the page.`, "tierKeys");

    const tierKeysOf = (entry: (typeof classes)[number]) => [...entry.tiers].sort((a, b) => a.tier.rank - b.tier.rank).map((link) => link.tier.key);
    const proposed = classes.map((entry) =>
      entry.key === input.key
        ? { key: entry.key, name: entry.name, rank: entry.rank, tierKeys: tiers.map((tier) => tier.key), allowedRegions: input.allowedRegions }
        : { key: entry.key, name: entry.name, rank: entry.rank, tierKeys: tierKeysOf(entry), allowedRegions: entry.allowedRegions },
    );
    const problem = checkDataClassOrder(proposed, input.key);
    if (problem) throw new ConfigRuleError(problem.message, problem.field);

    await claimVersion(tx, ENTITY.dataClass, input.key, input.version, () =>
      tx.dataClass.updateMany({ where: { key: input.key, version: input.version }, data: { allowedRegions: input.allowedRegions, version: { increment: 1 } } }),
    );
    await tx.dataClassTier.deleteMany({ where: { dataClassKey: input.key } });
    await tx.dataClassTier.createMany({ data: tiers.map((tier) => ({ dataClassKey: input.key, tierId: tier.id })) });
    await recordChange(tx, actor, {
      entity: ENTITY.dataClass,
      entityKey: input.key,
      action: "update",
      before: { tiers: tierKeysOf(current), allowedRegions: current.allowedRegions },
      after: { tiers: tiers.map((tier) => tier.key), allowedRegions: input.allowedRegions },
    });
  });
}
