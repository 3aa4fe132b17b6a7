"use client";
// The sidebar's frame: a sticky 240 px column from md (768 px) up; below that a top bar with a
// menu button that opens the same sidebar as a drawer over the page, closed again by the close
// button, Escape, the backdrop or following a link. The open drawer covers the page, so it takes
// the keyboard with it: focus moves to its first link, Tab cycles inside it, and closing gives
// focus back to the Menu button (a keyboard user would otherwise be left on the hidden drawer).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]";

/** Tab from the drawer's last control goes to its first, Shift+Tab from the first to the last. */
function keepTabInside(event: KeyboardEvent, drawer: HTMLElement) {
  // In the tab order and shown (the close button exists only while open; nothing else is hidden).
  const items = Array.from(drawer.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((item) => item.tabIndex >= 0 && item.getClientRects().length > 0);
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey ? active === first || !drawer.contains(active) : active === last || !drawer.contains(active)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

export function SidebarFrame({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const toggle = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLElement>(null);
  const wasOpen = useRef(false);
  // The drawer closes when the route changes (a link in it was followed).
  // eslint-disable-next-line react-hooks/set-state-in-effect -- pathname is external state; closing is that sync
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
      else if (event.key === "Tab" && drawer.current) keepTabInside(event, drawer.current);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  useEffect(() => {
    if (open) {
      drawer.current?.querySelector<HTMLElement>("nav a[href]")?.focus();
    } else if (wasOpen.current) {
      // Only when focus was in the drawer (or fell to the body as it hid): never steal it from the page.
      const active = document.activeElement;
      if (!active || active === document.body || drawer.current?.contains(active)) toggle.current?.focus();
    }
    wasOpen.current = open;
  }, [open]);

  return (
    <>
      <div className="sticky top-0 z-30 flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2.5 md:hidden">
        <button
          ref={toggle}
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
        ref={drawer}
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
