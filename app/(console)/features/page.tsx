import type { Metadata } from "next";
import { NewFeatureButton } from "@/console/features/components/feature-buttons";
import { FeaturesTable } from "@/console/features/components/features-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { recentDifficultyScores } from "@/lib/analytics/recent-difficulty-scores";
import { sumFeatureSpend } from "@/lib/analytics/sum-feature-spend";
import { formatUtcMonth, startOfUtcMonth } from "@/lib/analytics/utc-month";
import { requireArea } from "@/lib/auth/session";
import { listDataClasses } from "@/lib/config/list-data-classes";
import { listFeatures } from "@/console/features/server/list-features";

export const metadata: Metadata = { title: "Features & budgets" };

export default async function FeaturesPage() {
  await requireArea("features");
  const monthStart = startOfUtcMonth(new Date());
  const [features, spend, dataClasses] = await Promise.all([listFeatures(), sumFeatureSpend({ since: monthStart }), listDataClasses()]);
  const scores = await recentDifficultyScores(features.map((feature) => feature.key));
  const classes = dataClasses.map((dataClass) => ({ key: dataClass.key, name: dataClass.name }));
  return (
    <>
      <PageHeader
        title="Features & budgets"
        description="A feature is one use of the gateway by one team. Its budget runs per calendar month (UTC); its defaults set the least data class and the difficulty of every request that names it, and licence checks read its use."
        actions={<NewFeatureButton classes={classes} />}
      />
      {features.length === 0 ? (
        <EmptyState title="No features yet">Add a feature for each use of the gateway (or run npm run db:seed for the demo ones). Budgets, default data classes and licence checks all hang off a feature.</EmptyState>
      ) : (
        <FeaturesTable features={features} spend={spend} monthLabel={formatUtcMonth(monthStart)} classes={classes} scores={scores} />
      )}
    </>
  );
}
