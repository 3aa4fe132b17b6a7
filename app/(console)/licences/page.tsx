import type { Metadata } from "next";
import { NewLicenceButton } from "@/console/licences/components/licence-buttons";
import { LicenceCard } from "@/console/licences/components/licence-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { listLicences } from "@/console/licences/server/list-licences";

export const metadata: Metadata = { title: "Licences" };

export default async function LicencesPage() {
  await requireArea("licences");
  const licences = await listLicences();
  return (
    <>
      <PageHeader
        title="Licences"
        description="The terms each model is used under. The router excludes a model for a feature whose use its licence does not permit: commercial use, a user cap, or a jurisdiction. These notes are a summary, not legal advice — follow the source."
        actions={<NewLicenceButton />}
      />
      {licences.length === 0 ? (
        <EmptyState title="No licences recorded">Add a licence for each model family you use (or run npm run db:seed for the common ones), then assign each model its licence on Models &amp; tiers.</EmptyState>
      ) : (
        <div className="space-y-6">
          {licences.map((licence) => (
            <LicenceCard key={licence.key} licence={licence} />
          ))}
        </div>
      )}
    </>
  );
}
