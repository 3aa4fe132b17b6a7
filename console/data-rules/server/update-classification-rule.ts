import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { ENTITY } from "@/lib/config/changes/change-entities";
import { claimVersion } from "@/lib/config/changes/claim-version";
import { classificationRuleView } from "./classification-rule-view";
import { ruleMatcher } from "./create-classification-rule";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";
import type { DeleteRuleInput, UpdateRuleInput } from "../schema";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

async function adminRule(tx: Prisma.TransactionClient, key: string) {
  const rule = await tx.classificationRule.findUnique({ where: { key } });
  if (rule?.kind === "detector") throw new ConfigRuleError("Built-in detectors are switched on and off in the detectors list, not edited as rules.");
  return rule;
}

/** Edits an admin rule's name, matcher, class or state; the key stays (findings name it). */
export async function updateClassificationRule(input: UpdateRuleInput, actor: Actor): Promise<void> {
  const matcher = ruleMatcher(input);
  await getDb().$transaction(async (tx) => {
    const before = await adminRule(tx, input.key);
    await claimVersion(tx, ENTITY.classificationRule, input.key, input.version, () =>
      tx.classificationRule.updateMany({
        where: { key: input.key, version: input.version, kind: { not: "detector" } },
        data: { name: input.name, ...matcher, dataClassKey: input.dataClassKey, enabled: input.enabled, version: { increment: 1 } },
      }),
    );
    const after = await tx.classificationRule.findUniqueOrThrow({ where: { key: input.key } });
    await recordChange(tx, actor, {
      entity: ENTITY.classificationRule,
      entityKey: input.key,
      action: "update",
      before: before ? classificationRuleView(before) : null,
      after: classificationRuleView(after),
    });
  });
}

/** Removes an admin rule from the working configuration (the published policy keeps it until Publish). */
export async function deleteClassificationRule(input: DeleteRuleInput, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await adminRule(tx, input.key);
    await claimVersion(tx, ENTITY.classificationRule, input.key, input.version, () =>
      tx.classificationRule.deleteMany({ where: { key: input.key, version: input.version, kind: { not: "detector" } } }),
    );
    await recordChange(tx, actor, { entity: ENTITY.classificationRule, entityKey: input.key, action: "delete", before: before ? classificationRuleView(before) : null });
  });
}
