// The effective price of a local model while someone types its hardware profile: the same
// cost.ts math the snapshot uses, fed from form text, with the parts spelled out. Pure and
// client-safe.
import { DAYS_PER_MONTH, effectivePricePerMTok, monthlyPowerCostUsd, type HardwareProfile } from "@/lib/pricing/cost";

export interface HardwareProfileText {
  purchasePriceUsd: string;
  amortisationMonths: string;
  watts: string;
  usdPerKwh: string;
  tokensPerDay: string;
}

export type HardwarePriceView = { ok: true; pricePerMTok: number; headline: string; breakdown: string } | { ok: false; headline: string };

const dollars = (value: number, digits = 2) => `$${value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
const parse = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.trim().replace(/,/g, "")));

/** "$0.0397 per 1M tokens" with "amortisation $44.44 + power $49.31 a month over 91.3M tokens". */
export function describeHardwarePrice(text: HardwareProfileText): HardwarePriceView {
  const profile = {
    purchasePriceUsd: parse(text.purchasePriceUsd),
    amortisationMonths: parse(text.amortisationMonths),
    watts: parse(text.watts),
    usdPerKwh: parse(text.usdPerKwh),
    tokensPerDay: parse(text.tokensPerDay),
  };
  if (Object.values(profile).some((value) => !Number.isFinite(value) || value < 0)) {
    return { ok: false, headline: "Fill in every hardware field to see the effective price." };
  }
  const price = effectivePricePerMTok(profile);
  if (price === null) return { ok: false, headline: "Needs at least one month of amortisation and some tokens per day." };
  const amortisation = profile.purchasePriceUsd / profile.amortisationMonths;
  const power = monthlyPowerCostUsd(profile.watts, profile.usdPerKwh);
  const monthlyTokens = profile.tokensPerDay * DAYS_PER_MONTH;
  return {
    ok: true,
    pricePerMTok: price,
    headline: `${dollars(price, price < 1 ? 4 : 2)} per 1M tokens`,
    breakdown: `amortisation ${dollars(amortisation)} + power ${dollars(power)} a month, over ${(monthlyTokens / 1_000_000).toFixed(1)}M tokens a month`,
  };
}

/**
 * The marginal (power-only) price per 1M tokens of a local model: what one more request costs
 * once the hardware is bought. The full (effective) price also writes off the purchase; routing
 * charges that one, but the marginal one is why local-first is cheap to run. Null as for the full price.
 */
export function powerOnlyPricePerMTok(hardware: HardwareProfile): number | null {
  const utilisation = hardware.utilisation ?? 1;
  if (!(utilisation > 0 && utilisation <= 1) || !(hardware.tokensPerDay > 0)) return null;
  const monthlyTokens = hardware.tokensPerDay * utilisation * DAYS_PER_MONTH;
  return (monthlyPowerCostUsd(hardware.watts, hardware.usdPerKwh, utilisation) / monthlyTokens) * 1_000_000;
}
