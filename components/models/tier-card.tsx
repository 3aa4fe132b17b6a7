import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { TierWithModels } from "@/lib/config/list-tiers-with-models";
import { formatPricePerMTok, formatTokens } from "@/lib/format";

const COMMERCIAL_TONE = { allowed: "success", restricted: "warning", forbidden: "danger" } as const;

export function TierCard({ tier }: { tier: TierWithModels }) {
  return (
    <Card data-testid={`tier-${tier.key}`}>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            {tier.name}
            <span className="font-mono text-xs font-normal text-slate-400">{tier.key}</span>
          </span>
        }
        description={tier.description}
        actions={<Badge tone="neutral">rank {tier.rank}</Badge>}
      />
      {tier.models.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No models in this tier">Requests that need this tier will be refused until a model is assigned.</EmptyState>
        </div>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Model</Th>
              <Th>Provider</Th>
              <Th className="text-right">Context</Th>
              <Th className="text-right">Input</Th>
              <Th className="text-right">Output</Th>
              <Th>Licence</Th>
              <Th className="text-right">Priority</Th>
            </tr>
          </thead>
          <tbody>
            {tier.models.map((model) => (
              <tr key={model.alias} className={model.enabled ? undefined : "opacity-60"}>
                <Td>
                  <div className="flex flex-wrap items-center gap-1.5">
                    <span className="font-medium text-slate-900">{model.alias}</span>
                    {model.isBaseline ? <Badge tone="info" title="Costs are compared against this model">baseline</Badge> : null}
                    {model.enabled ? null : <Badge>disabled</Badge>}
                  </div>
                  <div className="font-mono text-xs text-slate-400">{model.providerModelId}</div>
                </Td>
                <Td>
                  <div className="flex flex-wrap items-center gap-1.5">
                    <span>{model.provider.name}</span>
                    {model.provider.kind === "simulator" ? <Badge tone="simulated">Simulated</Badge> : null}
                  </div>
                  <div className="text-xs text-slate-400">region {model.provider.region}</div>
                </Td>
                <Td className="text-right tabular-nums">{formatTokens(model.contextWindow)}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums" title={model.priceSource === "hardware" ? `Effective price from ${model.hardwareProfileName}` : undefined}>
                  {formatPricePerMTok(model.inputPricePerMTok)}
                  {model.priceSource === "hardware" ? <div className="text-xs text-slate-400">hardware</div> : null}
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatPricePerMTok(model.outputPricePerMTok)}</Td>
                <Td>
                  {model.licence ? (
                    <div className="flex flex-col items-start gap-1">
                      <span>{model.licence.name}</span>
                      <Badge tone={COMMERCIAL_TONE[model.licence.commercialUse as keyof typeof COMMERCIAL_TONE] ?? "neutral"}>commercial use {model.licence.commercialUse}</Badge>
                    </div>
                  ) : (
                    <span className="text-slate-400">none recorded</span>
                  )}
                </Td>
                <Td className="text-right tabular-nums">{model.priority}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
