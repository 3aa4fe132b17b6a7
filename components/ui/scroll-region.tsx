"use client";
// The one scroll container of the console (tables, long code and lists). Once its content
// overflows, a mouse user can scroll it but a keyboard user cannot reach it unless it takes focus
// (WCAG 2.1.1, axe scrollable-region-focusable): so it is a labelled region, in the tab order
// while it overflows (arrow keys then scroll it) and out of it while everything fits, so a wide
// screen gets no extra tab stop per table. It starts focusable, so it is reachable before the
// script measures it. It is `relative` so that absolutely placed content (a table's sr-only
// header text) is clipped by it rather than widening the page on a phone.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

export function ScrollRegion({ label, className, children, testId }: { label: string; className?: string; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(true);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const measure = () => setOverflows(node.scrollWidth > node.clientWidth || node.scrollHeight > node.clientHeight);
    measure();
    // The box resizes with the window; its content (a table gaining rows or columns) on its own.
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    for (const child of Array.from(node.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      role="region"
      aria-label={label}
      tabIndex={overflows ? 0 : undefined}
      data-testid={testId}
      className={cn("relative overflow-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500", className)}
    >
      {children}
    </div>
  );
}
