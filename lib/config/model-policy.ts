// The one translation of a Model row into the engine's ModelPolicy: the snapshot, the licence
// review and "test connection" all read a model the same way. Local models priced by a hardware
// profile get their effective price per 1M tokens here, so the engine and the ledger see one number.
import { effectivePricePerMTok } from "@/lib/pricing/cost";
import { CAPABILITIES, type Capability, type ModelPolicy } from "@/lib/routing/types";

type DecimalLike = { toNumber(): number };
const toNumber = (value: DecimalLike | null): number | null => (value === null ? null : value.toNumber());

export interface ModelRow {
  alias: string;
  providerModelId: string;
  contextWindow: number;
  inputPricePerMTok: DecimalLike | null;
  outputPricePerMTok: DecimalLike | null;
  cachedInputPricePerMTok: DecimalLike | null;
  cacheWritePricePerMTok: DecimalLike | null;
  longContextThresholdTokens: number | null;
  longContextInputPricePerMTok: DecimalLike | null;
  longContextOutputPricePerMTok: DecimalLike | null;
  supportsTools: boolean;
  supportsStructuredOutput: boolean;
  supportsImages: boolean;
  supportsReasoning: boolean;
  maxOutputTokens: number | null;
  enabled: boolean;
  priority: number;
  /** "chat" or "embedding" (a string column; anything else reads as chat). */
  kind: string;
  embeddingDimensions: number | null;
  hardwareProfile: { purchasePriceUsd: DecimalLike; amortisationMonths: number; watts: number; usdPerKwh: DecimalLike; tokensPerDay: number } | null;
}

/** The capability list a row's switches describe, in CAPABILITIES order. */
export function capabilitiesOf(row: Pick<ModelRow, "supportsTools" | "supportsStructuredOutput" | "supportsImages" | "supportsReasoning">): Capability[] {
  const has: Record<Capability, boolean> = {
    tools: row.supportsTools,
    structured_output: row.supportsStructuredOutput,
    images: row.supportsImages,
    reasoning: row.supportsReasoning,
  };
  return CAPABILITIES.filter((capability) => has[capability]);
}

/** The switches for a capability list (the inverse of capabilitiesOf). */
export function capabilityColumns(capabilities: readonly Capability[]) {
  return {
    supportsTools: capabilities.includes("tools"),
    supportsStructuredOutput: capabilities.includes("structured_output"),
    supportsImages: capabilities.includes("images"),
    supportsReasoning: capabilities.includes("reasoning"),
  };
}

export function modelPolicyOf(row: ModelRow, refs: { providerKey: string; tierKey: string; licenceKey: string | null }): ModelPolicy {
  const profile = row.hardwareProfile;
  // Hardware has no cache discount: every token costs the same amortised price.
  const hardwarePrice = profile
    ? effectivePricePerMTok({
        purchasePriceUsd: profile.purchasePriceUsd.toNumber(),
        amortisationMonths: profile.amortisationMonths,
        watts: profile.watts,
        usdPerKwh: profile.usdPerKwh.toNumber(),
        tokensPerDay: profile.tokensPerDay,
      })
    : null;
  return {
    alias: row.alias,
    providerModelId: row.providerModelId,
    providerKey: refs.providerKey,
    tierKey: refs.tierKey,
    contextWindow: row.contextWindow,
    inputPricePerMTok: hardwarePrice ?? toNumber(row.inputPricePerMTok),
    outputPricePerMTok: hardwarePrice ?? toNumber(row.outputPricePerMTok),
    licenceKey: refs.licenceKey,
    enabled: row.enabled,
    priority: row.priority,
    capabilities: capabilitiesOf(row),
    kind: row.kind === "embedding" ? "embedding" : "chat",
    embeddingDimensions: row.embeddingDimensions,
    maxOutputTokens: row.maxOutputTokens,
    cachedInputPricePerMTok: hardwarePrice ?? toNumber(row.cachedInputPricePerMTok),
    cacheWritePricePerMTok: hardwarePrice ?? toNumber(row.cacheWritePricePerMTok),
    longContext:
      hardwarePrice === null && row.longContextThresholdTokens !== null
        ? {
            thresholdTokens: row.longContextThresholdTokens,
            inputPricePerMTok: toNumber(row.longContextInputPricePerMTok),
            outputPricePerMTok: toNumber(row.longContextOutputPricePerMTok),
          }
        : null,
  };
}
