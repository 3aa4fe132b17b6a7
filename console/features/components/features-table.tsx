import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { FeatureSpend } from "@/lib/analytics/costs/sum-feature-spend";
import type { FeatureRow } from "@/console/features/server/list-features";
import { formatInteger, formatUsd } from "@/lib/format";
import { EditFeatureButton } from "./feature-buttons";
import type { DataClassOption } from "./feature-form";
import { MonthSpend } from "./month-spend";

const PAST_BUDGET = { downgrade: "then downgraded to a cheaper allowed tier", block: "then blocked until the month turns" } as const;

export function FeaturesTable({
  features,
  spend,
  monthLabel,
  classes,
  scores,
}: {
  features: FeatureRow[];
  /** The difficulty estimator's recent scores per feature key, ascending. */
  scores: Record<string, number[]>;
  spend: Record<string, FeatureSpend>;
  monthLabel: string;
  classes: DataClassOption[];
}) {
  return (
    <Card>
      <Table label="Features">
        <thead>
          <tr>
            <Th>Feature</Th>
            <Th>Monthly budget</Th>
            <Th>Spent in {monthLabel}</Th>
            <Th>Defaults</Th>
            <Th>Use</Th>
            <Th>Prompt logging</Th>
            <Th className="w-20">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {features.map((feature) => (
            <tr key={feature.key} data-testid={`feature-${feature.key}`}>
              <Td>
                <div className="font-medium text-slate-900">{feature.name}</div>
                <div className="font-mono text-xs text-slate-400">{feature.key}</div>
                <div className="mt-0.5 text-xs text-slate-500">
                  {feature.team} · {feature.owner}
                </div>
              </Td>
              <Td>
                {feature.monthlyBudgetUsd === null ? (
                  <span className="text-slate-500">no budget</span>
                ) : (
                  <>
                    <div className="tabular-nums font-medium text-slate-900">{formatUsd(feature.monthlyBudgetUsd)}</div>
                    <div className="text-xs text-slate-500">{PAST_BUDGET[feature.budgetAction]}</div>
                  </>
                )}
              </Td>
              <Td>
                <MonthSpend spend={spend[feature.key]} budgetUsd={feature.monthlyBudgetUsd} />
              </Td>
              <Td>
                <div>difficulty {feature.defaultDifficulty}</div>
                <div className="text-xs text-slate-500">at least {feature.defaultDataClass.name.toLowerCase()}</div>
                <div className="text-xs text-slate-500">
                  {feature.estimator === null
                    ? "estimator off"
                    : `estimator: ${Math.round(100 * feature.estimator.frontierShare)} % to frontier (score ≥ ${feature.estimator.threshold.toFixed(2)})`}
                </div>
              </Td>
              <Td>
                <div className="flex flex-wrap items-center gap-1.5">
                  {feature.commercial ? <Badge tone="info">commercial</Badge> : <Badge>non-commercial</Badge>}
                </div>
                <div className="mt-0.5 text-xs text-slate-500">
                  {feature.monthlyActiveUsers === null ? "users unknown" : `${formatInteger(feature.monthlyActiveUsers)} monthly active users`}
                </div>
                <div className="text-xs text-slate-500">{feature.jurisdictions.length === 0 ? "no jurisdictions set" : `served in ${feature.jurisdictions.join(", ")}`}</div>
              </Td>
              <Td>{feature.allowPromptLogging ? <Badge tone="warning">raw prompts kept</Badge> : <Badge tone="success">hashes only</Badge>}</Td>
              <Td className="text-right">
                <EditFeatureButton feature={feature} classes={classes} scores={scores[feature.key] ?? []} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
