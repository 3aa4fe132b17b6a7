// The alert-rule form, parsed the same way in the browser and in the server action.
import { z } from "zod";
import { nameField, optionalWholeNumber, versionField } from "@/lib/forms/fields";
import { webhookUrlProblem } from "@/lib/alerts/webhook-url";

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
const optionalKey = z.preprocess((value) => (blank(value) ? null : typeof value === "string" ? value.trim() : value), z.string().max(64, "At most 64 characters.").nullable());

const percent = z.preprocess(
  (value) => (blank(value) ? null : typeof value === "string" ? Number(value.trim().replace(/\s*%$/, "")) : value),
  z.number({ message: "The threshold must be a number of percent, e.g. 80." }).gt(0, "The threshold must be above 0 %.").max(1000, "The threshold must be at most 1,000 %.").nullable(),
);

const ruleFields = {
  name: nameField,
  kind: z.enum(["budget_threshold", "refusal_spike", "circuit_open"], { message: "Choose what the alert watches." }),
  enabled: z.boolean(),
  thresholdPercent: percent,
  featureKey: optionalKey,
  windowMinutes: optionalWholeNumber(1, 1440, "The window"),
  minRequests: optionalWholeNumber(1, 1_000_000, "The minimum number of requests"),
  providerKey: optionalKey,
  format: z.enum(["slack", "json"], { message: "Choose the webhook's format." }),
};

type RuleFields = { kind: string; thresholdPercent: number | null; windowMinutes: number | null; minRequests: number | null };

/** What each kind needs: a threshold for budgets and spikes, a window and a minimum for spikes. */
function checkKind(input: RuleFields, context: z.RefinementCtx) {
  if (input.kind !== "circuit_open" && input.thresholdPercent === null) context.addIssue({ code: "custom", path: ["thresholdPercent"], message: "Enter the threshold in percent, e.g. 80." });
  if (input.kind === "refusal_spike" && input.thresholdPercent !== null && input.thresholdPercent > 100) context.addIssue({ code: "custom", path: ["thresholdPercent"], message: "A share of requests is at most 100 %." });
  if (input.kind === "refusal_spike" && input.windowMinutes === null) context.addIssue({ code: "custom", path: ["windowMinutes"], message: "Enter the window in minutes, e.g. 5." });
  if (input.kind === "refusal_spike" && input.minRequests === null) context.addIssue({ code: "custom", path: ["minRequests"], message: "Enter the fewest requests worth judging, e.g. 20." });
}

const webhookUrl = z
  .string()
  .trim()
  .max(2000, "At most 2,000 characters.")
  .superRefine((value, context) => {
    const problem = webhookUrlProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

export const createAlertRuleSchema = z.object({ ...ruleFields, webhookUrl }).superRefine(checkKind);
export type CreateAlertRuleInput = z.infer<typeof createAlertRuleSchema>;

/** Editing: a blank URL keeps the saved one (it is never sent back to the browser). */
export const updateAlertRuleSchema = z
  .object({ ...ruleFields, id: z.string().min(1), version: versionField, webhookUrl: z.union([z.literal(""), webhookUrl]) })
  .superRefine(checkKind);
export type UpdateAlertRuleInput = z.infer<typeof updateAlertRuleSchema>;

export const alertRuleRefSchema = z.object({ id: z.string().min(1), version: versionField });
export const enableAlertRuleSchema = alertRuleRefSchema.extend({ enabled: z.boolean() });
export const testAlertRuleSchema = z.object({ id: z.string().min(1) });
