import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { PlaygroundDryRun } from "@/console/playground/server/dry-run";
import { formatInteger } from "@/lib/format";
import { DecisionDetails } from "./decision-details";
import { DifficultyScore } from "./difficulty-score";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

/** The engine's decision for a dry run: the outcome first, then what led to it. */
export function DryRunResult({ result }: { result: PlaygroundDryRun }) {
  const { decision } = result;
  const first = decision.candidates[0];
  const refusal = decision.outcome.kind === "refused" ? decision.outcome.refusal : null;
  const simulated = first ? result.simulatedProviderKeys.includes(first.providerKey) : false;
  return (
    <Card data-testid="dry-run-result">
      <div className="px-5 py-4">
        <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Dry run · policy v{result.policyVersion} · no model called</p>
        {refusal ? (
          <p className="mt-1 text-base text-red-800" data-testid="dry-run-outcome">
            <span className="font-semibold">Refused ({refusal.status}, {refusal.code}).</span> {refusal.message}
          </p>
        ) : first ? (
          <p className="mt-1 flex flex-wrap items-center gap-2 text-base text-slate-900" data-testid="dry-run-outcome">
            Would be served by <span className="font-mono font-semibold">{first.alias}</span> on the <span className="font-semibold">{first.tierKey}</span> tier
            {simulated ? <Badge tone="simulated">Simulated</Badge> : null}
          </p>
        ) : null}
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Fact label="Data class">
            <span className="font-medium" data-testid="dry-run-data-class">
              {decision.dataClass.key}
            </span>
            <span className="block text-xs text-slate-500">may use {decision.dataClass.allowedTierKeys.join(", ") || "no tier"}</span>
          </Fact>
          <Fact label="Difficulty">
            {decision.difficulty.level}
            <span className="block text-xs text-slate-500">from the {decision.difficulty.source}</span>
            <DifficultyScore estimate={decision.difficultyEstimate} />
          </Fact>
          <Fact label="Tiers allowed">
            {decision.minTier ? decision.minTier.tierKey : "—"} → {decision.maxTier ? decision.maxTier.tierKey : "—"}
            <span className="block text-xs text-slate-500">escalation: {decision.escalation}</span>
          </Fact>
          <Fact label="Estimated tokens">
            {formatInteger(result.estimatedPromptTokens)} in
            <span className="block text-xs text-slate-500">+ {formatInteger(result.requestedOutputTokens)} out allowed</span>
          </Fact>
        </dl>
        <div className="mt-4 text-sm">
          <span className="text-xs font-medium text-slate-500">Findings </span>
          {result.findings.length === 0 ? (
            <span className="text-slate-500">none</span>
          ) : (
            <span className="inline-flex flex-wrap gap-1.5 align-middle">
              {result.findings.map((finding) => (
                <Badge key={finding.type} tone="warning">
                  {finding.type} × {finding.count} → {finding.dataClass}
                </Badge>
              ))}
            </span>
          )}
        </div>
      </div>
      <DecisionDetails data={{ candidates: decision.candidates, rejected: decision.rejected, trace: decision.trace, simulatedProviderKeys: result.simulatedProviderKeys }} />
    </Card>
  );
}
