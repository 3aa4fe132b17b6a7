// What a delivered alert says, in the two formats a destination may take. Pure.
import type { AlertKind } from "./evaluate";

export type AlertFormat = "slack" | "json";

export interface AlertMessage {
  kind: AlertKind | "test";
  rule: string;
  subject: string;
  values: Record<string, unknown>;
  occurredAt: Date;
  /** The console page to open (absolute when the console's URL is known). */
  link: string;
}

/** Spend below a dollar keeps four decimals (a few requests cost fractions of a cent); budgets are in cents. */
const usd = (value: unknown, places?: number) => (typeof value === "number" ? `$${value.toFixed(places ?? (value < 1 ? 4 : 2))}` : "?");

/** One sentence a person reads in a chat channel. */
export function alertText(message: AlertMessage): string {
  const v = message.values;
  switch (message.kind) {
    case "budget_threshold":
      return `Budget alert (${message.rule}): feature ${message.subject} has spent ${usd(v.spentUsd)} of its ${usd(v.budgetUsd, 2)} monthly budget in ${String(v.month)} (${String(v.percent)} %, threshold ${String(v.thresholdPercent)} %).`;
    case "refusal_spike":
      return `Refusal spike (${message.rule}): ${String(v.refused)} of ${String(v.requests)} requests for ${message.subject} were refused in the last ${String(v.windowMinutes)} minutes (${String(v.percent)} %, threshold ${String(v.thresholdPercent)} %).`;
    case "circuit_open":
      return `Circuit open (${message.rule}): provider ${message.subject} is skipped until ${String(v.openUntil)}${v.lastError ? ` after: ${String(v.lastError)}` : ""}.`;
    case "test":
      return `Test alert from Switchyard (${message.rule}): this destination receives the rule's alerts.`;
  }
}

/** The POST body: Slack's incoming-webhook shape, or a JSON object a program reads. */
export function alertBody(format: AlertFormat, message: AlertMessage): Record<string, unknown> {
  const text = alertText(message);
  if (format === "slack") return { text: `${text} <${message.link}|Open in Switchyard>` };
  return { kind: message.kind, rule: message.rule, subject: message.subject, values: message.values, occurredAt: message.occurredAt.toISOString(), link: message.link, text };
}
