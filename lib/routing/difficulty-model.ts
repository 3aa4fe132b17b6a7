// The learned part of the difficulty estimator: a logistic regression over the features of
// difficulty-features.ts. The weights are data (difficulty-model.json, written by
// scripts/difficulty/train.ts); this file only evaluates them. The raw logit is mapped to its
// percentile among the training prompts, so a score of 0.8 reads "harder than 80 % of the
// benchmark mix" and the threshold for a share s of that mix is simply 1 − s.
import { DENSE_FEATURES, HASH_BITS, type DifficultyFeatures } from "./difficulty-features";

export interface DifficultyModelFile {
  format: "switchyard-difficulty-lr/1";
  hashBits: number;
  /** What the model predicts, in words (for the README and the bench). */
  label: string;
  bias: number;
  /** One weight per DENSE_FEATURES entry, same order. */
  dense: number[];
  /** [bucket, weight] pairs; buckets not listed weigh 0. */
  hashed: Array<[number, number]>;
  /** Raw logits at percentiles 0, 1, …, 100 of the training prompts (non-decreasing). */
  percentiles: number[];
  trainedOn: { rows: number; sources: string; trainedAt: string };
}

export interface DifficultyModel {
  file: DifficultyModelFile;
  weights: Float64Array;
}

export function loadDifficultyModel(file: DifficultyModelFile): DifficultyModel {
  if (file.hashBits !== HASH_BITS || file.dense.length !== DENSE_FEATURES.length || file.percentiles.length !== 101) {
    throw new Error("difficulty model does not match the feature extractor; re-run scripts/difficulty/train.ts");
  }
  const weights = new Float64Array(1 << HASH_BITS);
  for (const [bucket, weight] of file.hashed) weights[bucket] = weight;
  return { file, weights };
}

export function rawLogit(model: DifficultyModel, features: DifficultyFeatures): number {
  let z = model.file.bias;
  for (let i = 0; i < features.dense.length; i += 1) z += (model.file.dense[i] ?? 0) * (features.dense[i] ?? 0);
  // The n-gram part is scaled by 1/√(buckets present), so a long prompt is not "harder" merely
  // because it has more words (length has dense features of its own).
  let ngrams = 0;
  for (const bucket of features.buckets) ngrams += model.weights[bucket] ?? 0;
  return features.buckets.length === 0 ? z : z + ngrams / Math.sqrt(features.buckets.length);
}

/** Where a raw logit falls among the training prompts, in [0, 1], interpolated between percentiles. */
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
