import "server-only";
import { getDb, type ModelNameMapping, type Prisma } from "@/lib/db";
import { ENTITY } from "@/lib/config/changes/change-entities";
import { claimVersion } from "@/lib/config/changes/claim-version";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";
import type { CreateMappingInput, DeleteMappingInput, UpdateMappingInput } from "../schema";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

function mappingView(mapping: ModelNameMapping) {
  return { pattern: mapping.pattern, target: mapping.target, difficulty: mapping.difficulty, priority: mapping.priority };
}

/** A target must name something the router knows: auto, an existing tier, or an existing model. */
async function assertTarget(tx: Prisma.TransactionClient, target: string): Promise<void> {
  if (target === "auto") return;
  if (target.startsWith("tier:")) {
    const key = target.slice("tier:".length);
    if (await tx.tier.findUnique({ where: { key }, select: { key: true } })) return;
    throw new ConfigRuleError(`There is no tier "${key}". Choose auto, an existing tier or a model.`, "target");
  }
  if (await tx.model.findUnique({ where: { alias: target }, select: { alias: true } })) return;
  throw new ConfigRuleError(`There is no model "${target}". Choose auto, an existing tier or a model.`, "target");
}

async function assertPatternFree(tx: Prisma.TransactionClient, pattern: string, id: string | null): Promise<void> {
  const existing = await tx.modelNameMapping.findUnique({ where: { pattern }, select: { id: true } });
  if (existing && existing.id !== id) throw new ConfigRuleError(`A mapping for "${pattern}" already exists. Edit that one instead.`, "pattern");
}

/** Adds a model-name mapping to the working configuration (the router applies it after Publish). */
export async function createModelNameMapping(input: CreateMappingInput, actor: Actor): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    await assertPatternFree(tx, input.pattern, null);
    await assertTarget(tx, input.target);
    const mapping = await tx.modelNameMapping.create({ data: { pattern: input.pattern, target: input.target, difficulty: input.difficulty, priority: input.priority } });
    await recordChange(tx, actor, { entity: ENTITY.modelNameMapping, entityKey: mapping.pattern, action: "create", after: mappingView(mapping) });
    return { id: mapping.id };
  });
}

export async function updateModelNameMapping(input: UpdateMappingInput, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await tx.modelNameMapping.findUnique({ where: { id: input.id } });
    if (!before) throw new ConfigRuleError("This mapping was deleted. Reload the page.");
    await assertPatternFree(tx, input.pattern, input.id);
    await assertTarget(tx, input.target);
    await claimVersion(tx, ENTITY.modelNameMapping, before.pattern, input.version, () =>
      tx.modelNameMapping.updateMany({
        where: { id: input.id, version: input.version },
        data: { pattern: input.pattern, target: input.target, difficulty: input.difficulty, priority: input.priority, version: { increment: 1 } },
      }),
    );
    const after = await tx.modelNameMapping.findUniqueOrThrow({ where: { id: input.id } });
    await recordChange(tx, actor, { entity: ENTITY.modelNameMapping, entityKey: after.pattern, action: "update", before: mappingView(before), after: mappingView(after) });
  });
}

export async function deleteModelNameMapping(input: DeleteMappingInput, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await tx.modelNameMapping.findUnique({ where: { id: input.id } });
    if (!before) return;
    await claimVersion(tx, ENTITY.modelNameMapping, before.pattern, input.version, () => tx.modelNameMapping.deleteMany({ where: { id: input.id, version: input.version } }));
    await recordChange(tx, actor, { entity: ENTITY.modelNameMapping, entityKey: before.pattern, action: "delete", before: mappingView(before) });
  });
}
