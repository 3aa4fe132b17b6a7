import Link from "next/link";
import { formatDateTime, formatInteger } from "@/lib/format";
import type { ConfigChangeRow } from "@/console/changes/server/list-config-changes";
import type { AuditFigures } from "@/console/overview/overview-figures";
import { SectionTitle, percent } from "./stat-card";

export function AuditSection({ figures }: { figures: AuditFigures & { recentChanges: ConfigChangeRow[] } }) {
  return (
    <section aria-label="Audit" data-testid="overview-audit">
      <SectionTitle title="Refusals and changes" description="Refused requests of the last 7 days by the constraint that refused them, and the latest configuration changes." />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm" data-testid="card-refusals">
          <Link href="/decisions?status=refused&preset=last-7" className="text-sm font-semibold text-slate-900 hover:underline">
            {formatInteger(figures.refused)} refused of {formatInteger(figures.requests)} requests, last 7 days
          </Link>
          {figures.refusalConstraints.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Nothing refused in the last 7 days.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {figures.refusalConstraints.slice(0, 6).map((row) => (
                <li key={row.cause} className="flex justify-between gap-4 text-slate-700">
                  <span>{row.label}</span>
                  <span className="tabular-nums text-slate-600">
                    {formatInteger(row.requests)} · {percent(row.share)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm" data-testid="card-recent-changes">
          <Link href="/changes" className="text-sm font-semibold text-slate-900 hover:underline">
            Recent configuration changes
          </Link>
          {figures.recentChanges.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No change recorded yet.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {figures.recentChanges.map((change) => (
                <li key={change.id} className="flex flex-wrap justify-between gap-x-4 text-slate-700">
                  <span>
                    {change.entity} <span className="font-mono text-xs">{change.entityKey}</span> {change.action}
                  </span>
                  <span className="text-xs text-slate-500">
                    {change.actorEmail} · {formatDateTime(change.at)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
