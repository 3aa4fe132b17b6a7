import "server-only";
import { recentDifficultyScores } from "@/lib/analytics/decisions/recent-difficulty-scores";
import { sumFeatureSpend } from "@/lib/analytics/costs/sum-feature-spend";
import { formatUtcMonth, startOfUtcMonth } from "@/lib/analytics/costs/utc-month";
import { listDataClasses } from "@/console/data-rules/server/list-data-classes";
import { listFeatures } from "./list-features";

/**
 * What the Features & budgets page shows: the features, each one's spend this calendar month
 * (UTC, as budgets run), the data classes a feature may default to, and the difficulty scores
 * of each feature's recent requests (for the estimator dial's preview).
 */
export async function loadFeaturesPage(now: Date) {
  const monthStart = startOfUtcMonth(now);
  const [features, spend, dataClasses] = await Promise.all([listFeatures(), sumFeatureSpend({ since: monthStart }), listDataClasses()]);
  const scores = await recentDifficultyScores(features.map((feature) => feature.key));
  const classes = dataClasses.map((dataClass) => ({ key: dataClass.key, name: dataClass.name }));
  return { features, spend, monthLabel: formatUtcMonth(monthStart), classes, scores };
}
