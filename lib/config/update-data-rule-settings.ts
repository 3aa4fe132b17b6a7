import "server-only";
import { getDb } from "@/lib/db";
import { claimVersion } from "./claim-version";
import { DATA_RULE_SETTING_ENTITY, UNSCANNABLE_SETTING_KEY, type DataRuleSettingsInput } from "./data-rule-settings-schema";
import { assertVersion, recordChange, type Actor } from "./record-change";

/**
 * Sets the class that content the detectors cannot read (images) raises a request to, refusing
 * a form opened on an older version; logged, and applied by the gateway after Publish. A
 * database that was never seeded has no settings row: version 0 creates it.
 */
export async function updateDataRuleSettings(input: DataRuleSettingsInput, actor: Actor): Promise<{ version: number; changed: boolean }> {
  return getDb().$transaction(async (tx) => {
    const current = await tx.dataRuleSettings.findUnique({ where: { id: 1 } });
    // A stale form hears "reload" before anything is said about its content.
    if (current === null ? input.version !== 0 : current.version !== input.version) await assertVersion(tx, DATA_RULE_SETTING_ENTITY, UNSCANNABLE_SETTING_KEY, null, input.version);
    const before = current?.unscannableDataClassKey ?? "confidential";
    if (before === input.unscannableDataClassKey) return { version: current?.version ?? 0, changed: false };
    if (current === null) {
      // Two first saves race on the primary key: the second fails with a unique violation, shown as "try again".
      await tx.dataRuleSettings.create({ data: { id: 1, unscannableDataClassKey: input.unscannableDataClassKey } });
    } else {
      await claimVersion(tx, DATA_RULE_SETTING_ENTITY, UNSCANNABLE_SETTING_KEY, input.version, () =>
        tx.dataRuleSettings.updateMany({ where: { id: 1, version: input.version }, data: { unscannableDataClassKey: input.unscannableDataClassKey, version: { increment: 1 } } }),
      );
    }
    await recordChange(tx, actor, {
      entity: DATA_RULE_SETTING_ENTITY,
      entityKey: UNSCANNABLE_SETTING_KEY,
      action: "update",
      before: { unscannableDataClass: before },
      after: { unscannableDataClass: input.unscannableDataClassKey },
    });
    return { version: (current?.version ?? 0) + 1, changed: true };
  });
}
