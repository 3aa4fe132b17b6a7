// Difficulty: the caller's hint, else the feature's default, else "standard". A feature with the
// difficulty estimator on also gets "hard" when the request's score reaches the feature's
// threshold — the estimator only ever raises, so a caller's or feature's "hard" stays hard, and
// rules still raise the tier on top (tier-bounds.ts). Difficulty only sets the minimum tier (via
// snapshot.difficultyMinTier); it never widens what the data class, budget or licence allow.
import type { DifficultyEstimate } from "./estimate";
import type { Analysis, Difficulty, DifficultyEstimateDecision, DifficultySource, FeaturePolicy } from "../types";
import { DIFFICULTIES } from "../types";

export const DEFAULT_DIFFICULTY: Difficulty = "standard";

export interface ResolvedDifficulty {
  level: Difficulty;
  source: DifficultySource;
  /** The estimator's view; null when it was not computed (embeddings). */
  estimate: DifficultyEstimateDecision | null;
}

const rank = (level: Difficulty) => DIFFICULTIES.indexOf(level);

function stated(analysis: Analysis, feature: FeaturePolicy | null): { level: Difficulty; source: DifficultySource } {
  if (analysis.declaredDifficulty !== null) return { level: analysis.declaredDifficulty, source: "caller" };
  if (feature !== null) return { level: feature.defaultDifficulty, source: "feature" };
  return { level: DEFAULT_DIFFICULTY, source: "default" };
}

export function resolveDifficulty(analysis: Analysis, feature: FeaturePolicy | null, estimate: DifficultyEstimate | null = null): ResolvedDifficulty {
  // Literals field by field, not spreads with added fields: on Node 20 those make a hidden class
  // per object on the request path (bench/README.md, "Hidden classes per request").
  const base = stated(analysis, feature);
  if (estimate === null) return { level: base.level, source: base.source, estimate: null };
  const dial = feature?.difficultyEstimator ?? null;
  if (dial === null) {
    return { level: base.level, source: base.source, estimate: { score: estimate.score, task: estimate.task, basis: estimate.basis, threshold: null, raised: false } };
  }
  const raised = estimate.score >= dial.threshold && rank(base.level) < rank("hard");
  return {
    level: raised ? "hard" : base.level,
    source: raised ? "estimator" : base.source,
    estimate: { score: estimate.score, task: estimate.task, basis: estimate.basis, threshold: dial.threshold, raised },
  };
}

const score = (value: number) => value.toFixed(2);

/** "multi-step arithmetic word problem" / "open writing (hand-built rules)". */
function taskOf(estimate: DifficultyEstimateDecision): string {
  return estimate.basis === "rules" ? `${estimate.task} (hand-built rules)` : estimate.task;
}

/** "multi-step arithmetic word problem, score 0.81 → hard". */
export function estimateWords(estimate: DifficultyEstimateDecision): string {
  return `${taskOf(estimate)}, score ${score(estimate.score)} → hard`;
}

export function difficultySourceWords(difficulty: ResolvedDifficulty, feature: FeaturePolicy | null): string {
  switch (difficulty.source) {
    case "caller":
      return "declared by the caller";
    case "feature":
      return `the default of feature ${feature?.name ?? "?"}`;
    case "default":
      return "the default when neither the caller nor a feature says";
    case "estimator": {
      const estimate = difficulty.estimate;
      if (estimate === null || estimate.threshold === null) return "the difficulty estimator";
      return `difficulty estimator: ${estimateWords(estimate)}, at or above feature ${feature?.name ?? "?"}'s threshold ${score(estimate.threshold)}`;
    }
  }
}

/**
 * The trace line for a request the estimator looked at without raising it (the dial is on but
 * the score is below the threshold, or the stated difficulty is already hard). Null when the
 * feature has no dial: then the estimator took no part and the trace does not mention it.
 */
export function estimateKeptLine(difficulty: ResolvedDifficulty, feature: FeaturePolicy | null): string | null {
  const estimate = difficulty.estimate;
  if (estimate === null || estimate.threshold === null || estimate.raised) return null;
  const why =
    estimate.score >= estimate.threshold
      ? `at or above feature ${feature?.name ?? "?"}'s threshold ${score(estimate.threshold)}, but the difficulty is already ${difficulty.level}`
      : `below feature ${feature?.name ?? "?"}'s threshold ${score(estimate.threshold)}, so the difficulty stays ${difficulty.level}`;
  return `Difficulty estimator: ${taskOf(estimate)}, score ${score(estimate.score)} — ${why}.`;
}
