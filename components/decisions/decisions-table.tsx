import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { DecisionRow, DecisionStatus } from "@/lib/analytics/list-recent-decisions";
import { formatDateTime, formatInteger, formatUsd } from "@/lib/format";

const STATUS: Record<DecisionStatus, { tone: BadgeTone; label: string }> = {
  success: { tone: "success", label: "success" },
  fallback_success: { tone: "warning", label: "fallback success" },
  refused: { tone: "danger", label: "refused" },
  error: { tone: "danger", label: "error" },
};

function Cost({ decision }: { decision: DecisionRow }) {
  if (decision.costUsd !== null) return <>{formatUsd(decision.costUsd, { precise: true })}</>;
  // No model answered: there is nothing to price. A served request without a cost is unpriced.
  if (decision.modelAlias === null || decision.status === "refused") return <span className="text-slate-400">—</span>;
  return <span className="text-amber-800">unknown</span>;
}

export function DecisionsTable({ decisions }: { decisions: DecisionRow[] }) {
  return (
    <Card>
      <Table>
        <thead>
          <tr>
            <Th>Time</Th>
            <Th>Feature</Th>
            <Th>Requested</Th>
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
            <tr key={decision.id} data-testid={`decision-${decision.id}`}>
              <Td className="whitespace-nowrap">
                {formatDateTime(decision.createdAt)}
                {decision.synthetic ? <div className="text-xs text-slate-400">synthetic</div> : null}
              </Td>
              <Td className="font-mono text-xs">{decision.featureKey ?? <span className="font-sans text-slate-400">none</span>}</Td>
              <Td className="font-mono text-xs">{decision.requestedModel}</Td>
              <Td>{decision.dataClass}</Td>
              <Td>
                {decision.modelAlias ? (
                  <span className="flex flex-wrap items-center gap-1.5">
                    <span className="font-mono text-xs text-slate-900">{decision.modelAlias}</span>
                    {decision.simulated ? <Badge tone="simulated">Simulated</Badge> : null}
                  </span>
                ) : (
                  <span className="text-slate-400">no model</span>
                )}
                {decision.tierKey ? <div className="text-xs text-slate-500">tier {decision.tierKey}</div> : null}
              </Td>
              <Td>
                <span className="flex items-center gap-1.5">
                  <Badge tone={STATUS[decision.status].tone}>{STATUS[decision.status].label}</Badge>
                  <span className="text-xs tabular-nums text-slate-500">HTTP {decision.httpStatus}</span>
                </span>
                {decision.refusalConstraint ? <div className="mt-0.5 text-xs text-slate-500">{decision.refusalConstraint}</div> : null}
                {!decision.refusalConstraint && decision.errorCode ? <div className="mt-0.5 font-mono text-xs text-slate-500">{decision.errorCode}</div> : null}
              </Td>
              <Td className="text-right tabular-nums">{formatInteger(decision.latencyMs)} ms</Td>
              <Td className="text-right tabular-nums">
                <Cost decision={decision} />
              </Td>
              <Td className="text-xs">
                {decision.findings.length === 0 ? (
                  <span className="text-slate-400">none</span>
                ) : (
                  decision.findings.map((finding) => `${finding.type} ×${finding.count}`).join(", ")
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
