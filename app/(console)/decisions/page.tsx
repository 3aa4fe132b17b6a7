import type { Metadata } from "next";
import { DecisionsTable } from "@/components/decisions/decisions-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listRecentDecisions } from "@/lib/analytics/list-recent-decisions";
import { requireArea } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Decisions" };

const LATEST = 50;

export default async function DecisionsPage() {
  await requireArea("decisions");
  const decisions = await listRecentDecisions({ take: LATEST });
  return (
    <>
      <PageHeader
        title="Decisions"
        description={`The latest ${LATEST} router decisions, newest first. Findings show which detectors fired and how often — never the matched text; prompts are stored as hashes unless a feature allows logging.`}
      />
      {decisions.length === 0 ? (
        <EmptyState title="No decisions recorded yet">Send a request to /api/v1/chat/completions with an app key; each request is recorded here with the reason for its route.</EmptyState>
      ) : (
        <DecisionsTable decisions={decisions} />
      )}
    </>
  );
}
