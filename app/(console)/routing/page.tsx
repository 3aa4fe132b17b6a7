import type { Metadata } from "next";
import { DecisionOrder } from "@/components/routing/decision-order";
import { DifficultyMap } from "@/components/routing/difficulty-map";
import { PolicyInForce } from "@/components/routing/policy-in-force";
import { RoutingRulesTable } from "@/components/routing/routing-rules-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { listDifficultyTiers } from "@/lib/config/list-difficulty-tiers";
import { listPolicyVersions } from "@/lib/config/list-policy-versions";
import { listRoutingRules } from "@/lib/config/list-routing-rules";

export const metadata: Metadata = { title: "Routing" };

export default async function RoutingPage() {
  await requireArea("routing");
  const [versions, difficulties, rules] = await Promise.all([listPolicyVersions({ take: 4 }), listDifficultyTiers(), listRoutingRules()]);
  return (
    <>
      <PageHeader
        title="Routing"
        description="The gateway serves the published policy version below. The difficulty map and rules shown are the working configuration; edits take effect when a new version is published."
      />
      <div className="space-y-6">
        <PolicyInForce versions={versions} />
        <DecisionOrder />
        <DifficultyMap rows={difficulties} />
        <RoutingRulesTable rules={rules} publishedAt={versions[0]?.publishedAt ?? null} />
      </div>
    </>
  );
}
