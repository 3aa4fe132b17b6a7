import "server-only";
import { getDb } from "@/lib/db";
import { effectivePricePerMTok } from "@/lib/pricing/cost";
import type { Capability } from "@/lib/routing/types";
import { catalogueProviderFor } from "@/lib/config/catalogue/lookup-catalogue";
import { capabilitiesOf } from "@/lib/config/model-policy";
import { toPolicyKind } from "@/lib/config/provider-kind";

export interface HardwareProfileView {
  id: string;
  name: string;
  version: number;
  purchasePriceUsd: number;
  amortisationMonths: number;
  watts: number;
  usdPerKwh: number;
  tokensPerDay: number;
  /** Models priced by this profile: editing it changes all their prices. */
  usedBy: string[];
}

export interface CatalogueModel {
  alias: string;
  version: number;
  providerModelId: string;
  provider: { key: string; name: string; kind: string; region: string };
  contextWindow: number;
  /** The list prices as stored (USD per 1M tokens); ignored while a hardware profile prices the model. */
  listInputPricePerMTok: number | null;
  listOutputPricePerMTok: number | null;
  /** What the engine charges: the effective hardware price, or the list prices. */
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  priceSource: "list" | "hardware" | "unknown";
  hardwareProfileId: string | null;
  hardwareProfileName: string | null;
  licence: { key: string; name: string; commercialUse: string } | null;
  enabled: boolean;
  priority: number;
  isBaseline: boolean;
  capabilities: Capability[];
  maxOutputTokens: number | null;
  /** List prices for prompt-cache reads and writes; ignored while a hardware profile prices the model. */
  cachedInputPricePerMTok: number | null;
  cacheWritePricePerMTok: number | null;
  longContext: { thresholdTokens: number; inputPricePerMTok: number | null; outputPricePerMTok: number | null } | null;
  /** The offline catalogue entry the values came from, if any. */
  catalogueRef: string | null;
  kind: "chat" | "embedding";
  embeddingDimensions: number | null;
}

export interface ProviderOption {
  key: string;
  name: string;
  kind: string;
  enabled: boolean;
  /** The offline catalogue's provider this one is (by kind and base URL); null for simulators and local servers. */
  catalogueProvider: string | null;
}

export interface CatalogueTier {
  key: string;
  name: string;
  rank: number;
  description: string;
  version: number;
  models: CatalogueModel[];
}

export interface ModelCatalogue {
  tiers: CatalogueTier[];
  providers: ProviderOption[];
  licences: Array<{ key: string; name: string }>;
  hardwareProfiles: HardwareProfileView[];
}

/** Everything the Models & tiers page shows and its forms offer, from the working configuration. */
export async function loadModelCatalogue(): Promise<ModelCatalogue> {
  const db = getDb();
  const [tiers, providers, licences, profiles] = await Promise.all([
    db.tier.findMany({
      orderBy: { rank: "asc" },
      include: { models: { orderBy: [{ priority: "asc" }, { alias: "asc" }], include: { provider: true, licence: true, hardwareProfile: true } } },
    }),
    db.provider.findMany({ orderBy: { name: "asc" }, select: { key: true, name: true, kind: true, enabled: true, baseUrl: true } }),
    db.licence.findMany({ orderBy: { name: "asc" }, select: { key: true, name: true } }),
    db.hardwareProfile.findMany({ orderBy: { name: "asc" }, include: { models: { select: { alias: true }, orderBy: { alias: "asc" } } } }),
  ]);

  const hardwareProfiles: HardwareProfileView[] = profiles.map((profile) => ({
    id: profile.id,
    name: profile.name,
    version: profile.version,
    purchasePriceUsd: profile.purchasePriceUsd.toNumber(),
    amortisationMonths: profile.amortisationMonths,
    watts: profile.watts,
    usdPerKwh: profile.usdPerKwh.toNumber(),
    tokensPerDay: profile.tokensPerDay,
    usedBy: profile.models.map((model) => model.alias),
  }));
  const profileById = new Map(hardwareProfiles.map((profile) => [profile.id, profile]));

  return {
    tiers: tiers.map((tier) => ({
      key: tier.key,
      name: tier.name,
      rank: tier.rank,
      description: tier.description,
      version: tier.version,
      models: tier.models.map((model) => {
        const profile = model.hardwareProfileId ? profileById.get(model.hardwareProfileId) : undefined;
        const hardwarePrice = profile ? effectivePricePerMTok(profile) : null;
        const listInput = model.inputPricePerMTok?.toNumber() ?? null;
        const listOutput = model.outputPricePerMTok?.toNumber() ?? null;
        const input = hardwarePrice ?? listInput;
        const output = hardwarePrice ?? listOutput;
        return {
          alias: model.alias,
          version: model.version,
          providerModelId: model.providerModelId,
          provider: { key: model.provider.key, name: model.provider.name, kind: model.provider.kind, region: model.provider.region },
          contextWindow: model.contextWindow,
          listInputPricePerMTok: listInput,
          listOutputPricePerMTok: listOutput,
          inputPricePerMTok: input,
          outputPricePerMTok: output,
          priceSource: hardwarePrice !== null ? "hardware" : input === null || output === null ? "unknown" : "list",
          hardwareProfileId: profile?.id ?? null,
          hardwareProfileName: profile?.name ?? null,
          licence: model.licence ? { key: model.licence.key, name: model.licence.name, commercialUse: model.licence.commercialUse } : null,
          enabled: model.enabled,
          priority: model.priority,
          isBaseline: model.isBaseline,
          capabilities: capabilitiesOf(model),
          maxOutputTokens: model.maxOutputTokens,
          cachedInputPricePerMTok: model.cachedInputPricePerMTok?.toNumber() ?? null,
          cacheWritePricePerMTok: model.cacheWritePricePerMTok?.toNumber() ?? null,
          longContext:
            model.longContextThresholdTokens === null
              ? null
              : { thresholdTokens: model.longContextThresholdTokens, inputPricePerMTok: model.longContextInputPricePerMTok?.toNumber() ?? null, outputPricePerMTok: model.longContextOutputPricePerMTok?.toNumber() ?? null },
          catalogueRef: model.catalogueRef,
          kind: model.kind === "embedding" ? "embedding" : "chat",
          embeddingDimensions: model.embeddingDimensions,
        };
      }),
    })),
    providers: providers.map(({ baseUrl, ...provider }) => ({ ...provider, catalogueProvider: catalogueProviderFor({ kind: toPolicyKind(provider.kind), baseUrl }) })),
    licences,
    hardwareProfiles,
  };
}
