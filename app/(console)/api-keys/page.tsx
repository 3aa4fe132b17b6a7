import type { Metadata } from "next";
import { NewApiKeyButton } from "@/console/api-keys/components/api-key-buttons";
import { ApiKeysTable } from "@/console/api-keys/components/api-keys-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { listApiKeys } from "@/console/api-keys/server/list-api-keys";
import { listFeatures } from "@/console/features/server/list-features";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requireArea("apiKeys");
  // Taken before the rows are read: an edit made while this page loads is then seen as newer (stale), never missed.
  const loadedAt = new Date().toISOString();
  const [keys, featureRows] = await Promise.all([listApiKeys(), listFeatures()]);
  const features = featureRows.map((feature) => ({ key: feature.key, name: feature.name }));
  return (
    <>
      <PageHeader
        title="API keys"
        description="Apps call the gateway with these keys. Only a hash and the first characters are stored: a lost key cannot be shown again, only revoked and replaced. Changes here act at once — no Publish needed."
        actions={<NewApiKeyButton features={features} loadedAt={loadedAt} />}
      />
      {keys.length === 0 ? (
        <EmptyState title="No app keys yet">Create a key for each app that calls the gateway; its secret is shown once, when it is created.</EmptyState>
      ) : (
        <ApiKeysTable keys={keys} features={features} loadedAt={loadedAt} />
      )}
    </>
  );
}
