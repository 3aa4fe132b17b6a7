import { describe, expect, it } from "vitest";
import { DENSE_FEATURES, HASH_BITS, type DifficultyFeatures } from "./features";
import { loadDifficultyModel, rawScore, type DifficultyHeadFile, type DifficultyModelFile } from "./model";
import committed from "./model.json";

const BUCKETS = 1 << HASH_BITS;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function head(weight: number, bias: number, denseFirst: number, hashed: Record<number, number>): DifficultyHeadFile {
  const dense = DENSE_FEATURES.map((_, i) => (i === 0 ? denseFirst : 0));
  const table = new Array<number>(BUCKETS).fill(0);
  for (const [bucket, value] of Object.entries(hashed)) table[Number(bucket)] = value;
  return { label: "test", weight, bias, dense, hashed: table };
}

function file(heads: DifficultyHeadFile[]): DifficultyModelFile {
  return {
    format: "switchyard-difficulty-lr/2",
    hashBits: HASH_BITS,
    label: "test",
    heads,
    percentiles: Array.from({ length: 101 }, (_, i) => i / 100),
    trainedOn: { rows: 0, sources: "test", trainedAt: "test" },
  };
}

const features = (dense0: number, buckets: number[]): DifficultyFeatures => ({
  dense: DENSE_FEATURES.map((_, i) => (i === 0 ? dense0 : 0)),
  buckets,
  cues: [],
});

describe("rawScore", () => {
  it("is Σ weight · σ(logit) over the heads, the n-gram part scaled by 1/√(buckets present)", () => {
    const model = loadDifficultyModel(file([head(1, 0.5, 2, { 3: 1, 7: -0.5 }), head(-1, -1, 0, { 3: 2 }), head(0.5, 0, 1, {})]));
    const f = features(0.25, [3, 7, 11, 20]);
    const strong = 0.5 + 2 * 0.25 + (1 - 0.5) / 2;
    const weak = -1 + 2 / 2;
    const gap = 0.25;
    expect(rawScore(model, f)).toBeCloseTo(sigmoid(strong) - sigmoid(weak) + 0.5 * sigmoid(gap), 12);
  });

  it("reads only the dense part and the bias when no bucket is present", () => {
    const model = loadDifficultyModel(file([head(1, -0.3, 1, { 0: 5 })]));
    expect(rawScore(model, features(0.5, []))).toBeCloseTo(sigmoid(0.2), 12);
  });
});

describe("loadDifficultyModel", () => {
  it("rejects a file that does not match the feature extractor", () => {
    const good = head(1, 0, 0, {});
    expect(() => loadDifficultyModel(file([]))).toThrow(/re-run scripts\/difficulty\/train.ts/);
    expect(() => loadDifficultyModel(file([{ ...good, hashed: good.hashed.slice(1) }]))).toThrow(/does not match/);
    expect(() => loadDifficultyModel(file([{ ...good, dense: [...good.dense, 0] }]))).toThrow(/does not match/);
    expect(() => loadDifficultyModel({ ...file([good]), hashBits: HASH_BITS + 1 })).toThrow(/does not match/);
    expect(() => loadDifficultyModel({ ...file([good]), percentiles: [0, 1] })).toThrow(/does not match/);
  });

  it("loads the committed model: heads that match the extractor and a non-decreasing percentile table", () => {
    const model = loadDifficultyModel(committed as DifficultyModelFile);
    expect(model.heads.length).toBeGreaterThan(0);
    const table = model.file.percentiles;
    for (let i = 1; i < table.length; i += 1) expect(table[i]!).toBeGreaterThanOrEqual(table[i - 1]!);
  });
});
