"use client";
// Try other volumes and prices against the local hardware: the same pure math the page used for
// the actual volume (lib/analytics/costs/break-even.ts), recomputed in the browser as inputs change.
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { computeBreakEven, type BreakEvenHardware, type HostedPrice } from "@/lib/analytics/costs/break-even";
import { formatMonths, formatShare, formatTokenCount } from "@/lib/analytics/format-report";
import { formatUsd } from "@/lib/format";

interface Inputs {
  monthlyMillions: number;
  outputSharePercent: number;
  purchasePriceUsd: number;
  amortisationMonths: number;
  watts: number;
  usdPerKwh: number;
  tokensPerDayMillions: number;
}

function NumberInput({ id, label, value, step, onChange, suffix }: { id: string; label: string; value: number; step: number; onChange: (value: number) => void; suffix?: string }) {
  return (
    <label htmlFor={id} className="block text-xs font-medium text-slate-600">
      {label}
      <span className="mt-1 flex items-center gap-1.5">
        <input
          id={id}
          type="number"
          min={0}
          step={step}
          value={Number.isFinite(value) ? value : 0}
          onChange={(event) => onChange(Number(event.target.value))}
          className="block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm tabular-nums shadow-sm focus:outline-2 focus:outline-sky-500"
        />
        {suffix ? <span className="text-xs whitespace-nowrap text-slate-500">{suffix}</span> : null}
      </span>
    </label>
  );
}

export function BreakEvenCalculator({
  idPrefix,
  hardware,
  monthlyInputTokens,
  monthlyOutputTokens,
  hosted,
}: {
  idPrefix: string;
  hardware: BreakEvenHardware;
  monthlyInputTokens: number;
  monthlyOutputTokens: number;
  hosted: HostedPrice[];
}) {
  const actual: Inputs = {
    monthlyMillions: Math.round(((monthlyInputTokens + monthlyOutputTokens) / 1_000_000) * 10) / 10,
    outputSharePercent: monthlyInputTokens + monthlyOutputTokens > 0 ? Math.round((monthlyOutputTokens / (monthlyInputTokens + monthlyOutputTokens)) * 1000) / 10 : 20,
    purchasePriceUsd: hardware.purchasePriceUsd,
    amortisationMonths: hardware.amortisationMonths,
    watts: hardware.watts,
    usdPerKwh: hardware.usdPerKwh,
    tokensPerDayMillions: hardware.tokensPerDay / 1_000_000,
  };
  const [inputs, setInputs] = useState(actual);
  const set = (name: keyof Inputs) => (value: number) => setInputs((current) => ({ ...current, [name]: value }));
  const result = useMemo(() => {
    const monthly = Math.max(0, inputs.monthlyMillions) * 1_000_000;
    const outputShare = Math.min(100, Math.max(0, inputs.outputSharePercent)) / 100;
    return computeBreakEven({
      hardware: { name: hardware.name, purchasePriceUsd: inputs.purchasePriceUsd, amortisationMonths: inputs.amortisationMonths, watts: inputs.watts, usdPerKwh: inputs.usdPerKwh, tokensPerDay: inputs.tokensPerDayMillions * 1_000_000 },
      monthlyInputTokens: monthly * (1 - outputShare),
      monthlyOutputTokens: monthly * outputShare,
      hosted,
    });
  }, [inputs, hardware.name, hosted]);
  const changed = JSON.stringify(inputs) !== JSON.stringify(actual);

  return (
    <div className="space-y-4" data-testid="break-even-calculator">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        <NumberInput id={`${idPrefix}-volume`} label="Local tokens per month" value={inputs.monthlyMillions} step={1} onChange={set("monthlyMillions")} suffix="M" />
        <NumberInput id={`${idPrefix}-output`} label="Output share" value={inputs.outputSharePercent} step={1} onChange={set("outputSharePercent")} suffix="%" />
        <NumberInput id={`${idPrefix}-price`} label="Purchase price per box" value={inputs.purchasePriceUsd} step={100} onChange={set("purchasePriceUsd")} suffix="USD" />
        <NumberInput id={`${idPrefix}-months`} label="Amortisation" value={inputs.amortisationMonths} step={1} onChange={set("amortisationMonths")} suffix="months" />
        <NumberInput id={`${idPrefix}-watts`} label="Power under load" value={inputs.watts} step={10} onChange={set("watts")} suffix="W" />
        <NumberInput id={`${idPrefix}-kwh`} label="Electricity" value={inputs.usdPerKwh} step={0.01} onChange={set("usdPerKwh")} suffix="$/kWh" />
        <NumberInput id={`${idPrefix}-capacity`} label="Capacity per box" value={inputs.tokensPerDayMillions} step={0.5} onChange={set("tokensPerDayMillions")} suffix="M/day" />
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-1 text-sm text-slate-700" aria-live="polite">
        <span>
          <strong className="tabular-nums">{result.boxes}</strong> {result.boxes === 1 ? "box" : "boxes"} at {formatShare(result.utilisation, 0)} utilisation
        </span>
        <span>
          Local cost <strong className="tabular-nums">{formatUsd(result.localMonthlyUsd)}</strong>/month ({formatUsd(result.monthlyAmortisationUsd)} amortisation + {formatUsd(result.monthlyPowerUsd)} power)
        </span>
        <span>
          = <strong className="tabular-nums">{result.localPricePerMTok === null ? "—" : formatUsd(result.localPricePerMTok, { precise: result.localPricePerMTok < 1 })}</strong> per 1M tokens
        </span>
        {changed ? (
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setInputs(actual)}>
            Back to the actual volume
          </Button>
        ) : (
          <span className="text-xs text-slate-500">Figures for the volume the local tier actually served ({formatTokenCount(Math.round(actual.monthlyMillions * 1_000_000))} tokens/month).</span>
        )}
      </div>
      <div className="overflow-hidden rounded-md border border-slate-200">
        <Table label="Break-even figures">
          <thead>
            <tr>
              <Th>Same tokens on</Th>
              <Th>Tier</Th>
              <Th className="text-right">Blended price</Th>
              <Th className="text-right">Hosted per month</Th>
              <Th className="text-right">Saved vs power</Th>
              <Th className="text-right">Hardware pays back in</Th>
            </tr>
          </thead>
          <tbody>
            {result.comparisons.map((row) => (
              <tr key={row.alias} className={row.paysBack ? undefined : "text-slate-500"}>
                <Td className="font-mono text-xs">{row.alias}</Td>
                <Td>{row.tierName}</Td>
                <Td className="text-right tabular-nums">{formatUsd(row.blendedPricePerMTok, { precise: row.blendedPricePerMTok < 1 })} / 1M</Td>
                <Td className="text-right tabular-nums">{formatUsd(row.hostedMonthlyUsd)}</Td>
                <Td className="text-right tabular-nums">{formatUsd(row.monthlySavingUsd)}</Td>
                <Td className={`text-right tabular-nums ${row.paysBack ? "font-medium text-emerald-700" : ""}`}>{formatMonths(row.breakEvenMonths)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
