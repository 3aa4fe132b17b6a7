import type { Metadata } from "next";
import { DecisionOrder } from "@/console/routing/components/decision-order";
import { DifficultyMapEditor } from "@/console/routing/components/difficulty-map-editor";
import { PolicyInForce } from "@/console/routing/components/policy-in-force";
import { RulesEditor } from "@/console/routing/components/rules-editor";
import { PageHeader } from "@/components/ui/page-header";
import { canEditConfig } from "@/lib/auth/roles";
import { requireArea } from "@/lib/auth/session";
import { listPolicyVersions } from "@/console/versions/server/list-policy-versions";
import { loadRoutingEditor } from "@/console/routing/server/load-routing-editor";

export const metadata: Metadata = { title: "Routing" };

export default async function RoutingPage() {
  const user = await requireArea("routing");
  const canEdit = canEditConfig(user.role);
  const [versions, editor] = await Promise.all([listPolicyVersions({ take: 4 }), loadRoutingEditor()]);
  return (
    <>
      <PageHeader
        title="Routing"
        description="The gateway serves the published policy version below. The difficulty map and rules shown are the working configuration; edits take effect when a new version is published."
      />
      <div className="space-y-6">
        <PolicyInForce versions={versions} />
        <DifficultyMapEditor key={editor.difficultyMap.version} map={editor.difficultyMap} tiers={editor.tiers} canEdit={canEdit} />
        <RulesEditor editor={editor} canEdit={canEdit} />
        <DecisionOrder />
      </div>
    </>
  );
}
