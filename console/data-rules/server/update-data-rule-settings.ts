import "server-only";
import { getDb } from "@/lib/db";
import { claimVersion } from "@/lib/config/changes/claim-version";
import { DATA_RULE_SETTING_ENTITY, readSettingsRow, sameSettings, settingsRecord, UNSCANNABLE_SETTING_KEY, type DataRuleSettingsInput } from "@/lib/config/data-rule-settings-schema";
import { assertVersion, recordChange, type Actor } from "@/lib/config/changes/record-change";

/**
 * Saves the data rules' settings (unscannable-content class, the highest class whose prompts may
 * be stored, answer masking), refusing a form opened on an older version; logged, and applied by
 * the gateway after Publish. A database that was never seeded has no settings row: version 0
 * creates it.
 */
export async function updateDataRuleSettings(input: DataRuleSettingsInput, actor: Actor): Promise<{ version: number; changed: boolean }> {
  const { version, ...after } = input;
  return getDb().$transaction(async (tx) => {
    const current = await tx.dataRuleSettings.findUnique({ where: { id: 1 } });
    // A stale form hears "reload" before anything is said about its content.
    if (current === null ? version !== 0 : current.version !== version) await assertVersion(tx, DATA_RULE_SETTING_ENTITY, UNSCANNABLE_SETTING_KEY, null, version);
    const before = readSettingsRow(current);
    if (sameSettings(before, after)) return { version: current?.version ?? 0, changed: false };
    if (current === null) {
      // Two first saves race on the primary key: the second fails with a unique violation, shown as "try again".
      await tx.dataRuleSettings.create({ data: { id: 1, ...after } });
    } else {
      await claimVersion(tx, DATA_RULE_SETTING_ENTITY, UNSCANNABLE_SETTING_KEY, version, () =>
        tx.dataRuleSettings.updateMany({ where: { id: 1, version }, data: { ...after, version: { increment: 1 } } }),
      );
    }
    await recordChange(tx, actor, { entity: DATA_RULE_SETTING_ENTITY, entityKey: UNSCANNABLE_SETTING_KEY, action: "update", before: settingsRecord(before), after: settingsRecord(after) });
    return { version: (current?.version ?? 0) + 1, changed: true };
  });
}
