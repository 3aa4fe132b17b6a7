// Local break-even (seeds 001 and 002): given a hardware profile and the token volume the local
// tier actually handled, what the same tokens would cost on each hosted model, and how many months
// the hardware takes to pay for itself at that volume: purchase ÷ (hosted bill − power bill).
// Pure and free of server code: the page computes it, and the calculator island recomputes it in
// the browser when someone tries other volumes or prices.
import { breakEvenMonths, DAYS_PER_MONTH, monthlyPowerCostUsd } from "@/lib/pricing/cost";

export interface BreakEvenHardware {
  name: string;
  purchasePriceUsd: number;
  amortisationMonths: number;
  watts: number;
  usdPerKwh: number;
  /** Sustained tokens per day one box serves. */
  tokensPerDay: number;
}

export interface HostedPrice {
  alias: string;
  tierKey: string;
  tierName: string;
  inputPricePerMTok: number;
  outputPricePerMTok: number;
}

export interface BreakEvenInputs {
  hardware: BreakEvenHardware;
  monthlyInputTokens: number;
  monthlyOutputTokens: number;
  hosted: readonly HostedPrice[];
}

export interface BreakEvenComparison extends HostedPrice {
  /** Price per 1M tokens at this volume's input/output mix. */
  blendedPricePerMTok: number;
  /** What the local tier's monthly tokens would cost on this model. */
  hostedMonthlyUsd: number;
  /** Hosted bill − local power bill: what owning the boxes saves each month before amortisation. */
  monthlySavingUsd: number;
  /** Null when the hosted bill does not exceed the power bill: the hardware never pays back. */
  breakEvenMonths: number | null;
  /** Pays back within the profile's amortisation period. */
  paysBack: boolean;
}

export interface BreakEvenResult {
  monthlyTokens: number;
  dailyTokens: number;
  /** Boxes needed to serve the daily volume (at least one). */
  boxes: number;
  /** Share of the boxes' capacity in use, 0..1. */
  utilisation: number;
  purchaseUsd: number;
  monthlyAmortisationUsd: number;
  monthlyPowerUsd: number;
  /** Amortisation + power: what the local tier costs per month at this volume. */
  localMonthlyUsd: number;
  /** Local cost per 1M tokens at this volume (null without volume). */
  localPricePerMTok: number | null;
  comparisons: BreakEvenComparison[];
}

const PER_MTOK = 1_000_000;

/** Tokens per month from a volume observed over `days` days. */
export function monthlyVolume(tokens: number, days: number): number {
  return days > 0 ? (tokens / days) * DAYS_PER_MONTH : 0;
}

export function computeBreakEven({ hardware, monthlyInputTokens, monthlyOutputTokens, hosted }: BreakEvenInputs): BreakEvenResult {
  const input = Math.max(0, monthlyInputTokens);
  const output = Math.max(0, monthlyOutputTokens);
  const monthlyTokens = input + output;
  const dailyTokens = monthlyTokens / DAYS_PER_MONTH;
  const capacity = Math.max(0, hardware.tokensPerDay);
  const boxes = capacity > 0 ? Math.max(1, Math.ceil(dailyTokens / capacity)) : 1;
  const utilisation = capacity > 0 ? Math.min(1, dailyTokens / (capacity * boxes)) : 0;
  const purchaseUsd = hardware.purchasePriceUsd * boxes;
  const monthlyAmortisationUsd = hardware.amortisationMonths > 0 ? purchaseUsd / hardware.amortisationMonths : 0;
  // Each box draws its load wattage while busy (seed 001's method; idle draw left out).
  const monthlyPowerUsd = monthlyPowerCostUsd(hardware.watts * boxes, hardware.usdPerKwh, utilisation);
  const localMonthlyUsd = monthlyAmortisationUsd + monthlyPowerUsd;
  const comparisons = hosted
    .map((model): BreakEvenComparison => {
      const hostedMonthlyUsd = (input * model.inputPricePerMTok + output * model.outputPricePerMTok) / PER_MTOK;
      const blendedPricePerMTok = monthlyTokens > 0 ? (hostedMonthlyUsd / monthlyTokens) * PER_MTOK : (model.inputPricePerMTok + model.outputPricePerMTok) / 2;
      const months = monthlyTokens > 0 ? breakEvenMonths(purchaseUsd, monthlyTokens, blendedPricePerMTok, monthlyPowerUsd) : null;
      return {
        ...model,
        blendedPricePerMTok,
        hostedMonthlyUsd,
        monthlySavingUsd: hostedMonthlyUsd - monthlyPowerUsd,
        breakEvenMonths: months,
        paysBack: months !== null && months <= hardware.amortisationMonths,
      };
    })
    .sort((a, b) => a.blendedPricePerMTok - b.blendedPricePerMTok || a.alias.localeCompare(b.alias));
  return {
    monthlyTokens,
    dailyTokens,
    boxes,
    utilisation,
    purchaseUsd,
    monthlyAmortisationUsd,
    monthlyPowerUsd,
    localMonthlyUsd,
    localPricePerMTok: monthlyTokens > 0 ? (localMonthlyUsd / monthlyTokens) * PER_MTOK : null,
    comparisons,
  };
}
