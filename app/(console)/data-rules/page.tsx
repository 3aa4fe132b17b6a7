import type { Metadata } from "next";
import { ClassificationRulesTable } from "@/components/data-rules/classification-rules-table";
import { DataClassesTable } from "@/components/data-rules/data-classes-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { listClassificationRules } from "@/lib/config/list-classification-rules";
import { listDataClasses } from "@/lib/config/list-data-classes";

export const metadata: Metadata = { title: "Data rules" };

export default async function DataRulesPage() {
  await requireArea("dataRules");
  const [classes, rules] = await Promise.all([listDataClasses(), listClassificationRules()]);
  return (
    <>
      <PageHeader
        title="Data rules"
        description="Data never leaves the tiers its classification allows — not even on fallback. A caller may raise a request's class, never lower it."
      />
      <div className="space-y-6">
        <DataClassesTable classes={classes} />
        <ClassificationRulesTable rules={rules} />
      </div>
    </>
  );
}
