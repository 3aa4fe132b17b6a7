import "server-only";
import { getDb } from "@/lib/db";
import { reviewLicence } from "@/lib/routing/constraints/licence";
import type { CommercialUse, FeaturePolicy, LicencePolicy } from "@/lib/routing/types";
import { modelPolicyOf } from "@/lib/config/model-policy";

export interface LicenceConflict {
  modelAlias: string;
  featureKey: string;
  featureName: string;
  /** The router's own sentence for why it excludes the model. */
  detail: string;
}

export interface LicenceRow {
  key: string;
  name: string;
  family: string;
  commercialUse: CommercialUse;
  /** Monthly active users above which a separate agreement is needed; null = no cap. */
  userCap: number | null;
  restrictedJurisdictions: string[];
  acceptableUseNotes: string;
  jurisdictionNotes: string;
  sourceUrl: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  models: Array<{ alias: string; enabled: boolean; simulated: boolean }>;
  conflicts: LicenceConflict[];
  /** Row version, for optimistic concurrency when the licence is edited. */
  version: number;
}

/**
 * Licences with the models under them, and every model × feature pair the router would rule
 * out. The check is the engine's own reviewLicence, so this page and the gateway cannot disagree.
 */
export async function listLicences(): Promise<LicenceRow[]> {
  const db = getDb();
  const [licences, features] = await Promise.all([
    db.licence.findMany({
      orderBy: { name: "asc" },
      include: { models: { orderBy: { alias: "asc" }, include: { provider: { select: { key: true, kind: true } }, tier: { select: { key: true } }, hardwareProfile: true } } },
    }),
    db.feature.findMany({ orderBy: { key: "asc" } }),
  ]);

  const featurePolicies: FeaturePolicy[] = features.map((feature) => ({
    key: feature.key,
    name: feature.name,
    team: feature.team,
    monthlyBudgetUsd: feature.monthlyBudgetUsd?.toNumber() ?? null,
    budgetAction: feature.budgetAction,
    defaultDifficulty: feature.defaultDifficulty,
    defaultDataClass: feature.defaultDataClassKey as FeaturePolicy["defaultDataClass"],
    allowPromptLogging: feature.allowPromptLogging,
    commercial: feature.commercial,
    monthlyActiveUsers: feature.monthlyActiveUsers,
    jurisdictions: feature.jurisdictions,
  }));

  return licences.map((licence) => {
    const policy: LicencePolicy = {
      key: licence.key,
      name: licence.name,
      commercialUse: licence.commercialUse,
      userCap: licence.userCap,
      restrictedJurisdictions: licence.restrictedJurisdictions,
      acceptableUseNotes: licence.acceptableUseNotes,
      jurisdictionNotes: licence.jurisdictionNotes,
      sourceUrl: licence.sourceUrl,
    };
    const byKey = new Map([[licence.key, policy]]);
    const conflicts: LicenceConflict[] = [];
    for (const model of licence.models) {
      // The licence check reads only the alias and licence key; prices here are list prices.
      const modelPolicy = modelPolicyOf(model, { providerKey: model.provider.key, tierKey: model.tier.key, licenceKey: licence.key });
      for (const feature of featurePolicies) {
        const { verdict } = reviewLicence({ model: modelPolicy, provider: undefined, tierPosition: undefined }, byKey, feature);
        if (verdict) conflicts.push({ modelAlias: model.alias, featureKey: feature.key, featureName: feature.name, detail: verdict.detail });
      }
    }
    return {
      ...policy,
      family: licence.family,
      reviewedBy: licence.reviewedBy,
      reviewedAt: licence.reviewedAt,
      models: licence.models.map((model) => ({ alias: model.alias, enabled: model.enabled, simulated: model.provider.kind === "simulator" })),
      conflicts,
      version: licence.version,
    };
  });
}
