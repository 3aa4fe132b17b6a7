import "server-only";
// Records alerts that are due and starts their delivery. The row's unique (rule, subject,
// period) is the dedupe: when two instances see the same crossing, one insert wins and only that
// instance delivers.
import { env } from "@/lib/env";
import { getDb, Prisma } from "@/lib/db";
import { startDelivery } from "./deliver";
import type { AlertKind, AlertRuleView, DueAlert } from "./evaluate";
import { alertText, type AlertFormat, type AlertMessage } from "./message";

/** A rule as loaded for firing: its view plus where it delivers. */
export interface LoadedAlertRule extends AlertRuleView {
  format: AlertFormat;
  webhookUrl: string;
}

/** The console's Alerts page, absolute when the console's URL is configured. */
export function alertsLink(): string {
  return `${env.NEXTAUTH_URL?.replace(/\/$/, "") ?? ""}/alerts`;
}

/** Enabled rules of one kind. */
export async function loadEnabledRules(kind: AlertKind): Promise<LoadedAlertRule[]> {
  return getDb().alertRule.findMany({
    where: { kind, enabled: true },
    select: { id: true, name: true, kind: true, thresholdPercent: true, featureKey: true, windowMinutes: true, minRequests: true, providerKey: true, format: true, webhookUrl: true },
  });
}

/** Records each due alert once (across instances) and delivers the ones this call recorded. Returns those. */
export async function fireAlerts(due: readonly DueAlert[], rules: readonly LoadedAlertRule[], now: Date = new Date()): Promise<string[]> {
  const fired: string[] = [];
  for (const alert of due) {
    const rule = rules.find((entry) => entry.id === alert.rule.id);
    if (!rule) continue;
    const message: AlertMessage = { kind: rule.kind, rule: rule.name, subject: alert.subject, values: alert.values, occurredAt: now, link: alertsLink() };
    try {
      const event = await getDb().alertEvent.create({
        data: { ruleId: rule.id, ruleName: rule.name, subject: alert.subject, period: alert.period, values: alert.values as Prisma.InputJsonValue, message: alertText(message), occurredAt: now },
        select: { id: true },
      });
      fired.push(event.id);
      startDelivery(event.id, rule.webhookUrl, rule.format, message);
    } catch (error) {
      // Already fired (by this instance earlier, or another one): nothing more to do.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
  return fired;
}
