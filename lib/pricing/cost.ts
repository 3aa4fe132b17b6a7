// The pricing core: cost math for the ledger, the policy engine, What-if and the break-even
// dashboard. Pure, and it imports nothing of theirs: each of them imports it, so the arrows
// point one way (routing → pricing ← ledger) and its shapes are declared here, structurally.
// Prices are USD per 1M tokens. An unknown price is null and stays null — a cost is never
// silently zero, because a zero would make an unpriced model look like the cheapest one.

const TOKENS_PER_PRICE_UNIT = 1_000_000;

/** Average days in a calendar month (365.25 / 12, rounded as seed 001's sketch does). */
export const DAYS_PER_MONTH = 30.44;
const HOURS_PER_DAY = 24;

/** A vendor's long-context tier: above `thresholdTokens` input tokens the whole request costs these prices. */
export interface LongContextPrices {
  thresholdTokens: number;
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
}

/** A model's prices, as the policy's ModelPolicy carries them (USD per 1M tokens; null = unknown). */
export interface Priced {
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  /** Prompt-cache read / write prices; null or absent = priced as plain input. */
  cachedInputPricePerMTok?: number | null;
  cacheWritePricePerMTok?: number | null;
  longContext?: LongContextPrices | null;
}

/** The part of a policy snapshot the baseline is priced from. */
export interface BaselinePrices {
  models: ReadonlyArray<Priced & { alias: string }>;
  /** Alias of the model every cost is compared against; null = no baseline. */
  baselineModelAlias: string | null;
}

/** Token counts as the ledger prices them: cached and cache-write tokens are part of inputTokens. */
export interface PricedTokens {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number;
  cacheWriteTokens?: number;
}

/** Per-1M prices for a request of `inputTokens`: the long-context tier's above its threshold. */
function pricesFor(model: Priced, inputTokens: number) {
  const long = model.longContext && inputTokens > model.longContext.thresholdTokens ? model.longContext : null;
  const input = long?.inputPricePerMTok ?? model.inputPricePerMTok;
  const output = long?.outputPricePerMTok ?? model.outputPricePerMTok;
  // A cache price the vendor does not publish is charged as plain input, never as free.
  return { input, output, cached: model.cachedInputPricePerMTok ?? input, cacheWrite: model.cacheWritePricePerMTok ?? input };
}

/** What the tokens cost on `model`; null when its input or output price is unknown. */
export function tokensCostUsd(model: Priced, tokens: PricedTokens): number | null {
  const prices = pricesFor(model, tokens.inputTokens);
  if (prices.input === null || prices.output === null || prices.cached === null || prices.cacheWrite === null) return null;
  const cached = Math.min(tokens.cachedInputTokens ?? 0, tokens.inputTokens);
  const written = Math.min(tokens.cacheWriteTokens ?? 0, tokens.inputTokens - cached);
  const plain = tokens.inputTokens - cached - written;
  return (plain * prices.input + cached * prices.cached + written * prices.cacheWrite + tokens.outputTokens * prices.output) / TOKENS_PER_PRICE_UNIT;
}

/** What one request costs on `model` with no prompt caching; null when a price is unknown. */
export function requestCostUsd(model: Priced, inputTokens: number, outputTokens: number): number | null {
  return tokensCostUsd(model, { inputTokens, outputTokens });
}

/**
 * What prompt caching saved: the cost with every input token priced as plain input, minus the
 * real cost. Negative when cache writes cost more than they saved this time; null when unpriced.
 */
export function cacheSavingsUsd(model: Priced, tokens: PricedTokens): number | null {
  if (!tokens.cachedInputTokens && !tokens.cacheWriteTokens) return 0;
  const actual = tokensCostUsd(model, tokens);
  const uncached = requestCostUsd(model, tokens.inputTokens, tokens.outputTokens);
  return actual === null || uncached === null ? null : uncached - actual;
}

