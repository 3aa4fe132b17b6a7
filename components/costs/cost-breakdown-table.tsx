import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { CostBreakdownRow } from "@/lib/analytics/prepare-cost-summary";
import { formatInteger, formatUsd } from "@/lib/format";
import { formatSavingsShare } from "./savings-share";

export function CostBreakdownTable({ rows }: { rows: CostBreakdownRow[] }) {
  return (
    <Card>
      <CardHeader title="By feature and tier" description="Most expensive first. Requests refused before a model was chosen have no tier; requests that named no feature have none." />
      <Table>
        <thead>
          <tr>
            <Th>Feature</Th>
            <Th>Tier</Th>
            <Th className="text-right">Requests</Th>
            <Th className="text-right">Unknown price</Th>
            <Th className="text-right">Cost</Th>
            <Th className="text-right">Baseline</Th>
            <Th className="text-right">Savings</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.featureKey}:${row.tierKey}`}>
              <Td className={row.featureKey ? "font-mono text-xs text-slate-800" : "text-slate-500"}>{row.featureKey || "no feature"}</Td>
              <Td>
                <span className="flex flex-wrap items-center gap-1.5">
                  {row.tierKey ? <span className="font-mono text-xs text-slate-800">{row.tierKey}</span> : <span className="text-slate-500">no tier (not served)</span>}
                  {row.simulated ? <Badge tone="simulated">Simulated</Badge> : null}
                </span>
              </Td>
              <Td className="text-right tabular-nums">{formatInteger(row.requests)}</Td>
              <Td className={`text-right tabular-nums ${row.unpricedRequests > 0 ? "text-amber-800" : "text-slate-400"}`}>{formatInteger(row.unpricedRequests)}</Td>
              <Td className="text-right tabular-nums">{formatUsd(row.costUsd)}</Td>
              <Td className="text-right tabular-nums">{formatUsd(row.baselineCostUsd)}</Td>
              <Td className="text-right tabular-nums">
                {formatUsd(row.savingsUsd)}
                <div className="text-xs text-slate-500">{formatSavingsShare(row.savingsShare)}</div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
