// What the model form holds (text as typed) and how it becomes the action's input. Kept
// apart from the component so both the form and its tests read one mapping.
import type { CatalogueEntry } from "@/lib/config/catalogue/catalogue-entry";
import type { CatalogueModel, HardwareProfileView } from "@/console/models/server/load-model-catalogue";
import type { Capability } from "@/lib/routing/types";

export interface ModelFormValues {
  alias: string;
  providerModelId: string;
  tierKey: string;
  providerKey: string;
  licenceKey: string;
  enabled: boolean;
  priority: string;
  contextWindow: string;
  maxOutputTokens: string;
  capabilities: Capability[];
  pricingSource: "list" | "hardware";
  inputPrice: string;
  outputPrice: string;
  cachedInputPrice: string;
  cacheWritePrice: string;
  longContextOn: boolean;
  longContextThreshold: string;
  longContextInputPrice: string;
  longContextOutputPrice: string;
  /** The catalogue entry the values came from; "" = typed by hand. */
  catalogueRef: string;
  kind: "chat" | "embedding";
  /** Embedding models' vector length; "" = not recorded. */
  embeddingDimensions: string;
  /** "" = a new profile. */
  profileId: string;
  profileVersion: number;
  profileName: string;
  purchasePriceUsd: string;
  amortisationMonths: string;
  watts: string;
  usdPerKwh: string;
  tokensPerDay: string;
}

const text = (value: number | null) => (value === null ? "" : String(value));

export function profileValues(profile: HardwareProfileView | null): Pick<ModelFormValues, "profileId" | "profileVersion" | "profileName" | "purchasePriceUsd" | "amortisationMonths" | "watts" | "usdPerKwh" | "tokensPerDay"> {
  return {
    profileId: profile?.id ?? "",
    profileVersion: profile?.version ?? 0,
    profileName: profile?.name ?? "",
    purchasePriceUsd: text(profile?.purchasePriceUsd ?? null),
    amortisationMonths: profile ? String(profile.amortisationMonths) : "36",
    watts: text(profile?.watts ?? null),
    usdPerKwh: text(profile?.usdPerKwh ?? null),
    tokensPerDay: text(profile?.tokensPerDay ?? null),
  };
}

export function initialModelValues(model: CatalogueModel | null, tierKey: string, profiles: HardwareProfileView[]): ModelFormValues {
  const profile = profiles.find((candidate) => candidate.id === model?.hardwareProfileId) ?? null;
  return {
    alias: model?.alias ?? "",
    providerModelId: model?.providerModelId ?? "",
    tierKey,
    providerKey: model?.provider.key ?? "",
    licenceKey: model?.licence?.key ?? "",
    enabled: model?.enabled ?? true,
    priority: String(model?.priority ?? 100),
    contextWindow: model ? String(model.contextWindow) : "",
    maxOutputTokens: text(model?.maxOutputTokens ?? null),
    capabilities: model?.capabilities ?? [],
    pricingSource: profile ? "hardware" : "list",
    inputPrice: text(model?.listInputPricePerMTok ?? null),
    outputPrice: text(model?.listOutputPricePerMTok ?? null),
    cachedInputPrice: text(model?.cachedInputPricePerMTok ?? null),
    cacheWritePrice: text(model?.cacheWritePricePerMTok ?? null),
    longContextOn: model?.longContext != null,
    longContextThreshold: text(model?.longContext?.thresholdTokens ?? null),
    longContextInputPrice: text(model?.longContext?.inputPricePerMTok ?? null),
    longContextOutputPrice: text(model?.longContext?.outputPricePerMTok ?? null),
    catalogueRef: model?.catalogueRef ?? "",
    kind: model?.kind ?? "chat",
    embeddingDimensions: text(model?.embeddingDimensions ?? null),
    ...profileValues(profile),
  };
}