/**
 * What the same tokens would have cost on the snapshot's baseline (frontier) model, so that
 * savings = baseline − actual. The baseline gets the same cache hits (caching is a property of
 * the traffic, not of the tier), priced at its own cache prices. Null when no baseline is set,
 * it is missing, or it is unpriced.
 */
export function baselineCostUsd(
  snapshot: BaselinePrices,
  tokensOrInput: PricedTokens | number,
  outputTokens = 0,
): number | null {
  if (snapshot.baselineModelAlias === null) return null;
  const baseline = snapshot.models.find((model) => model.alias === snapshot.baselineModelAlias);
  const tokens = typeof tokensOrInput === "number" ? { inputTokens: tokensOrInput, outputTokens } : tokensOrInput;
  return baseline === undefined ? null : tokensCostUsd(baseline, tokens);
}

/** A local inference box, as an admin describes it in the console. */
export interface HardwareProfile {
  purchasePriceUsd: number;
  /** Months over which the purchase is written off (e.g. 36). */
  amortisationMonths: number;
  /** Draw under load. */
  watts: number;
  usdPerKwh: number;
  /** Sustained throughput at full load, e.g. ~3M for a 24 GB card on a 27B-class model. */
  tokensPerDay: number;
  /**
   * Share of the day the box is actually under load, 0 < u ≤ 1 (default 1 = flat out).
   * It scales both the tokens produced and the power drawn.
   */
  utilisation?: number;
}

/**
 * Monthly electricity: watts × 24 h × 30.44 days × $/kWh × utilisation.
 * Assumes the card draws its load wattage while busy and nothing while idle — idle draw
 * (tens of watts) is small next to the amortisation and is left out, as seed 001 does.
 */
export function monthlyPowerCostUsd(watts: number, usdPerKwh: number, utilisation = 1): number {
  return (watts / 1000) * HOURS_PER_DAY * DAYS_PER_MONTH * usdPerKwh * utilisation;
}

/**
 * Effective USD per 1M tokens of a local model, following seed 001's method:
 * (monthly amortisation + monthly power) ÷ monthly tokens, where monthly tokens =
 * tokens/day × utilisation × 30.44. People time and cooling are not included; a team that
 * wants them in can add them to the purchase price. Input and output tokens cost the same
 * on owned hardware, so the one figure serves as both prices.
 *
 * Null (price unknown) for a profile that describes no throughput, no write-off period or a
 * utilisation outside (0, 1]: a price per token is meaningless there, and the snapshot is
 * built from stored profiles, so one bad row must not throw and take the gateway down.
 */
export function effectivePricePerMTok(hardware: HardwareProfile): number | null {
  const utilisation = hardware.utilisation ?? 1;
  if (!(utilisation > 0 && utilisation <= 1)) return null;
  if (!(hardware.amortisationMonths > 0) || !(hardware.tokensPerDay > 0)) return null;

  const amortisation = hardware.purchasePriceUsd / hardware.amortisationMonths;
  const power = monthlyPowerCostUsd(hardware.watts, hardware.usdPerKwh, utilisation);
  const monthlyTokens = hardware.tokensPerDay * utilisation * DAYS_PER_MONTH;
  return ((amortisation + power) / monthlyTokens) * TOKENS_PER_PRICE_UNIT;
}

/**
 * Months until buying the hardware pays for itself against a hosted price for the same
 * volume: purchase ÷ (hosted monthly bill − monthly power). Null when the hosted bill does
 * not exceed the power bill — then the hardware never pays back.
 */
export function breakEvenMonths(
  purchasePriceUsd: number,
  monthlyTokens: number,
  hostedPricePerMTok: number,
  monthlyPowerCostUsd: number,
): number | null {
  const monthlySaving = (monthlyTokens / TOKENS_PER_PRICE_UNIT) * hostedPricePerMTok - monthlyPowerCostUsd;
  if (monthlySaving <= 0) return null;
  return purchasePriceUsd / monthlySaving;
}
