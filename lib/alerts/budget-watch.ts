import "server-only";
// Budget thresholds, checked when decision records are written (the ledger's onWritten): the
// hourly rollups written in the same transaction hold every instance's month-to-date spend, so
// one grouped read per few seconds of traffic answers "has this feature reached X %?" exactly.
import { getDb } from "@/lib/db";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { budgetPeriod, dueBudgetAlerts } from "./evaluate";
import { fireAlerts, loadEnabledRules } from "./fire";

/** Writes within this many ms are checked together: one read per burst, not per batch. */
const COALESCE_MS = 2_000;

const pending = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;

const monthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/** The ledger wrote these records: check the budgets of the features that spent. Never throws. */
export function spendWritten(records: readonly DecisionRecordInput[]): void {
  for (const record of records) if (record.featureKey && record.costUsd) pending.add(record.featureKey);
  if (pending.size === 0 || timer) return;
  timer = setTimeout(() => {
    timer = null;
    const features = [...pending];
    pending.clear();
    evaluateBudgets(new Date(), features).catch((error: unknown) => console.error("[switchyard] budget alerts could not be checked; the next write checks again", error instanceof Error ? error.message : error));
  }, COALESCE_MS);
  timer.unref?.();
}

/** Fires the budget alerts now due among `features` (all when omitted); returns the alerts this call recorded. */
export async function evaluateBudgets(now: Date, features?: readonly string[]): Promise<string[]> {
  const rules = await loadEnabledRules("budget_threshold");
  if (rules.length === 0) return [];
  const watched = rules.some((rule) => rule.featureKey === null) ? features : [...new Set(rules.map((rule) => rule.featureKey!))].filter((key) => !features || features.includes(key));
  if (watched && watched.length === 0) return [];
  const keyFilter = watched ? { in: [...watched] } : undefined;
  const [budgets, spend, fired] = await Promise.all([
    getDb().feature.findMany({ where: { key: keyFilter, monthlyBudgetUsd: { not: null } }, select: { key: true, monthlyBudgetUsd: true } }),
    getDb().usageRollup.groupBy({ by: ["featureKey"], where: { hour: { gte: monthStart(now) }, synthetic: false, featureKey: keyFilter }, _sum: { costUsd: true } }),
    getDb().alertEvent.findMany({ where: { ruleId: { in: rules.map((rule) => rule.id) }, period: budgetPeriod(now) }, select: { ruleId: true, subject: true } }),
  ]);
  const budgetUsd = Object.fromEntries(budgets.map((row) => [row.key, row.monthlyBudgetUsd?.toNumber() ?? null]));
  const spentUsd = Object.fromEntries(spend.map((row) => [row.featureKey, row._sum.costUsd?.toNumber() ?? 0]));
  const already = new Set(fired.map((event) => `${event.ruleId} ${event.subject}`));
  const due = dueBudgetAlerts(rules, spentUsd, budgetUsd, now).filter((alert) => !already.has(`${alert.rule.id} ${alert.subject}`));
  return fireAlerts(due, rules, now);
}
