// Difficulty: the caller's hint, else the feature's default, else "standard". It only sets the
// minimum tier (via snapshot.difficultyMinTier); it never widens what the data class allows.
import type { Analysis, Difficulty, DifficultySource, FeaturePolicy } from "./types";

export const DEFAULT_DIFFICULTY: Difficulty = "standard";

export interface ResolvedDifficulty {
  level: Difficulty;
  source: DifficultySource;
}

export function resolveDifficulty(analysis: Analysis, feature: FeaturePolicy | null): ResolvedDifficulty {
  if (analysis.declaredDifficulty !== null) return { level: analysis.declaredDifficulty, source: "caller" };
  if (feature !== null) return { level: feature.defaultDifficulty, source: "feature" };
  return { level: DEFAULT_DIFFICULTY, source: "default" };
}

export function difficultySourceWords(difficulty: ResolvedDifficulty, feature: FeaturePolicy | null): string {
  switch (difficulty.source) {
    case "caller":
      return "declared by the caller";
    case "feature":
      return `the default of feature ${feature?.name ?? "?"}`;
    case "default":
      return "the default when neither the caller nor a feature says";
  }
}
