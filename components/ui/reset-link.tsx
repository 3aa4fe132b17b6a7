"use client";
// A filter form's Clear / Reset: a link to the unfiltered page that also resets the form it sits
// in. Navigating alone is not enough when the URL does not change (choices made but not yet
// submitted) — the fields would keep showing a search the page is not showing.
import Link from "next/link";
import type { ReactNode } from "react";

export function ResetLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  return (
    <Link href={href} className={className} onClick={(event) => event.currentTarget.closest("form")?.reset()}>
      {children}
    </Link>
  );
}
