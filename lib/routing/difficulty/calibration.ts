// Calibrating a feature's difficulty dial: for a target share s of requests sent to the
// frontier, the threshold is the (1 − s) quantile of the estimator's scores over the feature's
// recent requests. With too few scored requests the benchmark mix stands in: scores are
// percentiles of that mix (model.ts), so its threshold for s is simply 1 − s.
// Pure; lib/analytics/decisions/recent-difficulty-scores.ts loads the scores.

/** How many of a feature's latest scored requests calibrate its dial. */
export const CALIBRATION_WINDOW = 1_000;
/** Fewer scored requests than this and the benchmark mix is used instead. */
export const MIN_CALIBRATION_REQUESTS = 50;

export interface Calibration {
  threshold: number;
  /** Where the threshold came from. */
  basis: "recent" | "benchmark";
  /** Scored requests it was computed on (recent basis), or the ones there were (benchmark basis). */
  requests: number;
  /** Share of those recent requests at or above the threshold; null on the benchmark basis. */
  expectedShare: number | null;
}

const ascending = (scores: readonly number[]) => [...scores].filter(Number.isFinite).sort((a, b) => a - b);

/** The least score among the top ⌈share × n⌉: that many requests reach it (more on ties). */
export function thresholdForShare(scores: readonly number[], share: number): number {
  const sorted = ascending(scores);
  if (sorted.length === 0) throw new Error("no scores to calibrate on");
  const top = Math.max(1, Math.ceil(Math.min(1, Math.max(0, share)) * sorted.length));
  return sorted[sorted.length - top]!;
}

/** Share of scores at or above the threshold. */
export function shareAtThreshold(scores: readonly number[], threshold: number): number {
  if (scores.length === 0) return 0;
  return scores.filter((score) => score >= threshold).length / scores.length;
}

export function calibrate(scores: readonly number[], share: number): Calibration {
  const usable = ascending(scores);
  if (usable.length < MIN_CALIBRATION_REQUESTS) {
    return { threshold: Math.round((1 - share) * 1000) / 1000, basis: "benchmark", requests: usable.length, expectedShare: null };
  }
  const threshold = thresholdForShare(usable, share);
  return { threshold, basis: "recent", requests: usable.length, expectedShare: shareAtThreshold(usable, threshold) };
}

/** The feature form's sentence for a dial setting (percent 1–100, or null = off). */
export function dialPreview(scores: readonly number[], percent: number | null, defaultDifficulty: string): string {
  if (percent === null) return "Estimator off: requests get the feature's default difficulty, or the caller's.";
  if (defaultDifficulty === "hard") return "The default difficulty is already hard, so the estimator cannot raise any request: all go to frontier where the data class allows.";
  const calibration = calibrate(scores, percent / 100);
  const threshold = calibration.threshold.toFixed(2);
  if (calibration.basis === "benchmark") {
    return `Too few scored requests to calibrate on (${calibration.requests} of the ${MIN_CALIBRATION_REQUESTS} needed): the threshold ${threshold} comes from the benchmark mix, where about ${percent} % of requests would go to frontier. Save again once the feature has traffic.`;
  }
  const share = Math.round(100 * (calibration.expectedShare ?? 0));
  return `At this setting about ${share} % of this feature's requests go to frontier (score ≥ ${threshold}, from its last ${calibration.requests} scored requests; caller hints and rules can add more, data class and budget can hold some back).`;
}
