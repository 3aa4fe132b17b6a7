// The data rules' settings form (one row of settings, id 1): what the browser checks as the
// person edits and the server action checks again. Today it holds one setting: content the
// detectors cannot read (images) raises a request to at least this class.
import { z } from "zod";
import { dataClassKeyField } from "./schemas/data-rules";
import { versionField } from "./form-fields";

export const dataRuleSettingsSchema = z.object({
  /** The settings row's version the form was opened on. */
  version: versionField,
  unscannableDataClassKey: dataClassKeyField,
});
export type DataRuleSettingsInput = z.infer<typeof dataRuleSettingsSchema>;

/** How the change log names the setting ("This data rule setting was changed by …"). */
export const DATA_RULE_SETTING_ENTITY = "data rule setting";
export const UNSCANNABLE_SETTING_KEY = "unscannable content";
