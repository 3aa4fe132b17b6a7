import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { requireUser } from "@/lib/auth/session";

// Every console page is per-user and reads live data: never prerender.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex min-h-screen">
      <Sidebar user={user} />
      <main className="min-w-0 flex-1 px-8 py-7">{children}</main>
    </div>
  );
}
