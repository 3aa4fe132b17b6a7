// scripts/difficulty/train.ts — trains the difficulty estimator's logistic regressions and writes
// lib/routing/difficulty/model.json. Not run by the tests; deterministic (fixed split, fixed
// folds, file order, no randomness), so the same data gives the same file:
//
//   npx tsx scripts/difficulty/train.ts
//
// The held-out part (dataset.ts) is never read here; bench/routing.ts reports on it. On the rest,
// 5-fold cross-validation that leaves whole MMLU subjects out (subjectFolds) chooses everything
// by the mean accuracy, relative to the strong model, at frontier shares of 10–50 %: first each
// objective's L2 penalty, then the blend of the two, P(strong right) −
// P(weak right) + w · P(weak wrong and strong right). Each head written is the average of its five
// fold models' weights (linear, so their ensemble), and the percentile table comes from the
// folds' out-of-fold scores — how unseen prompts (of unseen subjects) score.
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { DENSE_FEATURES, HASH_BITS, difficultyFeatures, type DifficultyFeatures } from "@/lib/routing/difficulty/features";
import { loadDifficultyModel, rawScore, type DifficultyModelFile } from "@/lib/routing/difficulty/model";
import { accuracyAtShare, shareFor, strongAccuracy } from "./curve";
import { minimise } from "./lbfgs";
import { asInput, loadPrompts, partOf, type LabelledPrompt } from "./dataset";

const OUT = path.join(import.meta.dirname, "../../lib/routing/difficulty/model.json");
const FOLDS = 5;

type Label = (prompt: LabelledPrompt) => number;
interface Objective {
  words: string;
  heads: Array<{ words: string; weight: number; label: Label }>;
}
/**
 * "gap" ranks by P(weak wrong and strong right); "net" by P(strong right) − P(weak right), which
 * also counts what is lost by sending a question the strong model gets wrong and the weak one right.
 */
const OBJECTIVES: Record<string, Objective> = {
  gap: {
    words: "P(the weak model answers wrong and the strong model right)",
    heads: [{ words: "P(weak wrong and strong right)", weight: 1, label: (p) => (!p.weak_correct && p.strong_correct ? 1 : 0) }],
  },
  net: {
    words: "P(the strong model answers right) − P(the weak model answers right)",
    heads: [
      { words: "P(strong right)", weight: 1, label: (p) => (p.strong_correct ? 1 : 0) },
      { words: "P(weak right)", weight: -1, label: (p) => (p.weak_correct ? 1 : 0) },
    ],
  },
};

interface Settings {
  objective: string;
  /** L2 penalty on the summed log loss. */
  l2: number;
}

interface Example {
  prompt: LabelledPrompt;
  features: DifficultyFeatures;
  /** Its cross-validation fold (subjectFolds). */
  fold: number;
}

interface Weights {
  bias: number;
  dense: Float64Array;
  hashed: Float64Array;
}

/**
 * The log loss summed over the examples plus ½ · L2 · |weights|² (the bias is not penalised),
 * minimised by full-batch L-BFGS (lbfgs.ts) — Adagrad's few passes in file order stopped short of
 * the optimum and needed 2 points more of frontier share by the subject-grouped folds.
 */
