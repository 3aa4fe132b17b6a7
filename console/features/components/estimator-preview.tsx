// What a difficulty dial setting does, from the feature's recent scores: recomputed as the
// engineer types, with the same calibration the server applies on save.
import { dialPreview } from "@/lib/routing/difficulty/calibration";

export function EstimatorPreview({ scores, percent, defaultDifficulty }: { scores: readonly number[]; percent: string; defaultDifficulty: string }) {
  const trimmed = percent.trim();
  const value = trimmed === "" ? null : Number(trimmed);
  if (value !== null && (!Number.isInteger(value) || value < 1 || value > 100)) return null;
  return (
    <p className="text-xs text-slate-600" data-testid="estimator-preview" aria-live="polite">
      {dialPreview(scores, value, defaultDifficulty)}
    </p>
  );
}
