import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionOutcomeFacts, DecisionRequestFacts } from "@/console/decisions/components/decision-summary";
import { DecisionCandidates, DecisionFallbacks, DecisionNotRouted, DecisionRejections, DecisionTrace } from "@/console/decisions/components/decision-routing";
import { StatusBadge } from "@/console/decisions/components/status-badge";
import { backToSearch } from "@/console/decisions/back-to-search";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { decisionStage } from "@/lib/analytics/decisions/decision-stage";
import type { SearchParams } from "@/lib/analytics/costs/cost-filters";
import { getDecision } from "@/lib/analytics/decisions/get-decision";
import { requireArea } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Decision" };

export default async function DecisionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await requireArea("decisions");
  const decision = await getDecision((await params).id);
  const back = backToSearch(await searchParams);
  if (!decision) notFound();
  const stage = decisionStage(decision);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={back ? `/decisions?${back}` : "/decisions"} className="text-sky-700 hover:underline">
          ← {back ? "Back to the search" : "Decisions"}
        </Link>
      </p>
      <PageHeader
        title="Decision"
        description={<span className="font-mono text-xs">{decision.id}</span>}
        actions={
          <div className="flex flex-wrap items-center gap-2" data-testid="decision-badges">
            <StatusBadge status={decision.status} />
            {decision.dryRun ? (
              <Badge tone="info" title="Decided without calling a model; left out of cost rollups">
                Dry run
              </Badge>
            ) : null}
            {decision.synthetic ? <Badge tone="neutral">Synthetic</Badge> : null}
          </div>
        }
      />
      <div className="space-y-6">
        <DecisionRequestFacts decision={decision} />
        <DecisionTrace decision={decision} />
        <DecisionOutcomeFacts decision={decision} />
        {stage.kind === "before_routing" ? (
          <DecisionNotRouted decision={decision} stage={stage} />
        ) : (
          <>
            <DecisionCandidates decision={decision} />
            {stage.kind === "refused_by_policy" && decision.rejected.length === 0 ? null : <DecisionRejections decision={decision} />}
          </>
        )}
        <DecisionFallbacks decision={decision} />
      </div>
    </>
  );
}
