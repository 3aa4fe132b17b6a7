import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { LicenceRow } from "@/console/licences/server/list-licences";
import { formatDateTime, formatInteger } from "@/lib/format";
import { EditLicenceButton } from "./licence-buttons";

const COMMERCIAL_TONE = { allowed: "success", restricted: "warning", forbidden: "danger" } as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-700">{children}</dd>
    </div>
  );
}

export function LicenceCard({ licence }: { licence: LicenceRow }) {
  return (
    <Card data-testid={`licence-${licence.key}`}>
      <CardHeader
        title={licence.name}
        description={`Covers ${licence.family}`}
        actions={
          <div className="flex shrink-0 items-center gap-3">
            <Badge tone={COMMERCIAL_TONE[licence.commercialUse]}>commercial use {licence.commercialUse}</Badge>
            <EditLicenceButton licence={licence} />
          </div>
        }
      />
      <div className="space-y-4 px-5 py-4">
        {licence.conflicts.length > 0 ? (
          <ul className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" aria-label="Licence conflicts">
            {licence.conflicts.map((conflict) => (
              <li key={`${conflict.modelAlias}:${conflict.featureKey}`}>
                ⚠ The router excludes <strong>{conflict.modelAlias}</strong> for <strong>{conflict.featureName}</strong>: {conflict.detail}
              </li>
            ))}
          </ul>
        ) : null}
        <dl className="grid gap-4 md:grid-cols-2">
          <Fact label="User cap">{licence.userCap === null ? "no cap" : `${formatInteger(licence.userCap)} monthly active users`}</Fact>
          <Fact label="Restricted jurisdictions">{licence.restrictedJurisdictions.length === 0 ? "none" : licence.restrictedJurisdictions.join(", ")}</Fact>
          <Fact label="Acceptable use">{licence.acceptableUseNotes || <span className="text-slate-400">no notes</span>}</Fact>
          <Fact label="Jurisdiction notes">{licence.jurisdictionNotes || <span className="text-slate-400">no notes</span>}</Fact>
          <Fact label="Source">
            {licence.sourceUrl ? (
              <a className="break-all text-sky-700 hover:underline" href={licence.sourceUrl} target="_blank" rel="noopener noreferrer">
                {licence.sourceUrl}
              </a>
            ) : (
              <span className="text-slate-400">none recorded</span>
            )}
          </Fact>
          <Fact label="Reviewed">
            {licence.reviewedBy || licence.reviewedAt ? (
              <>
                {licence.reviewedBy ?? "unknown reviewer"}
                {licence.reviewedAt ? `, ${formatDateTime(licence.reviewedAt)}` : ""}
              </>
            ) : (
              <span className="text-amber-800">not reviewed</span>
            )}
          </Fact>
        </dl>
        <div>
          <p className="text-xs font-medium text-slate-500">Models under this licence</p>
          {licence.models.length === 0 ? (
            <p className="mt-0.5 text-sm text-slate-400">none</p>
          ) : (
            <ul className="mt-1 flex flex-wrap gap-2">
              {licence.models.map((model) => (
                <li key={model.alias} className={`flex items-center gap-1.5 text-sm ${model.enabled ? "text-slate-800" : "text-slate-400"}`}>
                  <span className="font-mono">{model.alias}</span>
                  {model.enabled ? null : <Badge>disabled</Badge>}
                  {model.simulated ? <Badge tone="simulated">Simulated</Badge> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Card>
  );
}
