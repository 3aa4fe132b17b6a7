// The data rules' settings (one row, id 1) and their form: what the browser checks as the person
// edits and the server action checks again. Three settings: content the detectors cannot read
// (images) raises a request to at least a class; prompts are stored (where a feature allows it)
// only up to a class, never restricted; finding types masked in model answers.
import { z } from "zod";
import { BUILT_IN_DETECTOR_KEYS, isBuiltInDetectorKey } from "@/lib/detectors/built-in";
import { DATA_CLASSES } from "@/lib/routing/types";
import { versionOrNewField } from "@/lib/forms/fields";

/** A data class chosen in a form or a configuration document (the data rules' forms use it too). */
export const dataClassKeyField = z.enum(DATA_CLASSES, { message: "Choose a data class." });

/** Restricted prompts are never stored, whatever a feature or this setting says. */
export const LOGGABLE_DATA_CLASSES = ["public", "internal", "confidential"] as const;

export const maxLoggedDataClassField = z.enum(LOGGABLE_DATA_CLASSES, { message: "Restricted prompts are never stored: choose public, internal or confidential." });

/** Built-in detectors whose findings are replaced in answers; stored sorted and without repeats. */
export const maskedAnswerFindingsField = z
  .array(z.enum(BUILT_IN_DETECTOR_KEYS, { message: "Choose built-in detectors." }))
  .max(BUILT_IN_DETECTOR_KEYS.length)
  .transform((types) => [...new Set(types)].sort());

export const dataRuleSettingsSchema = z.object({
  /** The settings row's version the form was opened on. */
  version: versionOrNewField,
  unscannableDataClassKey: dataClassKeyField,
  maxLoggedDataClassKey: maxLoggedDataClassField,
  maskedAnswerFindings: maskedAnswerFindingsField,
});
export type DataRuleSettingsInput = z.infer<typeof dataRuleSettingsSchema>;
export type DataRuleSettingsValues = Omit<DataRuleSettingsInput, "version">;

/** What a database that was never seeded behaves as (the columns' defaults). */
export const DEFAULT_DATA_RULE_SETTINGS: DataRuleSettingsValues = { unscannableDataClassKey: "confidential", maxLoggedDataClassKey: "confidential", maskedAnswerFindings: [] };

/** A settings row as the form and the gateway read it: values written before they were validated read as the closest valid ones. */
export function readSettingsRow(row: { unscannableDataClassKey: string; maxLoggedDataClassKey: string; maskedAnswerFindings: string[] } | null): DataRuleSettingsValues {
  if (!row) return DEFAULT_DATA_RULE_SETTINGS;
  return {
    unscannableDataClassKey: dataClassKeyField.catch("restricted").parse(row.unscannableDataClassKey),
    maxLoggedDataClassKey: maxLoggedDataClassField.catch("confidential").parse(row.maxLoggedDataClassKey),
    maskedAnswerFindings: row.maskedAnswerFindings.filter(isBuiltInDetectorKey).sort(),
  };
}

/** The settings as the change log and config documents name them. */
export function settingsRecord(values: DataRuleSettingsValues) {
  return { unscannableDataClass: values.unscannableDataClassKey, maxLoggedDataClass: values.maxLoggedDataClassKey, maskedAnswerFindings: values.maskedAnswerFindings };
}

export function sameSettings(a: DataRuleSettingsValues, b: DataRuleSettingsValues): boolean {
  return JSON.stringify(settingsRecord(a)) === JSON.stringify(settingsRecord(b));
}

/** How the change log names the setting ("This data rule setting was changed by …"). */
export const DATA_RULE_SETTING_ENTITY = "data rule setting";
/** The change log's key for the settings row (kept from when it held one setting). */
export const UNSCANNABLE_SETTING_KEY = "unscannable content";
