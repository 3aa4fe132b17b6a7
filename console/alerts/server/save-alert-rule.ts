import "server-only";
// Alert rules: create, edit, enable/disable, delete — each in one transaction with its change-log
// entry. They act at once (no Publish): the watchers read enabled rules when they evaluate. The
// webhook URL goes into the rule, never into the change log (which shows only its host).
import { getDb, type AlertRule } from "@/lib/db";
import { assertVersion, recordChange, type Actor } from "@/lib/config/changes/record-change";
import { ConfigRuleError } from "@/lib/forms/stale-edit";
import type { CreateAlertRuleInput, UpdateAlertRuleInput } from "../schema";
import { maskWebhookUrl, scrubUrl } from "@/lib/alerts/webhook-url";

export const ALERT_RULE_ENTITY = "alert rule";

function ruleView(rule: AlertRule) {
  return {
    name: rule.name,
    kind: rule.kind,
    enabled: rule.enabled,
    thresholdPercent: rule.thresholdPercent,
    featureKey: rule.featureKey,
    windowMinutes: rule.windowMinutes,
    minRequests: rule.minRequests,
    providerKey: rule.providerKey,
    format: rule.format,
    webhook: maskWebhookUrl(rule.webhookUrl),
  };
}

/** Only the fields the kind uses are kept, so a rule never carries stale settings of another kind. */
function ruleData(input: CreateAlertRuleInput | UpdateAlertRuleInput) {
  const spike = input.kind === "refusal_spike";
  return {
    name: input.name,
    kind: input.kind,
    enabled: input.enabled,
    thresholdPercent: input.kind === "circuit_open" ? null : input.thresholdPercent,
    featureKey: input.kind === "circuit_open" ? null : input.featureKey,
    windowMinutes: spike ? input.windowMinutes : null,
    minRequests: spike ? input.minRequests : null,
    providerKey: input.kind === "circuit_open" ? input.providerKey : null,
    format: input.format,
  };
}

/**
 * configAction logs unexpected errors, and Prisma's messages can quote a query's arguments: an
 * error raised while saving a URL leaves with the URL scrubbed from its message.
 */
async function withoutUrl<T>(url: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (url && error instanceof Error && error.message.includes(url)) error.message = scrubUrl(error.message, url);
    throw error;
  }
}

export async function createAlertRule(input: CreateAlertRuleInput, actor: Actor): Promise<{ id: string }> {
  return withoutUrl(input.webhookUrl, () =>
    getDb().$transaction(async (tx) => {
      const rule = await tx.alertRule.create({ data: { ...ruleData(input), webhookUrl: input.webhookUrl } });
      await recordChange(tx, actor, { entity: ALERT_RULE_ENTITY, entityKey: rule.id, action: "create", after: ruleView(rule) });
      return { id: rule.id };
    }),
  );
}

/** Edits a rule; a blank webhook URL keeps the saved one. */
export async function updateAlertRule(input: UpdateAlertRuleInput, actor: Actor): Promise<void> {
  await withoutUrl(input.webhookUrl, () => saveUpdate(input, actor));
}

async function saveUpdate(input: UpdateAlertRuleInput, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const current = await tx.alertRule.findUnique({ where: { id: input.id } });
    if (!current) throw new ConfigRuleError("This alert rule no longer exists. Reload the page.");
    await assertVersion(tx, ALERT_RULE_ENTITY, input.id, current, input.version);
    const rule = await tx.alertRule.update({ where: { id: input.id }, data: { ...ruleData(input), ...(input.webhookUrl ? { webhookUrl: input.webhookUrl } : {}), version: { increment: 1 } } });
    await recordChange(tx, actor, { entity: ALERT_RULE_ENTITY, entityKey: rule.id, action: "update", before: ruleView(current), after: ruleView(rule), note: input.webhookUrl ? "webhook URL replaced" : null });
  });
}

export async function setAlertRuleEnabled(input: { id: string; version: number; enabled: boolean }, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const current = await tx.alertRule.findUnique({ where: { id: input.id } });
    if (!current) throw new ConfigRuleError("This alert rule no longer exists. Reload the page.");
    await assertVersion(tx, ALERT_RULE_ENTITY, input.id, current, input.version);
    const rule = await tx.alertRule.update({ where: { id: input.id }, data: { enabled: input.enabled, version: { increment: 1 } } });
    await recordChange(tx, actor, { entity: ALERT_RULE_ENTITY, entityKey: rule.id, action: input.enabled ? "enable" : "disable", before: ruleView(current), after: ruleView(rule) });
  });
}

/** Deletes a rule; the alerts it fired stay on record under its name. */
export async function deleteAlertRule(input: { id: string; version: number }, actor: Actor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const current = await tx.alertRule.findUnique({ where: { id: input.id } });
    if (!current) throw new ConfigRuleError("This alert rule no longer exists. Reload the page.");
    await assertVersion(tx, ALERT_RULE_ENTITY, input.id, current, input.version);
    await tx.alertRule.delete({ where: { id: input.id } });
    await recordChange(tx, actor, { entity: ALERT_RULE_ENTITY, entityKey: current.id, action: "delete", before: ruleView(current) });
  });
}
