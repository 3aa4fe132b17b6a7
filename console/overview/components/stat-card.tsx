import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** One figure on the overview; the whole card links to the page that explains it. */
export function StatCard({ href, label, value, hint, tone = "neutral", testId }: { href: string; label: string; value: ReactNode; hint?: ReactNode; tone?: "neutral" | "warning" | "danger"; testId?: string }) {
  return (
    <Link
      href={href}
      data-testid={testId}
      className={cn(
        "block rounded-lg border bg-white px-4 py-3 shadow-sm transition-colors hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500",
        tone === "danger" ? "border-red-300" : tone === "warning" ? "border-amber-300" : "border-slate-200",
      )}
    >
      <span className="block text-xs font-medium text-slate-500">{label}</span>
      <span className={cn("mt-1 block text-2xl font-semibold", tone === "danger" ? "text-red-700" : tone === "warning" ? "text-amber-800" : "text-slate-900")}>{value}</span>
      {hint ? <span className="mt-0.5 block text-xs text-slate-500">{hint}</span> : null}
    </Link>
  );
}

export function SectionTitle({ title, description }: { title: string; description: string }) {
  return (
    <div className="mt-8 mb-3">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="text-sm text-slate-600">{description}</p>
    </div>
  );
}

export const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 1)} %`);
export const milliseconds = (ms: number | null) => (ms === null ? "—" : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
