// The hand-built half of the difficulty estimator, for requests unlike anything in the labelled
// data (which holds only multiple-choice knowledge questions and arithmetic word problems): a
// model trained there reads "not multiple choice" as "word problem", so for open writing, code,
// chat or design questions it would guess. These scores are judgement, not measurement —
// bench/ROUTING.md measures only the learned half — and are kept on the same 0–1 scale.
import type { DifficultyInput, TaskCue } from "./features";

/** Task types the learned model has labelled data for. */
export function learnedCovers(cues: readonly TaskCue[]): boolean {
  return cues.includes("multiple_choice") || cues.includes("arithmetic") || cues.includes("word_problem");
}

/** The strongest cue sets the base; depth and length add a little on top. */
const CUE_SCORE: Partial<Record<TaskCue, number>> = {
  formal_reasoning: 0.85,
  mathematics: 0.8,
  technical_design: 0.75,
  code: 0.65,
  open_writing: 0.3,
  long_context: 0.5,
};
const GENERAL = 0.2;

export function ruleScore(cues: readonly TaskCue[], input: DifficultyInput): number {
  const base = Math.max(GENERAL, ...cues.map((cue) => CUE_SCORE[cue] ?? 0));
  const depth = Math.min(0.15, 0.05 * Math.max(0, input.userTurns - 1));
  // Long questions carry more to get right: up to +0.1 from ~100 to ~3,000 characters.
  const length = Math.min(0.1, Math.max(0, Math.log10(Math.max(1, input.question.length) / 100) * 0.07));
  return Math.round(Math.min(0.99, base + depth + length) * 1000) / 1000;
}
