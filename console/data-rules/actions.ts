"use server";
// Data rules: data classes, built-in detectors, admin regex / keyword rules. All of them change
// the working configuration; the gateway applies them after Publish.
import { revalidatePath } from "next/cache";
import { configAction } from "@/lib/forms/config-action";
import { createClassificationRule } from "@/console/data-rules/server/create-classification-rule";
import { dataRuleSettingsSchema } from "@/lib/config/data-rule-settings-schema";
import { createRuleSchema, dataClassSchema, deleteRuleSchema, detectorRuleSchema, updateRuleSchema } from "@/console/data-rules/schema";
import { setDetectorRule } from "@/console/data-rules/server/set-detector-rule";
import { updateDataClass } from "@/console/data-rules/server/update-data-class";
import { deleteClassificationRule, updateClassificationRule } from "@/console/data-rules/server/update-classification-rule";
import { updateDataRuleSettings } from "@/console/data-rules/server/update-data-rule-settings";

// The layout's publish bar counts unpublished changes: refresh it with the page.
const refresh = () => revalidatePath("/", "layout");

export const updateDataClassAction = configAction(dataClassSchema, async (input, user) => {
  await updateDataClass(input, user);
  refresh();
});

export const setDetectorRuleAction = configAction(detectorRuleSchema, async (input, user) => {
  await setDetectorRule(input, user);
  refresh();
});

export const createRuleAction = configAction(createRuleSchema, async (input, user) => {
  await createClassificationRule(input, user);
  refresh();
});

export const updateRuleAction = configAction(updateRuleSchema, async (input, user) => {
  await updateClassificationRule(input, user);
  refresh();
});

export const deleteRuleAction = configAction(deleteRuleSchema, async (input, user) => {
  await deleteClassificationRule(input, user);
  refresh();
});

export const updateDataRuleSettingsAction = configAction(dataRuleSettingsSchema, async (input, user) => {
  const result = await updateDataRuleSettings(input, user);
  refresh();
  return result;
});
