import { unstable_rethrow } from "next/navigation";
import type { ReactNode } from "react";
import { DatabaseBanner } from "@/components/shell/database-banner";
import { PublishBar } from "@/console/versions/components/publish-bar";
import { SaveStatus } from "@/components/ui/save-status";
import { Sidebar } from "@/components/shell/sidebar";
import { canEditConfig } from "@/lib/auth/roles";
import { requireUser, type SignedInUser } from "@/lib/auth/session";
import { loadDraftStatus } from "@/lib/config/versions/draft-status";
import { databaseStatus, reportDatabaseDown } from "@/lib/gateway/instance/database-status";
import { gatewayState } from "@/lib/http/health";

// Every console page is per-user and reads live data: never prerender.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  let user: SignedInUser;
  try {
    user = await requireUser();
  } catch (error) {
    unstable_rethrow(error);
    // The console reads everything from the database; say why it cannot, rather than a bare error.
    reportDatabaseDown(error, "console sign-in check");
    const state = gatewayState();
    return (
      <main className="mx-auto max-w-2xl px-4 py-16 md:px-8">
        <h1 className="mb-4 text-lg font-semibold text-slate-900">Switchyard</h1>
        <DatabaseBanner downSince={state.database.downSince} recordsWaiting={state.recordsWaiting} />
        <p className="text-sm text-slate-600">The console needs the database to show anything else. Reload this page once it is back.</p>
      </main>
    );
  }
  const status = databaseStatus();
  const draft = canEditConfig(user.role) ? await loadDraftStatus() : null;
  return (
    <div className="min-h-screen md:flex">
      {/* The first thing a keyboard reaches: past the sidebar's links straight to the page. */}
      <a href="#content" className="sr-only rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-[60]">
        Skip to content
      </a>
      <Sidebar user={user} />
      <main id="content" tabIndex={-1} className="min-w-0 flex-1 px-4 py-5 outline-none md:px-8 md:py-7">
        {status.reachable ? null : <DatabaseBanner downSince={status.downSince?.toISOString() ?? null} recordsWaiting={gatewayState().recordsWaiting} />}
        {draft ? <PublishBar publishedVersion={draft.publishedVersion} unpublishedChanges={draft.unpublishedChanges} sample={draft.sample} canDiscard={draft.canDiscard} /> : null}
        {children}
        <SaveStatus />
      </main>
    </div>
  );
}
