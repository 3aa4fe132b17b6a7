// Does a rule fire now, given these numbers? Pure: the watchers (budget-watch, spike-watch,
// circuit-watch) read the numbers and record what fires; nothing here touches I/O.

export type AlertKind = "budget_threshold" | "refusal_spike" | "circuit_open";

/** What a rule says, as the evaluators need it. */
export interface AlertRuleView {
  id: string;
  name: string;
  kind: AlertKind;
  thresholdPercent: number | null;
  featureKey: string | null;
  windowMinutes: number | null;
  minRequests: number | null;
  providerKey: string | null;
}

/** One alert to fire: (rule, subject, period) is unique, so each fires once however many instances see it. */
export interface DueAlert {
  rule: AlertRuleView;
  subject: string;
  period: string;
  values: Record<string, number | string | null>;
}

/** Spike rules without a feature watch all traffic together under this subject. */
export const ALL_TRAFFIC = "all traffic";

/** The budget period: the UTC calendar month budgets run on ("2026-12"). */
export function budgetPeriod(now: Date): string {
  return now.toISOString().slice(0, 7);
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * Budget thresholds reached this month: for each enabled budget rule and each feature it covers
 * with a positive budget, spent ≥ threshold % of the budget. Once per feature, threshold and month
 * is the period key's job (the same crossing seen again is the same alert).
 */
export function dueBudgetAlerts(rules: readonly AlertRuleView[], spentUsd: Readonly<Record<string, number>>, budgetUsd: Readonly<Record<string, number | null>>, now: Date): DueAlert[] {
  const period = budgetPeriod(now);
  const due: DueAlert[] = [];
  for (const rule of rules) {
    if (rule.kind !== "budget_threshold" || rule.thresholdPercent === null) continue;
    const features = rule.featureKey ? [rule.featureKey] : Object.keys(budgetUsd);
    for (const feature of features) {
      const budget = budgetUsd[feature];
      if (budget === null || budget === undefined || budget <= 0) continue;
      const spent = spentUsd[feature] ?? 0;
      const percent = (100 * spent) / budget;
      // A small tolerance so $400.00 of $500 is 80 % despite binary fractions.
      if (percent + 1e-9 < rule.thresholdPercent) continue;
      due.push({ rule, subject: feature, period, values: { spentUsd: round(spent, 6), budgetUsd: budget, percent: round(percent, 2), thresholdPercent: rule.thresholdPercent, month: period } });
    }
  }
  return due;
}

/** Requests in a spike rule's window, for one subject. */
export interface WindowCounts {
  requests: number;
  refused: number;
}

export interface SpikeStep {
  /** Fire an alert now (the share crossed the threshold while the rule was armed). */
  fire: boolean;
  /** Whether the rule is firing for this subject after this step (true until the share falls back). */
  firing: boolean;
  percent: number;
}

/**
 * One evaluation of a refusal-spike rule for one subject. It fires when armed and the refused
 * share exceeds the threshold with at least the minimum number of requests; it then stays firing
 * (no repeat) until the share is back at or below the threshold, which re-arms it. Too few requests
 * to judge neither fires nor re-arms: a quiet minute is not a recovery.
 */
export function spikeStep(rule: AlertRuleView, counts: WindowCounts, firing: boolean): SpikeStep {
  const threshold = rule.thresholdPercent ?? 100;
  const percent = counts.requests === 0 ? 0 : (100 * counts.refused) / counts.requests;
  const enough = counts.requests >= (rule.minRequests ?? 1);
  const over = percent > threshold;
  if (!firing) return { fire: enough && over, firing: enough && over, percent: round(percent, 2) };
  if (enough && !over) return { fire: false, firing: false, percent: round(percent, 2) };
  return { fire: false, firing: true, percent: round(percent, 2) };
}

/** The subjects a spike rule watches, with their counts (a feature with no traffic counts zero). */
export function spikeSubjects(rule: AlertRuleView, byFeature: Readonly<Record<string, WindowCounts>>): Array<{ subject: string; counts: WindowCounts }> {
  if (rule.featureKey) return [{ subject: rule.featureKey, counts: byFeature[rule.featureKey] ?? { requests: 0, refused: 0 } }];
  const all = { requests: 0, refused: 0 };
  for (const counts of Object.values(byFeature)) {
    all.requests += counts.requests;
    all.refused += counts.refused;
  }
  return [{ subject: ALL_TRAFFIC, counts: all }];
}

/** Circuit rules that cover a provider whose circuit just opened; each opening is its own period. */
export function dueCircuitAlerts(rules: readonly AlertRuleView[], providerKey: string, openedAt: Date, until: Date, lastError: string | null): DueAlert[] {
  return rules
    .filter((rule) => rule.kind === "circuit_open" && (rule.providerKey === null || rule.providerKey === providerKey))
    .map((rule) => ({ rule, subject: providerKey, period: openedAt.toISOString(), values: { providerKey, openUntil: until.toISOString(), lastError } }));
}
