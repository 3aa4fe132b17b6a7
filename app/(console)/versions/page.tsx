import type { Metadata } from "next";
import { ConfigAsCode } from "@/console/versions/components/config-as-code";
import { VersionDiff } from "@/console/versions/components/version-diff";
import { VersionsTable } from "@/console/versions/components/versions-table";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canEditConfig } from "@/lib/auth/roles";
import { requireArea } from "@/lib/auth/session";
import { listPolicyVersions } from "@/console/versions/server/list-policy-versions";
import { comparePolicyVersions, compareWorkingWithLive } from "@/lib/config/versions/load-policy-comparison";

export const metadata: Metadata = { title: "Policy versions" };

const SHOWN = 50;

function chosen(value: string | string[] | undefined): number | null {
  const number = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(number) && number > 0 ? number : null;
}

export default async function VersionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireArea("versions");
  const canEdit = canEditConfig(user.role);
  const params = await searchParams;
  const versions = await listPolicyVersions({ take: SHOWN });
  // Default comparison: what the newest version changed.
  const to = chosen(params.to) ?? versions[0]?.number ?? null;
  const from = chosen(params.from) ?? versions[1]?.number ?? null;
  const [comparison, working] = await Promise.all([from !== null && to !== null ? comparePolicyVersions(from, to) : null, canEdit ? compareWorkingWithLive() : null]);

  return (
    <>
      <PageHeader
        title="Policy versions"
        description="Every publish is an immutable, numbered snapshot of the routing configuration; the gateway serves the newest. Compare any two, roll back to an earlier one, or move the whole configuration in and out as a file."
      />
      {versions.length === 0 ? (
        <div className="space-y-6">
          <EmptyState title="No policy published yet">The gateway refuses every request until one is. Run npm run db:seed, publish from the bar at the top of any configuration page, or apply a configuration document below.</EmptyState>
          <ConfigAsCode canEdit={canEdit} />
        </div>
      ) : (
        <div className="space-y-6">
          <Card>
            <CardHeader title="Published versions" description={`Newest first${versions.length === SHOWN ? ` (the latest ${SHOWN})` : ""}. Roll back publishes the chosen version's snapshot again as a new version.`} />
            <VersionsTable versions={versions} from={from} to={to} canEdit={canEdit} />
          </Card>
          <Card data-testid="version-comparison">
            <CardHeader title={comparison ? `Version ${comparison.from} → version ${comparison.to}` : "Compare two versions"} description={comparison ? "What changed, in words; each side's value in its own column." : "Choose a From and a To version above, then Compare."} />
            {comparison ? <VersionDiff changes={comparison.changes} beforeLabel={`v${comparison.from}`} afterLabel={`v${comparison.to}`} empty="These two versions route identically: their snapshots hold the same configuration." /> : null}
          </Card>
          {working ? (
            <Card data-testid="working-differences">
              <CardHeader
                title="Not yet published"
                description={`The working configuration against version ${working.live}, the one in force: what Publish would put live. After a roll back, the later edits still in the working configuration show here.`}
              />
              <VersionDiff changes={working.changes} beforeLabel={`v${working.live} (live)`} afterLabel="working" empty="Nothing that changes routing: the working configuration matches the version in force. (Edits that cancel out, such as a move up and back down, still count in the bar above but leave nothing to publish.)" />
            </Card>
          ) : null}
          <ConfigAsCode canEdit={canEdit} />
        </div>
      )}
    </>
  );
}
