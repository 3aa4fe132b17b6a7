import { headers } from "next/headers";
import { AuditSection } from "@/console/overview/components/audit-section";
import { EngineeringSection } from "@/console/overview/components/engineering-section";
import { FinanceSection } from "@/console/overview/components/finance-section";
import { InventorySection, PolicyCard } from "@/console/overview/components/inventory-section";
import { NewcomerSection } from "@/console/overview/components/newcomer-section";
import { PageHeader } from "@/components/ui/page-header";
import { canEditConfig } from "@/lib/auth/roles";
import { requireArea } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { loadRoleOverview } from "@/console/overview/server/load-overview";
import { gatewayBaseUrl } from "@/console/overview/overview-figures";

export default async function OverviewPage() {
  const user = await requireArea("overview");
  const overview = await loadRoleOverview(user.role, new Date());
  const baseUrl = gatewayBaseUrl(await headers(), env.NEXTAUTH_URL ?? "http://localhost:3000");
  return (
    <>
      <PageHeader title={`Welcome, ${user.name.split(" ")[0]}`} description="Switchyard sends each LLM call to the cheapest tier that is allowed and adequate, and records why." />
      <PolicyCard inventory={overview.inventory} role={user.role} />
      {overview.newcomer ? <NewcomerSection baseUrl={baseUrl} checklist={overview.checklist} canConfigure={canEditConfig(user.role)} /> : null}
      {overview.engineering ? <EngineeringSection figures={overview.engineering} /> : null}
      {overview.finance ? <FinanceSection figures={overview.finance} /> : null}
      {overview.audit ? <AuditSection figures={overview.audit} /> : null}
      <InventorySection inventory={overview.inventory} role={user.role} />
    </>
  );
}
