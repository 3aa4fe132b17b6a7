// What the model form holds (text as typed) and how it becomes the action's input. Kept
// apart from the component so both the form and its tests read one mapping.
import type { CatalogueModel, HardwareProfileView } from "@/lib/config/load-model-catalogue";

export interface ModelFormValues {
  alias: string;
  providerModelId: string;
  tierKey: string;
  providerKey: string;
  licenceKey: string;
  enabled: boolean;
  priority: string;
  contextWindow: string;
  pricingSource: "list" | "hardware";
  inputPrice: string;
  outputPrice: string;
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
    pricingSource: profile ? "hardware" : "list",
    inputPrice: text(model?.listInputPricePerMTok ?? null),
    outputPrice: text(model?.listOutputPricePerMTok ?? null),
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
    pricing:
      values.pricingSource === "list"
        ? { source: "list" as const, inputPricePerMTok: values.inputPrice, outputPricePerMTok: values.outputPrice }
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
