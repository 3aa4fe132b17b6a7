import type { Metadata } from "next";
import { DataRuleSettingsCard } from "@/components/data-rules/data-rule-settings-card";
import { ClassificationRulesTable } from "@/components/data-rules/classification-rules-table";
import { DataClassesTable } from "@/components/data-rules/data-classes-table";
import { DetectorsCard, type DetectorSetting } from "@/components/data-rules/detectors-card";
import type { WorkingRule } from "@/components/data-rules/sample-classification";
import { TestBox } from "@/components/data-rules/test-box";
import { PageHeader } from "@/components/ui/page-header";
import { canEditConfig } from "@/lib/auth/roles";
import { requireArea } from "@/lib/auth/session";
import { listClassificationRules } from "@/lib/config/list-classification-rules";
import { listDataClasses, loadDataRuleSettings } from "@/lib/config/list-data-classes";
import { listTierOptions } from "@/lib/config/list-tier-options";
import { BUILT_IN_DETECTORS } from "@/lib/detectors";
import { DATA_CLASSES, type DataClassKey } from "@/lib/routing/types";

export const metadata: Metadata = { title: "Data rules" };

const asDataClass = (key: string): DataClassKey => ((DATA_CLASSES as readonly string[]).includes(key) ? (key as DataClassKey) : "restricted");

export default async function DataRulesPage() {
  const user = await requireArea("dataRules");
  const [classes, rules, tiers, settings] = await Promise.all([listDataClasses(), listClassificationRules(), listTierOptions(), loadDataRuleSettings()]);
  const classChoices = classes.map((dataClass) => ({ key: asDataClass(dataClass.key), name: dataClass.name }));
  const detectors: DetectorSetting[] = BUILT_IN_DETECTORS.map((detector) => {
    // One rule per detector is what the console writes; with several, the first by key is shown.
    const rule = rules.find((entry) => entry.kind === "detector" && entry.detector === detector.key);
    return {
      detector: detector.key,
      label: detector.label,
      defaultDataClass: detector.defaultDataClass,
      rule: rule ? { key: rule.key, enabled: rule.enabled, dataClassKey: asDataClass(rule.dataClass.key), version: rule.version } : null,
    };
  });
  const workingRules: WorkingRule[] = rules.map((rule) => ({
    key: rule.key,
    name: rule.name,
    kind: rule.kind,
    detector: rule.detector,
    pattern: rule.pattern,
    keywords: rule.keywords,
    dataClassKey: asDataClass(rule.dataClass.key),
    enabled: rule.enabled,
  }));

  return (
    <>
      <PageHeader
        title="Data rules"
        description="Data never leaves the tiers its classification allows — not even on fallback. A caller may raise a request's class, never lower it. Changes here apply after Publish."
      />
      <div className="space-y-6">
        <DataClassesTable classes={classes} tiers={tiers} />
        <DataRuleSettingsCard settings={settings} classes={classes} detectors={BUILT_IN_DETECTORS.map(({ key, label }) => ({ key, label }))} canEdit={canEditConfig(user.role)} />
        <DetectorsCard settings={detectors} classes={classChoices} />
        <ClassificationRulesTable rules={rules.filter((rule) => rule.kind !== "detector")} classes={classChoices} />
        <TestBox rules={workingRules} classNames={Object.fromEntries(classes.map((dataClass) => [dataClass.key, dataClass.name]))} />
      </div>
    </>
  );
}
