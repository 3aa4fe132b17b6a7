// /what-if — replay the draft, a published version or a configuration document on past decisions.
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { WhatIfRunner, type PolicyChoice } from "@/console/what-if/components/what-if-runner";
import { requireArea } from "@/lib/auth/session";
import { listPolicyVersions } from "@/console/versions/server/list-policy-versions";
import { maxWhatIfDays } from "@/lib/replay/run-what-if";

export const metadata: Metadata = { title: "What-if" };
export const dynamic = "force-dynamic";

export default async function WhatIfPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea("whatIf");
  const versions = await listPolicyVersions({ take: 30 });
  const asked = (await searchParams).policy;
  const choices: PolicyChoice[] = [
    { value: "draft", label: "The draft (working configuration, unpublished)" },
    ...versions.map((version, index) => ({ value: `v${version.number}`, label: `Version ${version.number}${index === 0 ? " (live)" : ""} — ${version.note}` })),
    { value: "document", label: "A configuration document (JSON file)…" },
  ];
  const preselected = typeof asked === "string" && choices.some((choice) => choice.value === asked) ? asked : "draft";
  return (
    <>
      <PageHeader
        title="What-if"
        description="Replay a policy on the decisions the gateway really made: the same engine decides every recorded request again — no model is called and no prompt is needed — and the answers are priced with the tokens those requests actually used. Nothing is changed."
      />
      <WhatIfRunner choices={choices} preselected={preselected} maxDays={maxWhatIfDays()} />
    </>
  );
}
