// Feature budgets. Over budget (month-to-date spend ≥ monthly budget) a feature is either
// refused until the month turns (block) or kept to the cheapest tier its class allows that can
// still take the request (downgrade). Months are calendar months in UTC, as the ledger counts them.
import type { ModelView, Verdict } from "../model-view";
import { budgetExceeded } from "../explain/refusal";
import type { BudgetDecision, FeaturePolicy, LiveState, Refusal } from "../types";
import { formatUsd, formatUtcDate } from "../explain/wording";

export function startOfNextMonthUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** Whole seconds until the spend resets; at least 1 so "retry now" is never advertised. */
export function secondsUntilNextMonthUtc(now: Date): number {
  return Math.max(1, Math.ceil((startOfNextMonthUtc(now).getTime() - now.getTime()) / 1000));
}

export interface BudgetOutcome {
  decision: BudgetDecision | null;
  /** True when the feature is over budget and configured to downgrade. */
  downgrade: boolean;
  /** Set when the feature is over budget and configured to block. */
  refusal: Refusal | null;
  trace: string[];
}

export function evaluateBudget(feature: FeaturePolicy | null, live: LiveState): BudgetOutcome {
  if (feature === null || feature.monthlyBudgetUsd === null) {
    return { decision: null, downgrade: false, refusal: null, trace: [] };
  }
  const budget = feature.monthlyBudgetUsd;
  const spent = live.monthToDateSpendUsdByFeature[feature.key] ?? 0;
  const exceeded = spent >= budget;
  const resetsAt = startOfNextMonthUtc(live.now);
  const decision: BudgetDecision = {
    featureKey: feature.key,
    monthlyBudgetUsd: budget,
    monthToDateSpendUsd: spent,
    action: feature.budgetAction,
    exceeded,
    effect: exceeded ? (feature.budgetAction === "block" ? "blocked" : "downgraded") : "none",
    resetsAt: resetsAt.toISOString(),
  };
  const spentWords = `Feature ${feature.name} has spent ${formatUsd(spent)} of its ${formatUsd(budget)} monthly budget`;

  if (!exceeded) return { decision, downgrade: false, refusal: null, trace: [`${spentWords}.`] };
  if (feature.budgetAction === "block") {
    const message = `${spentWords}; its requests are refused until ${formatUtcDate(resetsAt)} (UTC).`;
    return {
      decision,
      downgrade: false,
      refusal: budgetExceeded(message, secondsUntilNextMonthUtc(live.now)),
      trace: [], // the refusal line carries the same sentence
    };
  }
  return {
    decision,
    downgrade: true,
    refusal: null,
    trace: [
      `${spentWords}, so it is downgraded: difficulty and rule minimums are lifted and only the cheapest allowed tier that can take the request is used.`,
    ],
  };
}

/** Under a downgrade, everything dearer than the budget tier goes. */
export function budgetCheck(
  { tierPosition }: ModelView,
  budgetTier: { key: string; position: number } | null,
  feature: FeaturePolicy | null,
): Verdict | null {
  if (budgetTier === null || tierPosition === undefined || tierPosition <= budgetTier.position) return null;
  return {
    reason: "budget",
    detail: `feature ${feature?.name ?? "?"} is over its monthly budget, so only the ${budgetTier.key} tier is used.`,
  };
}