/** The shape modelInputSchema reads; numbers stay text so the schema reports them as typed. */
export function toModelInput(values: ModelFormValues, version: number) {
  return {
    alias: values.alias,
    version,
    providerModelId: values.providerModelId,
    tierKey: values.tierKey,
    providerKey: values.providerKey,
    licenceKey: values.licenceKey,
    enabled: values.enabled,
    priority: values.priority,
    contextWindow: values.contextWindow,
    maxOutputTokens: values.maxOutputTokens,
    capabilities: values.capabilities,
    catalogueRef: values.catalogueRef,
    kind: values.kind,
    embeddingDimensions: values.kind === "embedding" ? values.embeddingDimensions : "",
    pricing:
      values.pricingSource === "list"
        ? {
            source: "list" as const,
            inputPricePerMTok: values.inputPrice,
            outputPricePerMTok: values.outputPrice,
            cachedInputPricePerMTok: values.cachedInputPrice,
            cacheWritePricePerMTok: values.cacheWritePrice,
            longContext: values.longContextOn
              ? { thresholdTokens: values.longContextThreshold, inputPricePerMTok: values.longContextInputPrice, outputPricePerMTok: values.longContextOutputPrice }
              : null,
          }
        : {
            source: "hardware" as const,
            profile: {
              id: values.profileId === "" ? null : values.profileId,
              version: values.profileVersion,
              name: values.profileName,
              purchasePriceUsd: values.purchasePriceUsd,
              amortisationMonths: values.amortisationMonths,
              watts: values.watts,
              usdPerKwh: values.usdPerKwh,
              tokensPerDay: values.tokensPerDay,
            },
          },
  };
}

const SLUG_CHARACTERS = /[^a-z0-9._-]+/g;

/** An alias suggestion from a catalogue id: "meta-llama/Llama-3.3-70B-Instruct-Turbo" → "llama-3.3-70b-instruct-turbo". */
export function aliasFrom(modelId: string): string {
  const last = modelId.split("/").at(-1) ?? modelId;
  return last.toLowerCase().replace(/[:@]/g, "-").replace(SLUG_CHARACTERS, "-").replace(/-+/g, "-").replace(/^[-._]+|[-._]+$/g, "").slice(0, 64);
}

/**
 * What choosing a catalogue entry changes in the form: every value the catalogue has replaces
 * the field (the engineer can still edit it afterwards); values it lacks leave the field as it
 * is. The provider's model id is taken only when the form's provider is that catalogue
 * provider (then the catalogue's id is the API's) or when it is still empty; a new model with
 * no alias gets one from the id.
 */
export function applyCatalogueEntry(values: ModelFormValues, entry: CatalogueEntry, options: { providerCatalogue: string | null; creating: boolean }): Partial<ModelFormValues> {
  const patch: Partial<ModelFormValues> = { catalogueRef: entry.ref };
  if (options.providerCatalogue === entry.provider || values.providerModelId.trim() === "") patch.providerModelId = entry.modelId;
  if (options.creating && values.alias.trim() === "") patch.alias = aliasFrom(entry.modelId);
  if (entry.capabilities) patch.capabilities = entry.capabilities;
  if (entry.contextWindow !== null) patch.contextWindow = String(entry.contextWindow);
  if (entry.maxOutputTokens !== null) patch.maxOutputTokens = String(entry.maxOutputTokens);
  if (entry.inputPricePerMTok !== null) patch.inputPrice = String(entry.inputPricePerMTok);
  if (entry.outputPricePerMTok !== null) patch.outputPrice = String(entry.outputPricePerMTok);
  if (entry.sources.prices !== null) {
    // A price list that has no cache or long-context price means there is none: clear old ones.
    patch.cachedInputPrice = text(entry.cachedInputPricePerMTok);
    patch.cacheWritePrice = text(entry.cacheWritePricePerMTok);
    patch.longContextOn = entry.longContext !== null;
    patch.longContextThreshold = text(entry.longContext?.thresholdTokens ?? null);
    patch.longContextInputPrice = text(entry.longContext?.inputPricePerMTok ?? null);
    patch.longContextOutputPrice = text(entry.longContext?.outputPricePerMTok ?? null);
  }
  return patch;
}
