// The facts of one decision: who asked, what for, what answered, what it cost against the
// baseline and how long it took. Findings are types and counts only.
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatMs } from "@/lib/analytics/format-report";
import type { DecisionDetail } from "@/lib/analytics/decisions/get-decision";
import { formatDateTime, formatInteger, formatUsd } from "@/lib/format";
import { ScrollRegion } from "@/components/ui/scroll-region";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400">—</span>;
const code = (value: string | null) => (value ? <span className="font-mono text-xs">{value}</span> : none);
const count = (value: number | null) => (value === null ? none : <span className="tabular-nums">{formatInteger(value)}</span>);

export function DecisionRequestFacts({ decision }: { decision: DecisionDetail }) {
  return (
    <Card>
      <CardHeader title="Request" />
      <dl className="grid grid-cols-2 gap-4 px-5 py-4 md:grid-cols-4">
        <Fact label="Time">
          <span className="tabular-nums" title={formatDateTime(decision.createdAt)}>
            {decision.createdAt.toISOString().replace("T", " ").replace("Z", " UTC")}
          </span>
        </Fact>
        <Fact label="Feature">
          {decision.featureKey ? (
            <>
              {decision.featureName ?? decision.featureKey} {code(decision.featureKey)}
            </>
          ) : (
            <span className="text-slate-500">none named</span>
          )}
        </Fact>
        <Fact label="Team">{decision.team ?? none}</Fact>
        <Fact label="API key">
          {decision.apiKeyName ?? none} {decision.apiKeyPrefix ? <span className="font-mono text-xs text-slate-500">{decision.apiKeyPrefix}…</span> : null}
        </Fact>
        <Fact label="Endpoint">{code(decision.endpoint)}</Fact>
        <Fact label="Requested model">{code(decision.requestedModel)}</Fact>
        <Fact label="Difficulty">{decision.difficulty ?? none}</Fact>
        <Fact label="Streaming">{decision.stream ? "yes" : "no"}</Fact>
        <Fact label="Data class">
          <Badge tone={decision.dataClass === "restricted" ? "danger" : decision.dataClass === "confidential" ? "warning" : "neutral"}>{decision.dataClass}</Badge>
        </Fact>
        <Fact label="Findings (types and counts)">
          {decision.findings.length === 0 ? <span className="text-slate-500">none</span> : (
            <ul data-testid="findings">
              {decision.findings.map((finding) => (
                <li key={finding.type}>
                  <span className="font-mono text-xs">{finding.type}</span> × {finding.count}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label="Policy version">
          {decision.policyVersion === null ? (
            <span className="text-slate-500">none (refused before routing)</span>
          ) : (
            <Link href={`/versions?a=${decision.policyVersion}`} className="text-sky-700 hover:underline">
              Version {decision.policyVersion}
            </Link>
          )}
        </Fact>
        <Fact label="Prompt SHA-256">
          <span className="font-mono text-xs break-all" data-testid="prompt-hash">
            {decision.promptSha256 || "—"}
          </span>
        </Fact>
      </dl>
      {decision.prompt !== null ? (
        <details className="border-t border-slate-100 px-5 py-3 text-sm">
          <summary className="cursor-pointer text-slate-700">Logged prompt (feature {decision.featureKey} allows prompt logging)</summary>
          <ScrollRegion label="Logged prompt" className="mt-2 max-h-64 rounded bg-slate-50 p-3">
            <pre className="text-xs whitespace-pre-wrap text-slate-800">{decision.prompt}</pre>
          </ScrollRegion>
        </details>
      ) : null}
    </Card>
  );
}

export function DecisionOutcomeFacts({ decision }: { decision: DecisionDetail }) {
  const savings = decision.costUsd !== null && decision.baselineCostUsd !== null ? decision.baselineCostUsd - decision.costUsd : null;
  const served = decision.status === "success" || decision.status === "fallback_success";
  return (
    <Card>
      <CardHeader title="Outcome, tokens and cost" />
      <dl className="grid grid-cols-2 gap-4 px-5 py-4 md:grid-cols-4">
        <Fact label={decision.dryRun ? "Would have been served by" : "Served by"}>
          {decision.modelAlias ? (
            <span className="flex flex-wrap items-center gap-1.5">
              {code(decision.modelAlias)}
              {decision.simulated ? <Badge tone="simulated">Simulated</Badge> : null}
            </span>
          ) : (
            <span className="text-slate-500">no model</span>
          )}
        </Fact>
        <Fact label="Tier · provider">{decision.tierKey ? `${decision.tierKey} · ${decision.providerKey ?? "?"}` : none}</Fact>
        <Fact label="Escalation reason">{decision.escalationReason ?? none}</Fact>
        <Fact label="HTTP status">
          <span className="tabular-nums">{decision.httpStatus}</span> {decision.errorCode ? code(decision.errorCode) : null}
        </Fact>
        {decision.refusalConstraint ? (
          <Fact label="Refused by constraint">
            <span className="font-mono text-xs" data-testid="refusal-constraint">
              {decision.refusalConstraint}
            </span>
          </Fact>
        ) : null}
        <Fact label="Estimated prompt tokens">{count(decision.estimatedInputTokens)}</Fact>
        <Fact label="Requested output tokens">{count(decision.requestedOutputTokens)}</Fact>
        {decision.capabilities.length > 0 ? <Fact label="Needed from the model">{decision.capabilities.join(", ").replace("structured_output", "structured output")}</Fact> : null}
        <Fact label="Input tokens">
          {count(decision.inputTokens)}
          {decision.usageEstimated ? <span className="text-amber-800"> (estimated: the provider reported none)</span> : null}
        </Fact>
        {decision.cachedInputTokens || decision.cacheWriteTokens ? (
          <Fact label="Prompt cache">
            {count(decision.cachedInputTokens)} read · {count(decision.cacheWriteTokens)} written
            {decision.cacheSavingsUsd !== null ? <span className="text-emerald-700"> (saved {formatUsd(decision.cacheSavingsUsd, { precise: true })})</span> : null}
          </Fact>
        ) : null}
        <Fact label="Output tokens">
          {count(decision.outputTokens)}
          {decision.reasoningTokens ? <span className="text-slate-500"> ({count(decision.reasoningTokens)} reasoning)</span> : null}
        </Fact>
        {decision.toolCalls ? <Fact label="Tool calls in the answer">{count(decision.toolCalls)}</Fact> : null}
        <Fact label="Cost">
          {decision.costUsd !== null ? formatUsd(decision.costUsd, { precise: true }) : served && !decision.dryRun ? <span className="text-amber-800">unpriced (model has no price)</span> : none}
        </Fact>
        <Fact label="Baseline cost">{decision.baselineCostUsd !== null ? formatUsd(decision.baselineCostUsd, { precise: true }) : none}</Fact>
        <Fact label="Saved against the baseline">{savings !== null ? <span className={savings >= 0 ? "text-emerald-700" : "text-red-700"}>{formatUsd(savings, { precise: true })}</span> : none}</Fact>
        <Fact label="Latency · time to first token">
          {formatMs(decision.latencyMs)} · {decision.ttftMs === null ? "—" : formatMs(decision.ttftMs)}
        </Fact>
      </dl>
    </Card>
  );
}