function fit(examples: readonly Example[], settings: Settings, label: Label): Weights {
  const denseCount = DENSE_FEATURES.length;
  const labels = examples.map((e) => label(e.prompt));
  const scales = examples.map(({ features }) => (features.buckets.length === 0 ? 0 : 1 / Math.sqrt(features.buckets.length)));
  const objective = (x: Float64Array, gradient: Float64Array) => {
    gradient.fill(0);
    let loss = 0;
    examples.forEach(({ features }, n) => {
      const scale = scales[n]!;
      let z = x[0]!;
      features.dense.forEach((value, i) => (z += x[1 + i]! * value));
      for (const bucket of features.buckets) z += x[1 + denseCount + bucket]! * scale;
      // log(1 + e^z) − y·z, computed without overflow.
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - labels[n]! * z;
      const error = 1 / (1 + Math.exp(-z)) - labels[n]!;
      gradient[0]! += error;
      features.dense.forEach((value, i) => (gradient[1 + i]! += error * value));
      for (const bucket of features.buckets) gradient[1 + denseCount + bucket]! += error * scale;
    });
    for (let i = 1; i < x.length; i += 1) {
      loss += 0.5 * settings.l2 * x[i]! * x[i]!;
      gradient[i]! += settings.l2 * x[i]!;
    }
    return loss;
  };
  const x = minimise(objective, new Float64Array(1 + denseCount + (1 << HASH_BITS)));
  return { bias: x[0]!, dense: x.slice(1, 1 + denseCount), hashed: x.slice(1 + denseCount) };
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;
/** Hashed weights to 3 decimals: ~50 buckets of a prompt, scaled by 1/√50, move a logit by < 0.004. */
const round3 = (value: number) => Math.round(value * 1e3) / 1e3;

interface TrainedHead {
  words: string;
  weight: number;
  w: Weights;
}

function toFile(heads: readonly TrainedHead[], words: string, rows: number, percentiles: number[]): DifficultyModelFile {
  return {
    format: "switchyard-difficulty-lr/2",
    hashBits: HASH_BITS,
    label: words,
    heads: heads.map(({ words, weight, w }) => ({
      label: words,
      weight,
      bias: round(w.bias),
      dense: [...w.dense].map(round),
      hashed: [...w.hashed].map(round3),
    })),
    percentiles,
    trainedOn: { rows, sources: "RouteLLM eval responses: MMLU domains a–l and GSM8K rows with SHA-256 0–7, less the held-out part (data/difficulty/NOTICE)", trainedAt: "see git log" },
  };
}

const flat = Array.from({ length: 101 }, (_, i) => i);

const hash8 = (text: string) => parseInt(createHash("sha256").update(text).digest("hex").slice(0, 8), 16);

/**
 * Folds that leave whole MMLU subjects out: the estimator is used on subjects it never saw (the
 * issue's check runs on MMLU m–z), so a fold that shares subjects with its training part would
 * reward memorising them. Subjects go to the least-filled fold, largest first (ties by a hash of
 * the name); GSM8K questions by a hash of the prompt.
 */
function subjectFolds(prompts: readonly LabelledPrompt[]): (prompt: LabelledPrompt) => number {
  const sizes = new Map<string, number>();
  for (const prompt of prompts) if (prompt.source === "mmlu") sizes.set(prompt.domain, (sizes.get(prompt.domain) ?? 0) + 1);
  const subjects = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || hash8(`0:${a}`) - hash8(`0:${b}`));
  const filled = new Array<number>(FOLDS).fill(0);
  const foldOfSubject = new Map<string, number>();
  for (const subject of subjects) {
    const fold = filled.indexOf(Math.min(...filled));
    foldOfSubject.set(subject, fold);
    filled[fold]! += sizes.get(subject)!;
  }
  return (prompt) => (prompt.source === "mmlu" ? foldOfSubject.get(prompt.domain)! : hash8(`0:g:${prompt.id}`) % FOLDS);
}

/** Five fold models (each a list of heads) and the out-of-fold score of every example. */
function crossValidate(examples: readonly Example[], settings: Settings) {
  const objective = OBJECTIVES[settings.objective]!;
  const models: Weights[][] = [];
  const outOfFold = new Map<string, number>();
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const training = examples.filter((e) => e.fold !== fold);
    const heads = objective.heads.map((head) => fit(training, settings, head.label));
    const model = loadDifficultyModel(toFile(heads.map((w, h) => ({ ...objective.heads[h]!, w })), "", 0, flat));
    for (const e of examples) if (e.fold === fold) outOfFold.set(e.prompt.id, rawScore(model, e.features));
    models.push(heads);
  }
  return { models, outOfFold, ...judge(examples, outOfFold) };
}

/** The cross-validation's figures for out-of-fold scores: mean accuracy/strong at 10–50 % (what is maximised), at 40 %, and the share for 95 %. */
function judge(examples: readonly Example[], outOfFold: ReadonlyMap<string, number>) {
  const scored = examples.map((e) => ({ prompt: e.prompt, score: outOfFold.get(e.prompt.id)! }));
  const strong = strongAccuracy(examples.map((e) => e.prompt));
  const shares = [0.1, 0.2, 0.3, 0.4, 0.5];
  const merit = shares.reduce((sum, share) => sum + accuracyAtShare(scored, share) / strong, 0) / shares.length;
  const share95 = shareFor(0.95 * strong, (share) => accuracyAtShare(scored, share));
  const at40 = accuracyAtShare(scored, 0.4) / strong;
  return { merit, share95, at40 };
}

