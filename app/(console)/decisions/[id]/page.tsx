import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionOutcomeFacts, DecisionRequestFacts } from "@/components/decisions/decision-summary";
import { DecisionCandidates, DecisionFallbacks, DecisionNotRouted, DecisionRejections, DecisionTrace } from "@/components/decisions/decision-routing";
import { StatusBadge } from "@/components/decisions/status-badge";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { decisionStage } from "@/lib/analytics/decision-stage";
import { getDecision } from "@/lib/analytics/get-decision";
import { requireArea } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Decision" };

export default async function DecisionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea("decisions");
  const decision = await getDecision((await params).id);
  if (!decision) notFound();
  const stage = decisionStage(decision);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/decisions" className="text-sky-700 hover:underline">
          ← Decisions
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
