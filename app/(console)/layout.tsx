import type { ReactNode } from "react";
import { PublishBar } from "@/components/shell/publish-bar";
import { Sidebar } from "@/components/shell/sidebar";
import { canEditConfig } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { loadDraftStatus } from "@/lib/config/draft-status";

// Every console page is per-user and reads live data: never prerender.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const draft = canEditConfig(user.role) ? await loadDraftStatus() : null;
  return (
    <div className="flex min-h-screen">
      <Sidebar user={user} />
      <main className="min-w-0 flex-1 px-8 py-7">
        {draft ? <PublishBar publishedVersion={draft.publishedVersion} unpublishedChanges={draft.unpublishedChanges} /> : null}
        {children}
      </main>
    </div>
  );
}
