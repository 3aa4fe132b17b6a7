import type { DifficultyEstimateDecision } from "@/lib/routing/types";

/** The difficulty estimator's score for a request, its task reading, and what the feature's dial made of it. */
export function DifficultyScore({ estimate }: { estimate: DifficultyEstimateDecision | undefined }) {
  if (estimate === undefined) return <span className="block text-xs text-slate-500">not scored (embeddings)</span>;
  const dial =
    estimate.threshold === null
      ? "the feature's estimator is off"
      : estimate.raised
        ? `≥ threshold ${estimate.threshold.toFixed(2)}: raised to hard`
        : estimate.score >= estimate.threshold
          ? `≥ threshold ${estimate.threshold.toFixed(2)}, already hard`
          : `below threshold ${estimate.threshold.toFixed(2)}`;
  return (
    <span className="block text-xs text-slate-500" data-testid="dry-run-difficulty-score">
      estimator score <span className="font-medium tabular-nums text-slate-800">{estimate.score.toFixed(2)}</span> ({estimate.task}); {dial}
    </span>
  );
}
