import "server-only";
import { getDb } from "@/lib/db";
import { effectivePricePerMTok } from "@/lib/ledger/cost";

export interface TierModelRow {
  alias: string;
  providerModelId: string;
  provider: { key: string; name: string; kind: string; region: string };
  contextWindow: number;
  /** USD per 1M tokens; for local models, the effective price from the hardware profile. */
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  priceSource: "list" | "hardware" | "unknown";
  hardwareProfileName: string | null;
  licence: { key: string; name: string; commercialUse: string } | null;
  enabled: boolean;
  priority: number;
  isBaseline: boolean;
}

export interface TierWithModels {
  key: string;
  name: string;
  rank: number;
  description: string;
  models: TierModelRow[];
}

export async function listTiersWithModels(): Promise<TierWithModels[]> {
  const tiers = await getDb().tier.findMany({
    orderBy: { rank: "asc" },
    include: {
      models: {
        orderBy: [{ priority: "asc" }, { alias: "asc" }],
        include: { provider: true, licence: true, hardwareProfile: true },
      },
    },
  });
  return tiers.map((tier) => ({
    key: tier.key,
    name: tier.name,
    rank: tier.rank,
    description: tier.description,
    models: tier.models.map((model) => {
      const hardware = model.hardwareProfile;
      const hardwarePrice = hardware
        ? effectivePricePerMTok({
            purchasePriceUsd: hardware.purchasePriceUsd.toNumber(),
            amortisationMonths: hardware.amortisationMonths,
            watts: hardware.watts,
            usdPerKwh: hardware.usdPerKwh.toNumber(),
            tokensPerDay: hardware.tokensPerDay,
          })
        : null;
      const input = hardwarePrice ?? model.inputPricePerMTok?.toNumber() ?? null;
      const output = hardwarePrice ?? model.outputPricePerMTok?.toNumber() ?? null;
      return {
        alias: model.alias,
        providerModelId: model.providerModelId,
        provider: { key: model.provider.key, name: model.provider.name, kind: model.provider.kind, region: model.provider.region },
        contextWindow: model.contextWindow,
        inputPricePerMTok: input,
        outputPricePerMTok: output,
        priceSource: hardwarePrice !== null ? "hardware" : input === null || output === null ? "unknown" : "list",
        hardwareProfileName: hardware?.name ?? null,
        licence: model.licence ? { key: model.licence.key, name: model.licence.name, commercialUse: model.licence.commercialUse } : null,
        enabled: model.enabled,
        priority: model.priority,
        isBaseline: model.isBaseline,
      };
    }),
  }));
}
