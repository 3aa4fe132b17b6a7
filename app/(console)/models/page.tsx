import type { Metadata } from "next";
import { TierCard } from "@/components/models/tier-card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireArea } from "@/lib/auth/session";
import { listTiersWithModels } from "@/lib/config/list-tiers-with-models";

export const metadata: Metadata = { title: "Models & tiers" };

export default async function ModelsPage() {
  await requireArea("models");
  const tiers = await listTiersWithModels();
  return (
    <>
      <PageHeader
        title="Models & tiers"
        description="Requests go to the cheapest tier that the data class allows and that is adequate for the work; within a tier, by priority, then price. Local prices are the effective cost of the hardware per token served."
      />
      {tiers.length === 0 ? (
        <EmptyState title="No tiers yet">Run npm run db:seed to create the default local, hosted-open and frontier tiers.</EmptyState>
      ) : (
        <div className="space-y-6">
          {tiers.map((tier) => (
            <TierCard key={tier.key} tier={tier} />
          ))}
        </div>
      )}
    </>
  );
}
