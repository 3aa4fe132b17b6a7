"use client";
// The sidebar's frame: a sticky 240 px column from md (768 px) up; below that a top bar with a
// menu button that opens the same sidebar as a drawer over the page, closed again by the close
// button, Escape, the backdrop or following a link.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function SidebarFrame({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // The drawer closes when the route changes (a link in it was followed).
  // eslint-disable-next-line react-hooks/set-state-in-effect -- pathname is external state; closing is that sync
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <div className="sticky top-0 z-30 flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2.5 md:hidden">
        <button
          type="button"
          onClick={() => setOpen(true)}
          aria-expanded={open}
          aria-controls="console-sidebar"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          Menu
        </button>
        <Link href="/" className="flex items-center gap-2">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={24} height={24} />
          <span className="font-semibold tracking-tight">Switchyard</span>
        </Link>
      </div>
      {open ? <div className="fixed inset-0 z-40 bg-black/50 md:hidden" aria-hidden="true" onClick={() => setOpen(false)} /> : null}
      <aside
        id="console-sidebar"
        aria-label="Sidebar"
        className={cn(
          "flex-col border-r border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:w-60 md:shrink-0",
          open ? "fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] shadow-xl" : "hidden",
        )}
      >
        {open ? (
          <button type="button" onClick={() => setOpen(false)} className="absolute top-4 right-3 rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 md:hidden">
            Close menu
          </button>
        ) : null}
        {children}
      </aside>
    </>
  );
}
