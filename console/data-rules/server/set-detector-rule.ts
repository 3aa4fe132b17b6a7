import "server-only";
import { getDb } from "@/lib/db";
import { BUILT_IN_DETECTORS } from "@/lib/detectors";
import { ENTITY } from "@/lib/config/changes/change-entities";
import { claimVersion } from "@/lib/config/changes/claim-version";
import { classificationRuleView } from "./classification-rule-view";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";
import type { DetectorRuleInput } from "../schema";

/** The rule key the seed gives each built-in detector ("payment_card" → "detector-payment-card"). */
export const detectorRuleKey = (detector: string) => `detector-${detector.replace(/_/g, "-")}`;

/**
 * Switches a built-in detector on or off and sets the class it raises to. A detector without a
 * rule row (never seeded, or removed in the database) gets one, so "on" always means a rule.
 */
export async function setDetectorRule(input: DetectorRuleInput, actor: Actor): Promise<void> {
  const key = detectorRuleKey(input.detector);
  await getDb().$transaction(async (tx) => {
    const before = await tx.classificationRule.findUnique({ where: { key } });
    if (input.version === null && before === null) {
      const label = BUILT_IN_DETECTORS.find((detector) => detector.key === input.detector)?.label ?? input.detector;
      const created = await tx.classificationRule.create({
        data: { key, name: label, kind: "detector", detector: input.detector, dataClassKey: input.dataClassKey, enabled: input.enabled },
      });
      await recordChange(tx, actor, { entity: ENTITY.classificationRule, entityKey: key, action: "create", after: classificationRuleView(created) });
      return;
    }
    await claimVersion(tx, ENTITY.classificationRule, key, input.version ?? 0, () =>
      tx.classificationRule.updateMany({
        where: { key, version: input.version ?? 0, kind: "detector" },
        data: { enabled: input.enabled, dataClassKey: input.dataClassKey, version: { increment: 1 } },
      }),
    );
    const after = await tx.classificationRule.findUniqueOrThrow({ where: { key } });
    await recordChange(tx, actor, {
      entity: ENTITY.classificationRule,
      entityKey: key,
      action: before?.enabled !== after.enabled ? (after.enabled ? "enable" : "disable") : "update",
      before: before ? classificationRuleView(before) : null,
      after: classificationRuleView(after),
    });
  });
}