const describe = (figures: ReturnType<typeof judge>) =>
  `mean accuracy/strong at 10–50 % = ${(100 * figures.merit).toFixed(2)} %, at 40 % = ${(100 * figures.at40).toFixed(2)} %, share for 95 % = ${figures.share95 === null ? "—" : `${Math.round(100 * figures.share95)} %`}`;

function average(models: readonly Weights[]): Weights {
  const mean: Weights = { bias: 0, dense: new Float64Array(DENSE_FEATURES.length), hashed: new Float64Array(1 << HASH_BITS) };
  for (const m of models) {
    mean.bias += m.bias / models.length;
    m.dense.forEach((value, i) => (mean.dense[i]! += value / models.length));
    m.hashed.forEach((value, i) => (mean.hashed[i]! += value / models.length));
  }
  return mean;
}

type Result = ReturnType<typeof crossValidate>;

/** Each objective's best settings by the cross-validation. */
function bestPerObjective(examples: readonly Example[]): Record<string, { settings: Settings; result: Result }> {
  const best: Record<string, { settings: Settings; result: Result }> = {};
  for (const objective of Object.keys(OBJECTIVES))
    for (const l2 of [0.5, 1, 2]) {
      const settings = { objective, l2 };
      const result = crossValidate(examples, settings);
      console.log(`${JSON.stringify(settings)}: ${describe(result)}`);
      if (best[objective] === undefined || result.merit > best[objective].result.merit) best[objective] = { settings, result };
    }
  return best;
}

function main() {
  const prompts = loadPrompts().filter((prompt) => partOf(prompt) !== "held-out");
  const foldOf = subjectFolds(prompts);
  const examples: Example[] = prompts.map((prompt) => ({ prompt, features: difficultyFeatures(asInput(prompt)), fold: foldOf(prompt) }));
  const { net, gap } = bestPerObjective(examples);
  if (net === undefined || gap === undefined) throw new Error("nothing trained");
  // The blend net + w · gap, w chosen by the same cross-validation (w = 0: net alone; "gap alone" is the last candidate).
  let chosen: { gapWeight: number | null; outOfFold: Map<string, number>; merit: number } | null = null;
  for (const gapWeight of [0, 0.25, 0.5, 0.75, 1, 1.5, null]) {
    const outOfFold =
      gapWeight === null ? gap.result.outOfFold : new Map([...net.result.outOfFold].map(([id, score]) => [id, score + gapWeight * gap.result.outOfFold.get(id)!]));
    const figures = judge(examples, outOfFold);
    console.log(`blend ${gapWeight === null ? "gap alone" : `net + ${gapWeight} · gap`}: ${describe(figures)}`);
    if (chosen === null || figures.merit > chosen.merit) chosen = { gapWeight, outOfFold, merit: figures.merit };
  }
  const averaged = (best: { settings: Settings; result: Result }, weightOf: (h: number) => number): TrainedHead[] =>
    OBJECTIVES[best.settings.objective]!.heads.map((head, h) => ({ words: head.words, weight: weightOf(h), w: average(best.result.models.map((heads) => heads[h]!)) }));
  const heads =
    chosen!.gapWeight === null
      ? averaged(gap, () => 1)
      : [...averaged(net, (h) => OBJECTIVES.net!.heads[h]!.weight), ...(chosen!.gapWeight > 0 ? averaged(gap, () => chosen!.gapWeight!) : [])];
  const words =
    chosen!.gapWeight === null ? OBJECTIVES.gap!.words : chosen!.gapWeight === 0 ? OBJECTIVES.net!.words : `${OBJECTIVES.net!.words} + ${chosen!.gapWeight} × ${OBJECTIVES.gap!.words}`;
  const scores = [...chosen!.outOfFold.values()].sort((a, b) => a - b);
  const percentiles = flat.map((i) => round(scores[Math.round((i / 100) * (scores.length - 1))]!));
  const file = toFile(heads, words, prompts.length, percentiles);
  writeFileSync(OUT, `${JSON.stringify(file)}\n`);
  console.log(`chose net ${JSON.stringify(net.settings)}, gap ${JSON.stringify(gap.settings)}, blend weight ${chosen!.gapWeight ?? "gap alone"}; ${prompts.length} prompts, ${heads.length} heads → ${path.relative(process.cwd(), OUT)}`);
}

main();
