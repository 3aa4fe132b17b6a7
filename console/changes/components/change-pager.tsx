// The change log's pages: back to the newest, one newer, one older, or where the log ends.
import Link from "next/link";
import { changeSearch, type ChangeCursor, type ChangeFilters } from "@/console/changes/change-filters";

const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100";

export function ChangePager({ filters, newer, older, filtered }: { filters: ChangeFilters; newer: ChangeCursor | null; older: ChangeCursor | null; filtered: boolean }) {
  const base = changeSearch(filters);
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3">
      <div className="flex gap-2">
        {newer ? (
          <>
            <Link href={`/changes${base ? `?${base}` : ""}`} className={linkClass}>
              ⇤ Newest
            </Link>
            <Link href={`/changes?${changeSearch(filters, { direction: "newer", cursor: newer })}`} className={linkClass}>
              ← Newer
            </Link>
          </>
        ) : null}
      </div>
      {older ? (
        <Link href={`/changes?${changeSearch(filters, { direction: "older", cursor: older })}`} className={linkClass}>
          Older →
        </Link>
      ) : (
        <span className="text-sm text-slate-600">End of the log{filtered ? " for these filters" : ""}.</span>
      )}
    </nav>
  );
}
