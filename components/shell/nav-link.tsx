"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const active = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn("block rounded-md px-2 py-1.5 text-sm", active ? "bg-slate-900 font-medium text-white" : "text-slate-700 hover:bg-slate-100")}
    >
      {children}
    </Link>
  );
}
