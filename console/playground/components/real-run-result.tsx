import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { PlaygroundRun } from "@/console/playground/server/run";
import { formatInteger, formatUsd } from "@/lib/format";
import type { Candidate, Rejection } from "@/lib/routing/types";
import { DecisionDetails } from "./decision-details";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** A real run's answer with what it cost, or the gateway's refusal — each with its decision record id. */
export function RealRunResult({ result }: { result: PlaygroundRun }) {
  if (result.kind === "refused") {
    return (
      <Card data-testid="real-run-result">
        <div className="px-5 py-4">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Real run · decision {result.decisionId}</p>
          <p className="mt-1 text-base text-red-800">
            <span className="font-semibold">
              The gateway refused ({result.status}, {result.code}).
            </span>{" "}
            {result.message}
          </p>
        </div>
        {result.decision ? <DecisionDetails data={{ ...result.decision, simulatedProviderKeys: result.simulatedProviderKeys }} /> : null}
      </Card>
    );
  }
  const { decision, served, usage } = result;
  const savings = decision.costUsd !== null && decision.baselineCostUsd !== null ? decision.baselineCostUsd - decision.costUsd : null;
  return (
    <Card data-testid="real-run-result">
      <div className="px-5 py-4">
        <p className="flex flex-wrap justify-between gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <span>Real run · decision {result.decisionId}</span>
          <Link href={`/decisions/${result.decisionId}`} className="font-medium tracking-normal text-sky-700 normal-case hover:underline">
            Open in Decisions
          </Link>
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <Badge tone="info">tier {served.tierKey}</Badge>
          <span className="font-mono font-semibold text-slate-900">{served.alias}</span>
          <span className="text-slate-500">via {served.providerKey}</span>
          {served.simulated ? <Badge tone="simulated">Simulated</Badge> : null}
        </div>
        <ScrollRegion label="Answer" testId="real-run-answer" className="mt-3 max-h-80 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm whitespace-pre-wrap text-slate-900">
          {result.text || result.toolCalls.length > 0 ? result.text : <span className="text-slate-500">(empty answer, finish reason: {result.finishReason})</span>}
          {result.toolCalls.map((call) => (
            <p key={call.id} className="font-mono text-xs text-slate-700" data-testid="real-run-tool-call">
              calls {call.name}({call.arguments})
            </p>
          ))}
        </ScrollRegion>
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div>
            <dt className="inline text-slate-500">Cost </dt>
            <dd className="inline font-medium tabular-nums" data-testid="real-run-cost">
              {formatUsd(decision.costUsd, { precise: true })}
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-500">Baseline </dt>
            <dd className="inline tabular-nums">
              {formatUsd(decision.baselineCostUsd, { precise: true })}
              {savings !== null && savings > 0 ? <span className="text-emerald-700"> (saves {formatUsd(savings, { precise: true })})</span> : null}
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-500">Tokens </dt>
            <dd className="inline tabular-nums">
              {formatInteger(usage.inputTokens)} in · {formatInteger(usage.outputTokens)} out{usage.estimated ? " (estimated)" : ""}
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-500">Latency </dt>
            <dd className="inline tabular-nums">{formatInteger(decision.latencyMs)} ms</dd>
          </div>
        </dl>
      </div>
      <DecisionDetails
        data={{ candidates: decision.candidates as Candidate[], rejected: decision.rejected as Rejection[], trace: decision.trace, simulatedProviderKeys: result.simulatedProviderKeys }}
      />
    </Card>
  );
}
