// The learned part of the difficulty estimator: logistic-regression heads over the features of
// features.ts, combined as Σ weightᵢ · σ(headᵢ). The committed model has two: P(strong model
// right) − P(weak model right) — the accuracy expected to be gained by sending the request to the
// strong model, which is what the routing curve is about. (A third head, a share of P(weak wrong
// and strong right), ranked better when the folds shared subjects but not on unseen subjects;
// the trainer still offers it, bench/ROUTING.md.) The weights are data (model.json, written by
// scripts/difficulty/train.ts); this file only evaluates them. The raw score is mapped to its
// percentile among the training prompts, so a score of 0.8 reads "harder than 80 % of the
// benchmark mix" and the threshold for a share s of that mix is simply 1 − s.
import { DENSE_FEATURES, HASH_BITS, type DifficultyFeatures } from "./features";

export interface DifficultyHeadFile {
  /** What the head predicts, in words. */
  label: string;
  /** Its coefficient in the raw score (negative: a head that counts against). */
  weight: number;
  bias: number;
  /** One weight per DENSE_FEATURES entry, same order. */
  dense: number[];
  /** One weight per hashed bucket (2^hashBits). */
  hashed: number[];
}

export interface DifficultyModelFile {
  format: "switchyard-difficulty-lr/2";
  hashBits: number;
  /** What the raw score means, in words (for the README and the bench). */
  label: string;
  heads: DifficultyHeadFile[];
  /** Raw scores at percentiles 0, 1, …, 100 of the training prompts (non-decreasing). */
  percentiles: number[];
  trainedOn: { rows: number; sources: string; trainedAt: string };
}

interface Head {
  file: DifficultyHeadFile;
  weights: Float64Array;
}

export interface DifficultyModel {
  file: DifficultyModelFile;
  heads: Head[];
}

export function loadDifficultyModel(file: DifficultyModelFile): DifficultyModel {
  if (
    file.format !== "switchyard-difficulty-lr/2" ||
    file.hashBits !== HASH_BITS ||
    file.heads.length === 0 ||
    file.heads.some((head) => head.dense.length !== DENSE_FEATURES.length || head.hashed.length !== 1 << HASH_BITS) ||
    file.percentiles.length !== 101
  ) {
    throw new Error("difficulty model does not match the feature extractor; re-run scripts/difficulty/train.ts");
  }
  return { file, heads: file.heads.map((head) => ({ file: head, weights: Float64Array.from(head.hashed) })) };
}

function headLogit(head: Head, features: DifficultyFeatures): number {
  let z = head.file.bias;
  for (let i = 0; i < features.dense.length; i += 1) z += (head.file.dense[i] ?? 0) * (features.dense[i] ?? 0);
  // The n-gram part is scaled by 1/√(buckets present), so a long prompt is not "harder" merely
  // because it has more words (length has dense features of its own).
  let ngrams = 0;
  for (const bucket of features.buckets) ngrams += head.weights[bucket] ?? 0;
  return features.buckets.length === 0 ? z : z + ngrams / Math.sqrt(features.buckets.length);
}

/** The model's raw score, Σ weightᵢ · σ(headᵢ): higher = more to gain from the strong model. */
export function rawScore(model: DifficultyModel, features: DifficultyFeatures): number {
  let score = 0;
  for (const head of model.heads) score += head.file.weight / (1 + Math.exp(-headLogit(head, features)));
  return score;
}

/** Where a raw score falls among the training prompts, in [0, 1], interpolated between percentiles. */
export function percentileOf(percentiles: readonly number[], z: number): number {
  const last = percentiles.length - 1;
  if (z <= (percentiles[0] ?? 0)) return 0;
  if (z >= (percentiles[last] ?? 0)) return 1;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((percentiles[mid] ?? 0) <= z) lo = mid;
    else hi = mid;
  }
  const a = percentiles[lo] ?? 0;
  const b = percentiles[hi] ?? 0;
  const within = b > a ? (z - a) / (b - a) : 0;
  return (lo + within) / last;
}
