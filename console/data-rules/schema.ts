// Forms of the data-rules page: a data class's tiers and regions, built-in detectors, and admin
// regex / keyword rules. A regex is refused here — in the browser and again in the server
// action — with checkRegexSafety's reason, so an unsafe pattern never reaches the gateway.
// dataClassKeyField lives in lib/config because the configuration document checks classes too.
import { z } from "zod";
import { BUILT_IN_DETECTOR_KEYS, checkRegexSafety } from "@/lib/detectors";
import { dataClassKeyField } from "@/lib/config/data-rule-settings-schema";
import { keyField, nameField, regionList, versionField } from "@/lib/forms/fields";

export const dataClassSchema = z.object({
  key: dataClassKeyField,
  version: versionField,
  tierKeys: z.array(z.string().min(1)).max(20),
  allowedRegions: regionList,
});
export type DataClassInput = z.infer<typeof dataClassSchema>;

export const detectorRuleSchema = z.object({
  detector: z.enum(BUILT_IN_DETECTOR_KEYS),
  enabled: z.boolean(),
  dataClassKey: dataClassKeyField,
  /** Null when the detector has no rule yet (it is off): saving creates one. */
  version: versionField.nullable(),
});
export type DetectorRuleInput = z.infer<typeof detectorRuleSchema>;

export const safePattern = z.string().superRefine((pattern, context) => {
  const safety = checkRegexSafety(pattern);
  if (!safety.ok) context.addIssue({ code: "custom", message: safety.reason });
});

/** One keyword or phrase per line; commas are part of a keyword. */
export const keywordList = z.preprocess(
  (value) => {
    const entries = typeof value === "string" ? value.split(/\r?\n/) : value;
    return Array.isArray(entries) ? [...new Set(entries.map((entry) => (typeof entry === "string" ? entry.trim().replace(/\s+/g, " ") : entry)).filter((entry) => entry !== ""))] : entries;
  },
  z
    .array(z.string().max(200, "Each keyword can be at most 200 characters."))
    .min(1, "Enter at least one keyword or phrase, one per line.")
    .max(200, "At most 200 keywords per rule; split them into several rules."),
);

const ruleFields = {
  name: nameField,
  dataClassKey: dataClassKeyField,
  enabled: z.boolean(),
};

const matcher = [
  z.object({ ...ruleFields, kind: z.literal("regex"), pattern: safePattern }),
  z.object({ ...ruleFields, kind: z.literal("keywords"), keywords: keywordList }),
] as const;

export const createRuleSchema = z.discriminatedUnion("kind", [
  matcher[0].extend({ key: keyField }),
  matcher[1].extend({ key: keyField }),
]);
export type CreateRuleInput = z.infer<typeof createRuleSchema>;

export const updateRuleSchema = z.discriminatedUnion("kind", [
  matcher[0].extend({ key: z.string().min(1), version: versionField }),
  matcher[1].extend({ key: z.string().min(1), version: versionField }),
]);
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;

export const deleteRuleSchema = z.object({ key: z.string().min(1), version: versionField });
export type DeleteRuleInput = z.infer<typeof deleteRuleSchema>;
