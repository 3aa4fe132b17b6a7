import type { Metadata } from "next";
import { ProvidersTable } from "@/console/providers/components/providers-table";
import { PageHeader } from "@/components/ui/page-header";
import { canEditConfig } from "@/lib/auth/roles";
import { requireArea } from "@/lib/auth/session";
import { loadProviders } from "@/console/providers/server/load-providers";

export const metadata: Metadata = { title: "Providers" };

export default async function ProvidersPage() {
  const user = await requireArea("providers");
  const providers = await loadProviders();
  return (
    <>
      <PageHeader
        title="Providers"
        description="Where models run. Switchyard stores the name of the environment variable that holds each provider's key, never the key; the gateway reads it when it calls. Simulated providers answer locally and are labelled wherever they appear."
      />
      {/* Where calls go and which key they carry is an admin's decision; engineers edit the rest. */}
      <ProvidersTable providers={providers} canEdit={canEditConfig(user.role)} canChangeEndpoint={user.role === "admin"} />
    </>
  );
}
