// The labelled prompts of data/difficulty (see its NOTICE) and the project's fixed split: a
// prompt is held out when a salted SHA-256 of its text starts with 0–4 (5/16, ~31 %), so the
// split never changes with the file's order and training never sees a held-out prompt.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { DifficultyInput } from "@/lib/routing/difficulty/features";

export interface LabelledPrompt {
  id: string;
  source: "mmlu" | "gsm8k";
  domain: string;
  prompt: string;
  weak_correct: boolean;
  strong_correct: boolean;
}

export const DATASET = path.join(import.meta.dirname, "../../data/difficulty/routellm.jsonl.gz");

export function loadPrompts(file = DATASET): LabelledPrompt[] {
  return gunzipSync(readFileSync(file))
    .toString("utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as LabelledPrompt);
}

function splitHash(prompt: LabelledPrompt): string {
  return createHash("sha256").update(`switchyard-difficulty-split:${prompt.prompt}`, "utf8").digest("hex");
}

export type Part = "train" | "validation" | "held-out";

/** held-out: first hex digit 0–4; of the rest, validation (for choosing settings) when the second is 0–2. */
export function partOf(prompt: LabelledPrompt): Part {
  const hash = splitHash(prompt);
  if (/^[0-4]/.test(hash)) return "held-out";
  return /^.[0-2]/.test(hash) ? "validation" : "train";
}

/** A benchmark question as the gateway would see it: one user turn. */
export function asInput(prompt: LabelledPrompt): DifficultyInput {
  return { question: prompt.prompt, totalChars: prompt.prompt.length, userTurns: 1 };
}
