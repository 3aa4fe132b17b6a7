// How the router reasoned about one request: the trace in words, the candidates in the order they
// would be tried, the models it rejected and why, and the fallbacks the gateway walked.
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMs } from "@/lib/analytics/format-report";
import type { DecisionStage } from "@/lib/analytics/decisions/decision-stage";
import type { DecisionDetail } from "@/lib/analytics/decisions/get-decision";
import { formatUsd } from "@/lib/format";

export function DecisionTrace({ decision }: { decision: DecisionDetail }) {
  return (
    <Card>
      <CardHeader title="Trace" description="The router's reasoning, step by step, as recorded with the decision." />
      {decision.trace.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">
          No trace: the request was {decision.status === "refused" ? "refused" : "stopped"} before routing
          {decision.errorCode ? (
            <>
              {" "}
              (<span className="font-mono text-xs">{decision.errorCode}</span>, HTTP {decision.httpStatus})
            </>
          ) : null}
          .
        </p>
      ) : (
        <ol className="list-decimal space-y-1.5 py-4 pr-5 pl-10 text-sm text-slate-800" data-testid="decision-trace">
          {decision.trace.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** In place of Candidates and Rejected models when the router never ran: there is nothing to list. */
export function DecisionNotRouted({ decision, stage }: { decision: DecisionDetail; stage: Extract<DecisionStage, { kind: "before_routing" }> }) {
  return (
    <Card data-testid="not-routed">
      <CardHeader
        title={stage.malformed ? "Malformed request: not routed" : "Refused before routing"}
        description="The gateway answered before the router ran, so no model was a candidate and none was rejected."
      />
      <dl className="grid gap-3 px-5 py-4 text-sm md:grid-cols-3">
        <div>
          <dt className="text-xs font-medium text-slate-500">Answer</dt>
          <dd className="mt-0.5">
            HTTP <span className="tabular-nums">{decision.httpStatus}</span> {decision.errorCode ? <span className="font-mono text-xs">{decision.errorCode}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-500">Field at fault</dt>
          <dd className="mt-0.5 font-mono text-xs" data-testid="field-at-fault">
            {stage.field ?? <span className="font-sans text-slate-500">none named</span>}
          </dd>
        </div>
        <div className="md:col-span-3">
          <dt className="text-xs font-medium text-slate-500">Reason given to the caller</dt>
          <dd className="mt-0.5 text-slate-800">{stage.reason ?? <span className="text-slate-500">not recorded (recorded before reasons were kept)</span>}</dd>
        </div>
      </dl>
      {stage.malformed ? <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-600">Malformed requests are counted apart on Costs, not in the refusal rate.</p> : null}
    </Card>
  );
}

export function DecisionCandidates({ decision }: { decision: DecisionDetail }) {
  const served = decision.modelAlias;
  return (
    <Card>
      <CardHeader title="Candidates" description="Models that passed every check, in the order the gateway would try them." />
      {decision.candidates.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">None: every model was rejected{decision.refusalConstraint ? ` (the last by ${decision.refusalConstraint})` : ""}.</p>
      ) : (
        <Table label="Candidates">
          <thead>
            <tr>
              <Th>#</Th>
              <Th>Model</Th>
              <Th>Tier</Th>
              <Th>Provider</Th>
              <Th className="text-right">Estimated cost</Th>
            </tr>
          </thead>
          <tbody>
            {decision.candidates.map((candidate, index) => (
              <tr key={candidate.alias} className={candidate.alias === served ? "bg-emerald-50/60" : undefined}>
                <Td className="tabular-nums">{index + 1}</Td>
                <Td className="font-mono text-xs">
                  {candidate.alias}
                  {candidate.alias === served ? <span className="ml-2 font-sans text-emerald-700">{decision.dryRun ? "would serve" : "served"}</span> : null}
                </Td>
                <Td>{candidate.tierKey}</Td>
                <Td className="font-mono text-xs">{candidate.providerKey}</Td>
                <Td className="text-right tabular-nums">{candidate.estimatedCostUsd === null ? <span className="text-amber-800">price unknown</span> : formatUsd(candidate.estimatedCostUsd, { precise: true })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

export function DecisionRejections({ decision }: { decision: DecisionDetail }) {
  return (
    <Card>
      <CardHeader title="Rejected models" description="Each model the router excluded, with the first check it failed." />
      {decision.rejected.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">No model was rejected.</p>
      ) : (
        <Table label="Rejected models" data-testid="rejections">
          <thead>
            <tr>
              <Th>Model</Th>
              <Th>Tier</Th>
              <Th>Reason</Th>
              <Th className="min-w-56">Why</Th>
            </tr>
          </thead>
          <tbody>
            {decision.rejected.map((rejection) => (
              <tr key={`${rejection.alias}:${rejection.reason}`}>
                <Td className="font-mono text-xs whitespace-nowrap">{rejection.alias}</Td>
                <Td className="whitespace-nowrap">{rejection.tierKey}</Td>
                <Td className="font-mono text-xs">{rejection.reason}</Td>
                <Td>{rejection.detail}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

export function DecisionFallbacks({ decision }: { decision: DecisionDetail }) {
  if (decision.fallbacks.length === 0) return null;
  return (
    <Card>
      <CardHeader title="Fallbacks tried" description="Attempts that failed before the first byte; the gateway moved to the next candidate, never outside the tiers the data class allows." />
      <Table label="Fallbacks tried" data-testid="fallbacks">
        <thead>
          <tr>
            <Th>Model</Th>
            <Th>Provider</Th>
            <Th>Error</Th>
            <Th>Message</Th>
            <Th className="text-right">Took</Th>
          </tr>
        </thead>
        <tbody>
          {decision.fallbacks.map((attempt, index) => (
            <tr key={index}>
              <Td className="font-mono text-xs">{attempt.alias}</Td>
              <Td className="font-mono text-xs">{attempt.providerKey}</Td>
              <Td className="font-mono text-xs">{attempt.errorKind}</Td>
              <Td>{attempt.message}</Td>
              <Td className="text-right tabular-nums">{formatMs(attempt.latencyMs)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
