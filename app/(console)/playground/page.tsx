import type { Metadata } from "next";
import { Playground } from "@/console/playground/components/playground";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { loadPlaygroundOptions } from "@/console/playground/server/load-options";

export const metadata: Metadata = { title: "Playground" };

export default async function PlaygroundPage() {
  await requireArea("playground");
  const options = await loadPlaygroundOptions();
  return (
    <>
      <PageHeader
        title="Playground"
        description={
          options
            ? `Try a request against the policy the gateway serves now (v${options.policyVersion}) and see how it is decided, with the gateway's own engine and live provider health. Unpublished changes are not included: publish to try them.`
            : "Try a request against the policy the gateway serves and see how it is decided."
        }
      />
      {options ? (
        <Playground options={options} />
      ) : (
        <EmptyState title="No policy has been published yet">The playground decides with the published policy. Publish the working configuration with the bar above (or run npm run db:seed), then come back.</EmptyState>
      )}
    </>
  );
}
