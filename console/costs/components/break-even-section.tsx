import { Card, CardHeader } from "@/components/ui/card";
import type { CostFilters } from "@/lib/analytics/costs/cost-filters";
import type { BreakEvenBlock } from "@/lib/analytics/costs/load-cost-report";
import { formatTokenCount } from "@/lib/analytics/format-report";
import { formatUsd } from "@/lib/format";
import { BreakEvenCalculator } from "./break-even-calculator";
import { CsvLink } from "./csv-link";
import { csvHref } from "./csv-href";

export function BreakEvenSection({ blocks, days, filters }: { blocks: BreakEvenBlock[]; days: number; filters: CostFilters }) {
  return (
    <Card id="break-even">
      <CardHeader
        title="Local break-even"
        description="What the tokens the local tier served would have cost on each hosted model, and how many months the hardware takes to pay for itself at that volume: purchase ÷ (hosted bill − power bill), as in the seed articles. Change the inputs to try other volumes."
        actions={<CsvLink href={csvHref("break-even", filters)} title="Local break-even" />}
      />
      <div className="space-y-6 px-5 py-4">
        {blocks.length === 0 ? (
          <p className="text-sm text-slate-500">No local model has a hardware profile, so there is nothing to break even.</p>
        ) : (
          blocks.map((block, index) => (
            <div key={block.profileId} className="space-y-3">
              <p className="text-sm text-slate-700">
                <strong>{block.hardware.name}</strong> ({formatUsd(block.hardware.purchasePriceUsd)}, {block.hardware.amortisationMonths} months, {block.hardware.watts} W at{" "}
                {formatUsd(block.hardware.usdPerKwh, { precise: true })}/kWh, {formatTokenCount(block.hardware.tokensPerDay)} tokens/day) serves {block.models.join(", ")}. In the {days} days selected
                they handled {formatTokenCount(Math.round(block.rangeInputTokens + block.rangeOutputTokens))} tokens: {formatTokenCount(Math.round(block.monthlyInputTokens + block.monthlyOutputTokens))} per month.
              </p>
              <BreakEvenCalculator
                idPrefix={`break-even-${index}`}
                hardware={block.hardware}
                monthlyInputTokens={block.monthlyInputTokens}
                monthlyOutputTokens={block.monthlyOutputTokens}
                hosted={block.hosted}
              />
            </div>
          ))
        )}
      </div>
    </Card>
  );
}
