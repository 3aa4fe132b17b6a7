import type { Metadata } from "next";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/config/list-api-keys";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requireArea("apiKeys");
  const keys = await listApiKeys();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Apps call the gateway with these keys. Only a hash and the first characters are stored: a lost key cannot be shown again, only revoked and replaced."
      />
      {keys.length === 0 ? (
        <EmptyState title="No app keys yet">Run npm run db:seed to create a demo key; it is printed once, when it is created.</EmptyState>
      ) : (
        <ApiKeysTable keys={keys} />
      )}
    </>
  );
}
