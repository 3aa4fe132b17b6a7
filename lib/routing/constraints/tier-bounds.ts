// The band of tiers a request may use: a minimum from difficulty and rules, a maximum from
// rules and the data class. Pins and budget downgrades replace the band. Two conflicts are
// settled here rather than refused:
//  - a minimum above the data class's highest tier is pulled down to it: difficulty is about
//    quality, the class is about where data may go, and "best model the class allows" beats a
//    refusal for restricted work that happens to be hard;
//  - a minimum above a rule's maximum is pulled down to the maximum: an admin ceiling is a
//    deliberate cap on cost or exposure and outranks the generic difficulty table.
import type { ResolvedDataClass } from "./data-class";
import { difficultySourceWords, type ResolvedDifficulty } from "../difficulty/resolve";
import type { ModelView, Verdict } from "../model-view";
import type { PinScope } from "./pin";
import type { RuleMatch } from "./rules";
import type { SnapshotIndex } from "../snapshot-index";
import type { FeaturePolicy, RejectionReason, TierBound, TierBoundSource } from "../types";

export interface TierBoundsInput {
  index: SnapshotIndex;
  dataClass: ResolvedDataClass;
  difficulty: ResolvedDifficulty;
  feature: FeaturePolicy | null;
  matches: readonly RuleMatch[];
  pin: PinScope;
  /** True when a budget downgrade lifts difficulty and rule minimums. */
  downgrade: boolean;
  /** Under a downgrade, the cheapest allowed tier that can take the request (null if none). */
  budgetTier: { key: string; position: number } | null;
}

export interface TierBounds {
  min: TierBound | null;
  max: TierBound | null;
  trace: string[];
}

export function resolveTierBounds(input: TierBoundsInput): TierBounds {
  const { index, dataClass, difficulty, feature, matches, pin } = input;
  const trace: string[] = [];
  const position = (key: string): number => index.tierPosition.get(key) ?? -1;
  const difficultyTier = index.snapshot.difficultyMinTier[difficulty.level];
  const difficultyWords = `Difficulty ${difficulty.level} (${difficultySourceWords(difficulty, feature)})`;

  const classCeiling = dataClass.allowedTierKeys[dataClass.allowedTierKeys.length - 1];
  if (classCeiling === undefined) {
    trace.push(`${difficultyWords}; no tier is open to data class ${dataClass.key}, so no tier band applies.`);
    return { min: null, max: null, trace };
  }

  if (pin.kind !== "none") {
    const bound: TierBound =
      pin.kind === "tier"
        ? { tierKey: pin.tierKey, source: "pin", ruleKey: null, why: `the caller pinned the ${pin.tierKey} tier` }
        : pin.source === "caller"
          ? { tierKey: pin.tierKey, source: "pin", ruleKey: null, why: `the caller pinned model ${pin.alias}` }
          : { tierKey: pin.tierKey, source: "rule", ruleKey: pin.rule?.key ?? null, why: `rule "${pin.rule?.name ?? ""}" pins model ${pin.alias}` };
    trace.push(`${difficultyWords}; neither it nor any rule's tier limits apply, because ${bound.why}.`);
    return { min: bound, max: bound, trace };
  }

  let max: TierBound = {
    tierKey: classCeiling,
    source: "data_class",
    ruleKey: null,
    why: `data class ${dataClass.key} allows nothing above the ${classCeiling} tier`,
  };
  for (const { rule } of matches) {
    const key = rule.then.maxTierKey;
    if (key === null) continue;
    if (!index.tierPosition.has(key)) {
      trace.push(`Rule "${rule.name}" caps at tier ${key}, which does not exist; that cap is ignored.`);
    } else if (position(key) < position(max.tierKey)) {
      max = { tierKey: key, source: "rule", ruleKey: rule.key, why: `rule "${rule.name}" allows nothing above the ${key} tier` };
    }
  }

  let min: TierBound | null = null;
  if (input.downgrade) {
    trace.push(`${difficultyWords}; its minimum and any rule minimums are lifted by the budget downgrade.`);
    if (input.budgetTier !== null) {
      const budgetTier = input.budgetTier.key;
      const why = `the budget downgrade keeps only the ${budgetTier} tier`;
      min = { tierKey: budgetTier, source: "budget", ruleKey: null, why };
      if (position(budgetTier) < position(max.tierKey)) max = { tierKey: budgetTier, source: "budget", ruleKey: null, why };
    }
  } else {
    if (index.tierPosition.has(difficultyTier)) {
      min = { tierKey: difficultyTier, source: "difficulty", ruleKey: null, why: `difficulty ${difficulty.level} needs the ${difficultyTier} tier or above` };
      trace.push(`${difficultyWords} needs the ${difficultyTier} tier or above.`);
    } else {
      trace.push(`${difficultyWords} maps to tier ${difficultyTier}, which does not exist; difficulty sets no minimum.`);
    }
    for (const { rule } of matches) {
      const key = rule.then.minTierKey;
      if (key === null) continue;
      if (!index.tierPosition.has(key)) {
        trace.push(`Rule "${rule.name}" asks for tier ${key}, which does not exist; that minimum is ignored.`);
      } else if (min === null || position(key) > position(min.tierKey)) {
        min = { tierKey: key, source: "rule", ruleKey: rule.key, why: `rule "${rule.name}" needs the ${key} tier or above` };
      }
    }
    if (min !== null && position(min.tierKey) > position(classCeiling)) {
      trace.push(
        `${capitalise(min.why)}, but data class ${dataClass.key} allows nothing above the ${classCeiling} tier; the minimum is lowered to ${classCeiling}.`,
      );
      min = { ...min, tierKey: classCeiling, why: `${min.why}, lowered to ${classCeiling} by data class ${dataClass.key}` };
    }
  }

  if (min !== null && position(min.tierKey) > position(max.tierKey)) {
    trace.push(`${capitalise(min.why)}, but ${max.why}; the maximum wins.`);
    min = { tierKey: max.tierKey, source: max.source, ruleKey: max.ruleKey, why: `${max.why} (it outranks ${min.why})` };
  }

  trace.push(
    min === null
      ? `Tiers in force: up to ${max.tierKey} (${max.why}).`
      : min.tierKey === max.tierKey
        ? `Tier in force: ${min.tierKey} only (${min.why === max.why ? min.why : `${min.why}; ${max.why}`}).`
        : `Tiers in force: ${min.tierKey} (${min.why}) to ${max.tierKey} (${max.why}).`,
  );
  return { min, max, trace };
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

const REASON_FOR_SOURCE: Record<TierBoundSource, RejectionReason> = {
  difficulty: "difficulty",
  rule: "rule",
  pin: "pin",
  budget: "budget",
  data_class: "data_class",
};

/** Below the minimum → difficulty or rule; above a rule's or budget's maximum → rule or budget. */
export function tierBoundCheck({ tierPosition }: ModelView, bounds: TierBounds, index: SnapshotIndex): Verdict | null {
  if (tierPosition === undefined) return null;
  const { min, max } = bounds;
  if (min !== null && tierPosition < (index.tierPosition.get(min.tierKey) ?? 0)) {
    return { reason: REASON_FOR_SOURCE[min.source], detail: `${min.why}.` };
  }
  if (max !== null && tierPosition > (index.tierPosition.get(max.tierKey) ?? Number.MAX_SAFE_INTEGER)) {
    return { reason: REASON_FOR_SOURCE[max.source], detail: `${max.why}.` };
  }
  return null;
}
