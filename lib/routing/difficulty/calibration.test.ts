import { describe, expect, it } from "vitest";
import { MIN_CALIBRATION_REQUESTS, calibrate, dialPreview, shareAtThreshold, thresholdForShare } from "./calibration";

const hundred = Array.from({ length: 100 }, (_, i) => i / 100); // 0.00 … 0.99

describe("thresholdForShare: the (1 − share) quantile", () => {
  it("lets the top share of scores reach it", () => {
    expect(thresholdForShare(hundred, 0.3)).toBe(0.7);
    expect(shareAtThreshold(hundred, thresholdForShare(hundred, 0.3))).toBeCloseTo(0.3, 10);
    expect(thresholdForShare(hundred, 1)).toBe(0);
    expect(thresholdForShare(hundred, 0.001)).toBe(0.99); // at least one request
  });

  it("does not depend on the order of the scores", () => {
    expect(thresholdForShare([...hundred].reverse(), 0.25)).toBe(thresholdForShare(hundred, 0.25));
  });

  it("with ties, more than the share may reach it (never fewer)", () => {
    const tied = [...Array(50).fill(0.1), ...Array(50).fill(0.9)];
    expect(thresholdForShare(tied, 0.2)).toBe(0.9);
    expect(shareAtThreshold(tied, 0.9)).toBe(0.5);
  });

  it("refuses an empty list", () => {
    expect(() => thresholdForShare([], 0.5)).toThrow();
  });
});

describe("calibrate", () => {
  it("uses the feature's recent scores when there are enough", () => {
    expect(calibrate(hundred, 0.4)).toEqual({ threshold: 0.6, basis: "recent", requests: 100, expectedShare: 0.4 });
  });

  it("falls back to the benchmark mix (threshold 1 − share) below the minimum", () => {
    const few = hundred.slice(0, MIN_CALIBRATION_REQUESTS - 1);
    expect(calibrate(few, 0.4)).toEqual({ threshold: 0.6, basis: "benchmark", requests: MIN_CALIBRATION_REQUESTS - 1, expectedShare: null });
    expect(calibrate([], 0.25).threshold).toBe(0.75);
  });
});

describe("dialPreview", () => {
  it("says what share goes to frontier at this setting", () => {
    expect(dialPreview(hundred, 30, "routine")).toMatch(/^At this setting about 30 % of this feature's requests go to frontier \(score ≥ 0\.70, from its last 100 scored requests/);
  });
  it("says clearly when there are too few records", () => {
    expect(dialPreview([0.5, 0.6], 30, "standard")).toMatch(/^Too few scored requests to calibrate on \(2 of the 50 needed\)/);
  });
  it("off, and a hard default the estimator cannot raise", () => {
    expect(dialPreview(hundred, null, "routine")).toMatch(/^Estimator off/);
    expect(dialPreview(hundred, 30, "hard")).toMatch(/already hard/);
  });
});
