// A finished what-if: the headline figures, then per feature, then what moved (what-if-changes.tsx).
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatInteger, formatUsd } from "@/lib/format";
import type { WhatIfResultData } from "@/lib/replay/result";
import type { CostTotals } from "@/lib/replay/types";
import { WhatIfChanges } from "./what-if-changes";

export function sharePercent(part: number, whole: number): string {
  return whole === 0 ? "0 %" : `${((100 * part) / whole).toFixed(1)} %`;
}

export function signedUsd(value: number): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${formatUsd(Math.abs(value))}`;
}

function Figure({ label, value, detail, testId, tone = "plain" }: { label: string; value: string; detail?: string; testId: string; tone?: "plain" | "good" | "bad" }) {
  const colour = tone === "good" ? "text-emerald-700" : tone === "bad" ? "text-red-700" : "text-slate-900";
  return (
    <Card className="px-4 py-3" data-testid={testId}>
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <p className={`mt-1 text-xl font-semibold ${colour}`}>{value}</p>
      {detail ? <p className="mt-0.5 text-xs text-slate-500">{detail}</p> : null}
    </Card>
  );
}

function FeatureRow({ totals }: { totals: CostTotals & { featureKey: string | null } }) {
  const delta = totals.replayCostUsd - totals.actualCostUsd;
  return (
    <tr>
      <Td className="font-medium">{totals.featureKey ?? "(no feature)"}</Td>
      <Td className="text-right tabular-nums">{formatInteger(totals.replayed)}</Td>
      <Td className="text-right tabular-nums">
        {formatInteger(totals.changedTier)} <span className="text-slate-400">({sharePercent(totals.changedTier, totals.replayed)})</span>
      </Td>
      <Td className="text-right tabular-nums">{formatInteger(totals.newlyRefused)}</Td>
      <Td className="text-right tabular-nums">{formatUsd(totals.actualCostUsd)}</Td>
      <Td className="text-right tabular-nums">{formatUsd(totals.replayCostUsd)}</Td>
      <Td className={`text-right tabular-nums ${delta < 0 ? "text-emerald-700" : delta > 0 ? "text-red-700" : ""}`}>{signedUsd(delta)}</Td>
      <Td className="text-right tabular-nums">{formatUsd(totals.baselineCostUsd - totals.replayCostUsd)}</Td>
    </tr>
  );
}

export function WhatIfResults({ result }: { result: WhatIfResultData }) {
  const s = result.summary;
  const delta = s.replayCostUsd - s.actualCostUsd;
  return (
    <section aria-label="What-if result" className="space-y-6">
      <p className="text-sm text-slate-600" data-testid="what-if-scope">
        {`Replayed ${result.policy.label} on ${formatInteger(s.replayed)} decisions of the last ${result.window.days === 1 ? "day" : `${result.window.days} days`} (${result.window.from.slice(0, 16).replace("T", " ")} – ${result.window.to.slice(0, 16).replace("T", " ")} UTC) in ${(result.elapsedMs / 1000).toFixed(1)} s. Providers are taken as healthy; costs use each request's actual tokens.`}
        {result.sample ? ` The window holds about ${formatInteger(result.sample.recordsInWindow)} decisions: one in ${result.sample.every} was replayed, so these figures are a sample's.` : ""}
      </p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Figure testId="what-if-changed-tier" label="Tier changes" value={sharePercent(s.changedTier, s.replayed)} detail={`${formatInteger(s.changedTier)} requests; ${formatInteger(s.changedModel)} change model`} />
        <Figure
          testId="what-if-cost-delta"
          label="Cost vs actual"
          value={signedUsd(delta)}
          detail={`${formatUsd(s.actualCostUsd)} actual → ${formatUsd(s.replayCostUsd)}`}
          tone={delta < 0 ? "good" : delta > 0 ? "bad" : "plain"}
        />
        <Figure
          testId="what-if-savings"
          label="Savings vs baseline"
          value={formatUsd(s.baselineCostUsd - s.replayCostUsd)}
          detail={`all-frontier (${result.policy.baselineModelAlias ?? "no baseline model"}) ${formatUsd(s.baselineCostUsd)}; actual savings ${formatUsd(s.recordedBaselineCostUsd - s.actualCostUsd)}`}
        />
        <Figure testId="what-if-newly-refused" label="Newly refused" value={formatInteger(s.newlyRefused)} detail={`${formatInteger(s.newlyServed)} newly served`} tone={s.newlyRefused > 0 ? "bad" : "plain"} />
        <Figure testId="what-if-violations" label="Data-class violations" value={formatInteger(s.dataClassViolations)} detail="checked on every replayed decision" tone={s.dataClassViolations === 0 ? "good" : "bad"} />
        <Figure
          testId="what-if-skipped"
          label="Skipped"
          value={formatInteger(s.skipped)}
          detail={`${formatInteger(s.skippedBy.no_replay_input)} recorded before replay inputs were kept; ${formatInteger(s.skippedBy.unknown_keyword)} need a new keyword checked against an unstored prompt`}
        />
      </div>
      {s.unpricedActual + s.unpricedReplay + s.servedWithoutTokens > 0 ? (
        <p className="text-xs text-slate-500">
          Left out of the cost sums: {formatInteger(s.unpricedActual)} requests whose recorded cost is unknown (unpriced model), {formatInteger(s.unpricedReplay)} whose replayed model has no price, and {formatInteger(s.servedWithoutTokens)} the replay would serve that were never served (no actual tokens to price).
        </p>
      ) : null}
      <Card>
        <CardHeader title="Per feature" description="Costs priced with the actual tokens; savings against the all-frontier baseline under the replayed policy." />
        <Table label="Per feature, replayed">
          <thead>
            <tr>
              <Th>Feature</Th>
              <Th className="text-right">Requests</Th>
              <Th className="text-right">Tier changes</Th>
              <Th className="text-right">Newly refused</Th>
              <Th className="text-right">Actual</Th>
              <Th className="text-right">Replayed</Th>
              <Th className="text-right">Difference</Th>
              <Th className="text-right">Savings vs baseline</Th>
            </tr>
          </thead>
          <tbody>
            {s.features.map((feature) => (
              <FeatureRow key={feature.featureKey ?? ""} totals={feature} />
            ))}
          </tbody>
        </Table>
      </Card>
      <WhatIfChanges summary={s} />
    </section>
  );
}
