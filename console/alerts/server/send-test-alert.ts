import "server-only";
// "Send test": one POST of a test message to a saved rule's destination, outcome shown at once.
// Not recorded as a fired alert (nothing fired), and not retried: the person is watching.
import { getDb } from "@/lib/db";
import { ConfigRuleError } from "@/lib/forms/stale-edit";
import { postWebhook, type PostOutcome } from "@/lib/alerts/deliver";
import { alertsLink } from "@/lib/alerts/fire";

export async function sendTestAlert(id: string): Promise<PostOutcome> {
  const rule = await getDb().alertRule.findUnique({ where: { id }, select: { name: true, format: true, webhookUrl: true } });
  if (!rule) throw new ConfigRuleError("This alert rule no longer exists. Reload the page.");
  return postWebhook(rule.webhookUrl, rule.format, { kind: "test", rule: rule.name, subject: "test", values: {}, occurredAt: new Date(), link: alertsLink() });
}
