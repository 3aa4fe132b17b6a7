"use server";
// Alerts: rules (admins and engineers edit; everyone reads) and "Send test". They act at once.
import { revalidatePath } from "next/cache";
import { configAction } from "@/lib/forms/config-action";
import { alertRuleRefSchema, createAlertRuleSchema, enableAlertRuleSchema, testAlertRuleSchema, updateAlertRuleSchema } from "@/console/alerts/schema";
import { createAlertRule, deleteAlertRule, setAlertRuleEnabled, updateAlertRule } from "@/console/alerts/server/save-alert-rule";
import { sendTestAlert } from "@/console/alerts/server/send-test-alert";

export const createAlertRuleAction = configAction(createAlertRuleSchema, async (input, user) => {
  await createAlertRule(input, user);
  revalidatePath("/alerts");
});

export const updateAlertRuleAction = configAction(updateAlertRuleSchema, async (input, user) => {
  await updateAlertRule(input, user);
  revalidatePath("/alerts");
});

export const setAlertRuleEnabledAction = configAction(enableAlertRuleSchema, async (input, user) => {
  await setAlertRuleEnabled(input, user);
  revalidatePath("/alerts");
});

export const deleteAlertRuleAction = configAction(alertRuleRefSchema, async (input, user) => {
  await deleteAlertRule(input, user);
  revalidatePath("/alerts");
});

/** Delivers a test message to the saved destination and says what came back. */
export const sendTestAlertAction = configAction(testAlertRuleSchema, async (input) => sendTestAlert(input.id));
