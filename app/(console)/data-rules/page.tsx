import type { Metadata } from "next";
import { DataRuleSettingsCard } from "@/console/data-rules/components/data-rule-settings-card";
import { ClassificationRulesTable } from "@/console/data-rules/components/classification-rules-table";
import { DataClassesTable } from "@/console/data-rules/components/data-classes-table";
import { DetectorsCard } from "@/console/data-rules/components/detectors-card";
import { TestBox } from "@/console/data-rules/components/test-box";
import { loadDataRules } from "@/console/data-rules/server/load-data-rules";
import { PageHeader } from "@/components/ui/page-header";
import { canEditConfig } from "@/lib/auth/roles";
import { requireArea } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Data rules" };

export default async function DataRulesPage() {
  const user = await requireArea("dataRules");
  const view = await loadDataRules();
  return (
    <>
      <PageHeader
        title="Data rules"
        description="Data never leaves the tiers its classification allows — not even on fallback. A caller may raise a request's class, never lower it. Changes here apply after Publish."
      />
      <div className="space-y-6">
        <DataClassesTable classes={view.classes} tiers={view.tiers} />
        <DataRuleSettingsCard settings={view.settings} classes={view.classes} detectors={view.detectorChoices} canEdit={canEditConfig(user.role)} />
        <DetectorsCard settings={view.detectors} classes={view.classChoices} />
        <ClassificationRulesTable rules={view.adminRules} classes={view.classChoices} />
        <TestBox rules={view.workingRules} classNames={view.classNames} />
      </div>
    </>
  );
}
