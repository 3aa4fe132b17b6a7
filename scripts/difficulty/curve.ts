// Accuracy against frontier share on a labelled set: route the highest-scoring share of prompts
// to the strong model and the rest to the weak one. Shared by train.ts (choosing settings on
// the validation part) and bench/routing.ts (the figures, on the held-out part).
import type { LabelledPrompt } from "./dataset";

export interface Scored {
  prompt: LabelledPrompt;
  score: number;
}

const correct = (value: boolean) => (value ? 1 : 0);

/** Accuracy when the top `share` (0–1) by score go to the strong model; ties broken by id. */
export function accuracyAtShare(scored: readonly Scored[], share: number): number {
  const ordered = [...scored].sort((a, b) => b.score - a.score || a.prompt.id.localeCompare(b.prompt.id));
  const routed = Math.round(share * ordered.length);
  let right = 0;
  ordered.forEach(({ prompt }, rank) => {
    right += correct(rank < routed ? prompt.strong_correct : prompt.weak_correct);
  });
  return right / ordered.length;
}

export function weakAccuracy(prompts: readonly LabelledPrompt[]): number {
  return prompts.reduce((sum, prompt) => sum + correct(prompt.weak_correct), 0) / prompts.length;
}

export function strongAccuracy(prompts: readonly LabelledPrompt[]): number {
  return prompts.reduce((sum, prompt) => sum + correct(prompt.strong_correct), 0) / prompts.length;
}

/** Random routing, in expectation: each prompt goes to the strong model with probability `share`. */
export function randomAccuracy(prompts: readonly LabelledPrompt[], share: number): number {
  return weakAccuracy(prompts) + share * (strongAccuracy(prompts) - weakAccuracy(prompts));
}

/** The oracle sends exactly the prompts the weak model gets wrong and the strong one right. */
export function oracleAccuracy(prompts: readonly LabelledPrompt[], share: number): number {
  const gains = prompts.filter((prompt) => !prompt.weak_correct && prompt.strong_correct).length;
  return weakAccuracy(prompts) + Math.min(Math.round(share * prompts.length), gains) / prompts.length;
}

/** The least share (in steps of 1 %) reaching `target` accuracy, or null. */
export function shareFor(target: number, accuracy: (share: number) => number): number | null {
  for (let percent = 0; percent <= 100; percent += 1) {
    if (accuracy(percent / 100) >= target - 1e-12) return percent / 100;
  }
  return null;
}
