import "server-only";
// What the Alerts page shows: rules with their webhook masked (the URL never leaves the server),
// and the latest fired alerts with every delivery attempt, newest first.
import { getDb } from "@/lib/db";
import type { AlertKind } from "@/lib/alerts/evaluate";
import type { AlertFormat } from "@/lib/alerts/message";
import { maskWebhookUrl } from "@/lib/alerts/webhook-url";

export interface AlertRuleRow {
  id: string;
  name: string;
  kind: AlertKind;
  enabled: boolean;
  thresholdPercent: number | null;
  featureKey: string | null;
  windowMinutes: number | null;
  minRequests: number | null;
  providerKey: string | null;
  format: AlertFormat;
  maskedWebhook: string;
  version: number;
}

export interface AlertEventRow {
  id: string;
  ruleName: string;
  subject: string;
  message: string;
  values: Record<string, unknown>;
  occurredAt: Date;
  deliveries: Array<{ attempt: number; statusCode: number | null; error: string | null; ok: boolean; attemptedAt: Date }>;
}

export async function listAlertRules(): Promise<AlertRuleRow[]> {
  const rules = await getDb().alertRule.findMany({ orderBy: [{ kind: "asc" }, { name: "asc" }] });
  return rules.map(({ webhookUrl, createdAt: _created, updatedAt: _updated, ...rule }) => ({ ...rule, maskedWebhook: maskWebhookUrl(webhookUrl) }));
}

export async function listAlertEvents(limit = 50): Promise<AlertEventRow[]> {
  const events = await getDb().alertEvent.findMany({
    orderBy: { occurredAt: "desc" },
    take: limit,
    select: { id: true, ruleName: true, subject: true, message: true, values: true, occurredAt: true, deliveries: { orderBy: { attempt: "asc" }, select: { attempt: true, statusCode: true, error: true, ok: true, attemptedAt: true } } },
  });
  return events.map((event) => ({ ...event, values: (event.values ?? {}) as Record<string, unknown> }));
}

export interface AlertRuleOptions {
  features: Array<{ key: string; name: string }>;
  providers: Array<{ key: string; name: string }>;
}

/** What the rule form offers to watch. */
export async function alertRuleOptions(): Promise<AlertRuleOptions> {
  const [features, providers] = await Promise.all([
    getDb().feature.findMany({ select: { key: true, name: true }, orderBy: { name: "asc" } }),
    getDb().provider.findMany({ select: { key: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { features, providers };
}
