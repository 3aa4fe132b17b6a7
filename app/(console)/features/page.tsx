import type { Metadata } from "next";
import { NewFeatureButton } from "@/console/features/components/feature-buttons";
import { FeaturesTable } from "@/console/features/components/features-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { loadFeaturesPage } from "@/console/features/server/load-features-page";

export const metadata: Metadata = { title: "Features & budgets" };

export default async function FeaturesPage() {
  await requireArea("features");
  const { features, spend, monthLabel, classes, scores } = await loadFeaturesPage(new Date());
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
        <FeaturesTable features={features} spend={spend} monthLabel={monthLabel} classes={classes} scores={scores} />
      )}
    </>
  );
}
