import Link from "next/link";
import { headers } from "next/headers";
import { AuditSection } from "@/console/overview/components/audit-section";
import { EngineeringSection } from "@/console/overview/components/engineering-section";
import { FinanceSection } from "@/console/overview/components/finance-section";
import { NewcomerSection } from "@/console/overview/components/newcomer-section";
import { StatCard } from "@/console/overview/components/stat-card";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AREAS, canEditConfig, canRead, type Area } from "@/lib/auth/roles";
import { requireArea } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDateTime, formatInteger } from "@/lib/format";
import { loadRoleOverview } from "@/console/overview/server/load-overview";
import { gatewayBaseUrl } from "@/console/overview/overview-figures";

export default async function OverviewPage() {
  const user = await requireArea("overview");
  const overview = await loadRoleOverview(user.role, new Date());
  const { inventory } = overview;
  const { counts } = inventory;
  const baseUrl = gatewayBaseUrl(await headers(), env.NEXTAUTH_URL ?? "http://localhost:3000");
  const stats: Array<{ label: string; value: string | number; area: Area }> = [
    { label: "Tiers", value: counts.tiers, area: "models" },
    { label: "Models enabled", value: `${counts.enabledModels} of ${counts.models}`, area: "models" },
    { label: "Providers", value: counts.providers, area: "providers" },
    { label: "Features", value: counts.features, area: "features" },
    { label: "Active app keys", value: counts.activeKeys, area: "apiKeys" },
    { label: "Decisions, last 24 h", value: formatInteger(inventory.decisionsLast24h), area: "decisions" },
  ];
  const visibleStats = stats.filter((stat) => canRead(user.role, stat.area));
  return (
    <>
      <PageHeader title={`Welcome, ${user.name.split(" ")[0]}`} description="Switchyard sends each LLM call to the cheapest tier that is allowed and adequate, and records why." />
      <Card className="mb-6 px-5 py-4">
        {inventory.policy ? (
          <p className="text-sm text-slate-700">
            The gateway serves{" "}
            {canRead(user.role, "versions") ? (
              <Link href="/versions" className="font-semibold text-sky-700 hover:underline">
                policy version {inventory.policy.number}
              </Link>
            ) : (
              <span className="font-semibold">policy version {inventory.policy.number}</span>
            )}
            , published {formatDateTime(inventory.policy.publishedAt)}
            {inventory.policy.publishedBy ? ` by ${inventory.policy.publishedBy}` : ""} — “{inventory.policy.note}”.
          </p>
        ) : (
          <p className="text-sm text-amber-800">No policy has been published yet: the gateway refuses requests until one is. Run <code>npm run db:seed</code> or publish from Routing.</p>
        )}
        {counts.simulatedProviders > 0 ? (
          <p className="mt-2 flex items-center gap-2 text-sm text-slate-600">
            <Badge tone="simulated">Simulated</Badge>
            {counts.simulatedProviders} of {counts.providers} providers are simulators: answers are generated locally, no real model is called.
          </p>
        ) : null}
      </Card>
      {overview.newcomer ? <NewcomerSection baseUrl={baseUrl} checklist={overview.checklist} canConfigure={canEditConfig(user.role)} /> : null}
      {overview.engineering ? <EngineeringSection figures={overview.engineering} /> : null}
      {overview.finance ? <FinanceSection figures={overview.finance} /> : null}
      {overview.audit ? <AuditSection figures={overview.audit} /> : null}
      {visibleStats.length > 0 ? (
        <section aria-label="Configuration">
          <h2 className="mt-8 mb-3 text-base font-semibold text-slate-900">Configuration</h2>
          <div className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6" data-testid="overview-inventory">
            {visibleStats.map((stat) => (
              <StatCard key={stat.label} href={AREAS[stat.area].href} label={stat.label} value={stat.value} />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}


