// The decision log's rows. Pure presentation: the server page and the live tail both render it.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ENDPOINTS } from "@/lib/analytics/decisions/decision-filters";
import { formatMs } from "@/lib/analytics/format-report";
import { formatUsd } from "@/lib/format";
import type { StoredDecisionRecord } from "@/lib/ledger/record-row";
import { StatusBadge, type DecisionStatus } from "./status-badge";

/** What a row needs (a decision log row, lib/analytics/decisions/list-decisions.ts); createdAt may arrive as an ISO string from the tail's JSON. */
export type DecisionTableRow = Pick<
  StoredDecisionRecord,
  | "id"
  | "featureKey"
  | "apiKeyPrefix"
  | "requestedModel"
  | "dataClass"
  | "tierKey"
  | "modelAlias"
  | "httpStatus"
  | "refusalConstraint"
  | "errorCode"
  | "latencyMs"
  | "costUsd"
  | "findings"
  | "dryRun"
  | "synthetic"
> & {
  createdAt: Date | string;
  endpoint: string;
  status: DecisionStatus;
  simulated: boolean;
  fallbackCount: number;
};

/** "Nov 21 05:59:12" in UTC: the log spans days, and auditors compare seconds. */
/** "Nov 18 14:03:07" in the viewer's zone (the search's). */
function formatLogTime(date: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone }).format(date);
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone }).format(date);
  return `${day} ${time}`;
}

function Cost({ decision }: { decision: DecisionTableRow }) {
  if (decision.costUsd !== null) return <>{formatUsd(decision.costUsd, { precise: true })}</>;
  // No model answered, or a dry run: there is nothing to price. A served request without a cost is unpriced.
  if (decision.modelAlias === null || decision.dryRun || decision.status === "refused" || decision.status === "error") return <span className="text-slate-400">—</span>;
  return <span className="text-amber-800">unpriced</span>;
}

/** `search`: the log's query string, carried to each decision page so its back link returns to this search. */
export function DecisionsTable({ decisions, caption, search = "", timeZone = "UTC" }: { decisions: DecisionTableRow[]; caption?: string; search?: string; timeZone?: string }) {
  return (
    <Card>
      <Table label={caption ?? "Decisions"} data-testid="decisions-table" className="[&_td]:px-3! [&_th]:px-3!">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            <Th>Time ({timeZone})</Th>
            <Th>Feature · key · endpoint</Th>
            <Th>Data class</Th>
            <Th>Served by</Th>
            <Th>Status</Th>
            <Th className="text-right">Latency</Th>
            <Th className="text-right">Cost</Th>
            <Th>Findings</Th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((decision) => (
            <tr key={decision.id} data-testid={`decision-${decision.id}`} className="hover:bg-slate-50">
              <Td className="whitespace-nowrap">
                <Link href={`/decisions/${decision.id}${search ? `?${search}` : ""}`} className="text-sky-700 tabular-nums hover:underline" title={new Date(decision.createdAt).toISOString()} aria-label={`Decision ${decision.id}`}>
                  {formatLogTime(new Date(decision.createdAt), timeZone)}
                </Link>
                <div className="flex gap-1 pt-0.5">
                  {decision.dryRun ? <Badge tone="info">dry run</Badge> : null}
                  {decision.synthetic ? <span className="text-xs text-slate-400">synthetic</span> : null}
                </div>
              </Td>
              <Td className="whitespace-nowrap">
                <div className="font-mono text-xs">{decision.featureKey ?? <span className="font-sans text-slate-400">none</span>}</div>
                <div className="font-mono text-xs text-slate-400">{decision.apiKeyPrefix ?? "no key"}</div>
                <div className="text-xs text-slate-500" data-testid="decision-endpoint">
                  {ENDPOINTS.find((entry) => entry.key === decision.endpoint)?.label ?? decision.endpoint}
                </div>
              </Td>
              <Td>{decision.dataClass}</Td>
              <Td className="whitespace-nowrap">
                {decision.modelAlias ? (
                  <span className="flex items-center gap-1.5">
                    <span className="font-mono text-xs text-slate-900">{decision.modelAlias}</span>
                    {decision.simulated ? <Badge tone="simulated">Simulated</Badge> : null}
                  </span>
                ) : (
                  <span className="text-slate-400">no model</span>
                )}
                {decision.tierKey ? <div className="text-xs text-slate-500">tier {decision.tierKey}</div> : null}
              </Td>
              <Td className="min-w-36">
                <span className="flex items-center gap-1.5">
                  <StatusBadge status={decision.status} />
                  <span className="text-xs tabular-nums text-slate-500">{decision.httpStatus}</span>
                </span>
                {decision.refusalConstraint ? <div className="mt-0.5 text-xs text-slate-600">constraint: {decision.refusalConstraint}</div> : null}
                {!decision.refusalConstraint && decision.errorCode ? <div className="mt-0.5 font-mono text-xs text-slate-500">{decision.errorCode}</div> : null}
                {decision.fallbackCount > 0 ? <div className="mt-0.5 text-xs text-amber-800">{decision.fallbackCount} fallback{decision.fallbackCount === 1 ? "" : "s"}</div> : null}
              </Td>
              <Td className="text-right tabular-nums whitespace-nowrap">{formatMs(decision.latencyMs)}</Td>
              <Td className="text-right tabular-nums">
                <Cost decision={decision} />
              </Td>
              <Td className="max-w-44 text-xs">
                {decision.findings.length === 0 ? <span className="text-slate-400">none</span> : decision.findings.map((finding) => `${finding.type} ×${finding.count}`).join(", ")}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
