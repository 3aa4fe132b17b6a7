// The decision log's header actions (find one decision by id, the live tail) and the line above
// the log: how many decisions match, group by, and export this search.
import Link from "next/link";
import { DECISION_GROUPS, type DecisionGroupKey } from "@/lib/analytics/decisions/decision-filters";
import type { DecisionCount } from "@/lib/analytics/decisions/summarise-decisions";
import { formatInteger } from "@/lib/format";

const pill = (on: boolean) => `rounded-full px-3 py-1 text-sm font-medium ${on ? "bg-slate-900 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`;

/** "Find a decision by id" and the link to the live tail with the same filters. */
export function DecisionLogActions({ id, search }: { id: string; search: string }) {
  return (
    <div className="flex items-center gap-3">
      <form method="get" action="/decisions" className="flex items-center gap-2" role="search" aria-label="Find a decision by id">
        <label htmlFor="decision-id" className="sr-only">
          Decision id
        </label>
        <input id="decision-id" name="id" placeholder="Decision id (or its start)" defaultValue={id} className="w-72 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-xs shadow-sm focus:outline-2 focus:outline-sky-500" />
      </form>
      <Link href={`/decisions/live${search ? `?${search}` : ""}`} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
        Live tail
      </Link>
    </div>
  );
}

/**
 * The count, the group-by choices and the export links. `search` is the filters' query string,
 * `zoneParam` the viewer's time zone when the URL named one and no range carries it.
 */
export function DecisionLogToolbar({ count, filtered, group, search, zoneParam }: { count: DecisionCount; filtered: boolean; group: DecisionGroupKey | null; search: string; zoneParam: string }) {
  const groupHref = (key: string | null) => {
    const query = [search, key ? `group=${key}` : "", zoneParam].filter(Boolean).join("&");
    return `/decisions${query ? `?${query}` : ""}`;
  };
  const exportHref = (format: "csv" | "json") => `/api/console/decisions/export?${[`format=${format}`, search].filter(Boolean).join("&")}`;
  return (
    <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
      <p className="text-sm font-medium text-slate-800" data-testid="result-count">
        {count.timedOut ? "Too many records to count quickly" : `${formatInteger(count.count)}${count.atLeast ? "+" : ""} ${count.count === 1 && !count.atLeast ? "decision" : "decisions"}${filtered ? " match" : " recorded"}`}
      </p>
      <nav aria-label="Group by" className="flex flex-wrap items-center gap-1.5">
        <span className="text-xs font-medium text-slate-600">Group by</span>
        <Link href={groupHref(null)} aria-current={group === null ? "page" : undefined} className={pill(group === null)}>
          None
        </Link>
        {DECISION_GROUPS.map((entry) => (
          <Link key={entry.key} href={groupHref(entry.key)} aria-current={group === entry.key ? "page" : undefined} className={pill(group === entry.key)}>
            {entry.label}
          </Link>
        ))}
      </nav>
      <span className="ml-auto flex items-center gap-2 text-sm">
        <span className="text-xs font-medium text-slate-600">Export this search</span>
        <a href={exportHref("csv")} className="text-sky-700 hover:underline" download>
          CSV
        </a>
        <a href={exportHref("json")} className="text-sky-700 hover:underline" download>
          JSON
        </a>
      </span>
    </div>
  );
}
