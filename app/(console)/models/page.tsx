import type { Metadata } from "next";
import { ModelNameMappingsCard } from "@/console/models/components/model-name-mappings-card";
import { TierCard } from "@/console/models/components/tier-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canEditConfig } from "@/lib/auth/roles";
import { requireArea } from "@/lib/auth/session";
import { loadModelsPage } from "@/console/models/server/load-models-page";

export const metadata: Metadata = { title: "Models & tiers" };

export default async function ModelsPage() {
  const user = await requireArea("models");
  const canEdit = canEditConfig(user.role);
  const { tiers, options, mappings, mappingTargets } = await loadModelsPage();
  return (
    <>
      <PageHeader
        title="Models & tiers"
        description={
          <>
            Requests go to the cheapest tier that the data class allows and that is adequate for the work; within a tier, by priority, then price. Local prices are the effective
            cost of the hardware per token served.{canEdit ? " Edits change the working configuration; Publish puts them live." : ""}
          </>
        }
      />
      {tiers.length === 0 ? (
        <EmptyState title="No tiers yet">Run npm run db:seed to create the default local, hosted-open and frontier tiers, or apply a configuration document on Policy versions.</EmptyState>
      ) : (
        <div className="space-y-6">
          {tiers.map((tier) => (
            <TierCard key={tier.key} tier={tier} options={options} canEdit={canEdit} />
          ))}
          <ModelNameMappingsCard mappings={mappings} targets={mappingTargets} canEdit={canEdit} />
        </div>
      )}
    </>
  );
}
