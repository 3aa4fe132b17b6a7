// The difficulty estimator: from the request alone, a score in [0, 1] — the request's percentile
// among the benchmark prompts the model was trained on, ranked by the accuracy expected to be
// gained by sending it to the frontier instead of the cheap tier (bench/ROUTING.md) — and the task type in words
// for the trace. Pure: the model is data, imported statically; no I/O, no clock.
import { difficultyFeatures, type DifficultyInput, type TaskCue } from "./features";
import { loadDifficultyModel, percentileOf, rawScore, type DifficultyModel, type DifficultyModelFile } from "./model";
import modelFile from "./model.json";
import { learnedCovers, ruleScore } from "./rules";
import type { Analysis } from "../types";

export interface DifficultyEstimate {
  /** 0 = easiest, 1 = hardest, as a percentile of the training mix. */
  score: number;
  cues: TaskCue[];
  /** "model": the learned model (task types with labelled data); "rules": hand-built scores for the rest. */
  basis: "model" | "rules";
  /** "multi-step arithmetic word problem", "code", "short request", … */
  task: string;
}

const MODEL: DifficultyModel = loadDifficultyModel(modelFile as DifficultyModelFile);

/** The question is the last user turn; the rest of the conversation counts only by its size and depth. */
export function estimatorInput(analysis: Pick<Analysis, "promptText" | "conversation">): DifficultyInput {
  const conversation = analysis.conversation;
  if (conversation === undefined || conversation.lastUserText === "") {
    return { question: analysis.promptText, totalChars: analysis.promptText.length, userTurns: conversation?.userTurns ?? 1 };
  }
  return { question: conversation.lastUserText, totalChars: analysis.promptText.length, userTurns: Math.max(1, conversation.userTurns) };
}

/** The cues as one phrase, most specific first. */
export function taskWords(cues: readonly TaskCue[], userTurns: number): string {
  const has = (cue: TaskCue) => cues.includes(cue);
  const parts: string[] = [];
  if (has("word_problem")) parts.push(`${has("multi_step") ? "multi-step " : ""}arithmetic word problem`);
  else if (has("arithmetic")) parts.push(`${has("multi_step") ? "multi-step " : ""}arithmetic`);
  if (has("mathematics")) parts.push("mathematics");
  if (has("formal_reasoning")) parts.push("formal reasoning");
  if (has("technical_design")) parts.push("technical design");
  if (has("code")) parts.push("code");
  if (has("multiple_choice")) parts.push("multiple-choice knowledge question");
  if (has("open_writing")) parts.push("open writing");
  if (has("long_context")) parts.push("long context");
  if (parts.length === 0) parts.push("general request");
  if (userTurns > 1) parts.push(`turn ${userTurns} of a conversation`);
  return parts.join(", ");
}

export function estimateDifficulty(input: DifficultyInput, model: DifficultyModel = MODEL): DifficultyEstimate {
  const features = difficultyFeatures(input);
  const task = taskWords(features.cues, input.userTurns);
  if (!learnedCovers(features.cues)) return { score: ruleScore(features.cues, input), cues: features.cues, basis: "rules", task };
  const score = Math.round(percentileOf(model.file.percentiles, rawScore(model, features)) * 1000) / 1000;
  return { score, cues: features.cues, basis: "model", task };
}
