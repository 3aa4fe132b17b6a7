import Link from "next/link";
import { decisionSearch, decodeCursor, type DecisionFilters } from "@/lib/analytics/decisions/decision-filters";

const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100";

/** Keyset paging: newest, newer and older pages, each a shareable URL. */
export function DecisionPager({ filters, newer, older, extra = "" }: { filters: DecisionFilters; newer: string | null; older: string | null; extra?: string }) {
  const newerCursor = decodeCursor(newer);
  const olderCursor = decodeCursor(older);
  const withExtra = (search: string) => [search, extra].filter(Boolean).join("&");
  const base = withExtra(decisionSearch(filters));
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3">
      <div className="flex gap-2">
        {newerCursor ? (
          <>
            <Link href={`/decisions${base ? `?${base}` : ""}`} className={linkClass}>
              ⇤ Newest
            </Link>
            <Link href={`/decisions?${withExtra(decisionSearch(filters, { direction: "newer", cursor: newerCursor }))}`} className={linkClass}>
              ← Newer
            </Link>
          </>
        ) : null}
      </div>
      {olderCursor ? (
        <Link href={`/decisions?${withExtra(decisionSearch(filters, { direction: "older", cursor: olderCursor }))}`} className={linkClass}>
          Older →
        </Link>
      ) : (
        <span className="text-sm text-slate-500">End of the log for this search.</span>
      )}
    </nav>
  );
}
