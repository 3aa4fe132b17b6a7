import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { routingRuleDoc } from "@/lib/config/documents/config-document";
import { refuseIfMoved } from "@/lib/config/changes/claim-version";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";
import type { RoutingRuleInput } from "../schema";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

type Tx = Prisma.TransactionClient;
export const ruleInclude = { minTier: { select: { key: true } }, maxTier: { select: { key: true } }, pinModel: { select: { alias: true } } } as const;

/** Keys → ids, refusing unknown ones next to the field, and a maximum tier cheaper than the minimum. */
async function ruleFields(tx: Tx, input: RoutingRuleInput) {
  const tier = async (key: string | null, field: string) => {
    if (key === null) return null;
    const row = await tx.tier.findUnique({ where: { key }, select: { id: true, rank: true } });
    if (!row) throw new ConfigRuleError(`The tier "${key}" no longer exists — reload.`, field);
    return row;
  };
  const minTier = await tier(input.then.minTierKey, "then.minTierKey");
  const maxTier = await tier(input.then.maxTierKey, "then.maxTierKey");
  if (minTier && maxTier && minTier.rank > maxTier.rank) throw new ConfigRuleError("The maximum tier is cheaper than the minimum tier, so no tier could serve a matching request.", "then.maxTierKey");
  let pinModelId: string | null = null;
  if (input.then.pinModelAlias !== null) {
    const model = await tx.model.findUnique({ where: { alias: input.then.pinModelAlias }, select: { id: true } });
    if (!model) throw new ConfigRuleError(`The model "${input.then.pinModelAlias}" no longer exists — reload.`, "then.pinModelAlias");
    pinModelId = model.id;
  }
  if (input.when.featureKey !== null && !(await tx.feature.findUnique({ where: { key: input.when.featureKey }, select: { id: true } }))) {
    throw new ConfigRuleError(`The feature "${input.when.featureKey}" no longer exists — reload.`, "when.featureKey");
  }
  return {
    name: input.name,
    enabled: input.enabled,
    whenFeatureKey: input.when.featureKey,
    whenMinTokens: input.when.minTokens,
    whenMaxTokens: input.when.maxTokens,
    whenKeywords: input.when.keywords,
    whenDifficulty: input.when.difficulty,
    minTierId: minTier?.id ?? null,
    maxTierId: maxTier?.id ?? null,
    pinModelId,
  };
}

/** Adds a rule at the end of the list (read last). */
export async function createRoutingRule(input: RoutingRuleInput, actor: Actor): Promise<{ key: string; version: number }> {
  return getDb().$transaction(async (tx) => {
    if (await tx.routingRule.findUnique({ where: { key: input.key }, select: { id: true } })) throw new ConfigRuleError(`A rule with the key "${input.key}" already exists.`, "key");
    const last = await tx.routingRule.findFirst({ orderBy: { position: "desc" }, select: { position: true } });
    const created = await tx.routingRule.create({ data: { key: input.key, position: (last?.position ?? 0) + 10, ...(await ruleFields(tx, input)) }, include: ruleInclude });
    await recordChange(tx, actor, { entity: "routing rule", entityKey: created.key, action: "create", after: routingRuleDoc(created) });
    return { key: created.key, version: created.version };
  });
}

async function currentRule(tx: Tx, key: string, expectedVersion: number) {
  const current = await tx.routingRule.findUnique({ where: { key }, include: ruleInclude });
  if (!current) throw new ConfigRuleError(`The rule "${key}" no longer exists — reload.`);
  if (current.version !== expectedVersion) await refuseIfMoved(tx, "routing rule", key, { count: 0 }, expectedVersion);
  return current;
}

export async function updateRoutingRule(input: RoutingRuleInput, actor: Actor): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const current = await currentRule(tx, input.key, input.version);
    const fields = await ruleFields(tx, input);
    const updated = await tx.routingRule.updateMany({ where: { id: current.id, version: input.version }, data: { ...fields, version: { increment: 1 } } });
    await refuseIfMoved(tx, "routing rule", input.key, updated, input.version);
    const after = routingRuleDoc(await tx.routingRule.findUniqueOrThrow({ where: { id: current.id }, include: ruleInclude }));
    await recordChange(tx, actor, { entity: "routing rule", entityKey: input.key, action: "update", before: routingRuleDoc(current), after });
    return { version: current.version + 1 };
  });
}

/** Switches a rule on or off without opening the form. */
export async function setRoutingRuleEnabled(input: { key: string; version: number; enabled: boolean }, actor: Actor): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const current = await currentRule(tx, input.key, input.version);
    const updated = await tx.routingRule.updateMany({ where: { id: current.id, version: input.version }, data: { enabled: input.enabled, version: { increment: 1 } } });
    await refuseIfMoved(tx, "routing rule", input.key, updated, input.version);
    const before = routingRuleDoc(current);
    await recordChange(tx, actor, { entity: "routing rule", entityKey: input.key, action: input.enabled ? "enable" : "disable", before, after: { ...before, enabled: input.enabled } });
    return { version: current.version + 1 };
  });
}

export async function deleteRoutingRule(input: { key: string; version: number }, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const current = await currentRule(tx, input.key, input.version);
    const deleted = await tx.routingRule.deleteMany({ where: { id: current.id, version: input.version } });
    await refuseIfMoved(tx, "routing rule", input.key, deleted, input.version);
    await recordChange(tx, actor, { entity: "routing rule", entityKey: input.key, action: "delete", before: routingRuleDoc(current) });
  });
}
