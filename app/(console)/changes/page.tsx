import type { Metadata } from "next";
import { ChangesTable } from "@/components/changes/changes-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { listConfigChanges } from "@/lib/config/list-config-changes";

export const metadata: Metadata = { title: "Changes" };

const LATEST = 100;

export default async function ChangesPage() {
  await requireArea("changes");
  const changes = await listConfigChanges({ take: LATEST });
  return (
    <>
      <PageHeader
        title="Changes"
        description={`The latest ${LATEST} configuration changes, newest first: who changed what, before and after. The log is append-only; nobody edits it.`}
      />
      {changes.length === 0 ? (
        <EmptyState title="No changes recorded yet">Publishing a policy or editing tiers, models, rules, features or keys adds an entry here. Run npm run db:seed to publish the initial policy.</EmptyState>
      ) : (
        <ChangesTable changes={changes} />
      )}
    </>
  );
}
