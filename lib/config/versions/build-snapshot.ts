import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { modelPolicyOf } from "../model-policy";
import { toPolicyKind } from "../provider-kind";
import { DATA_CLASSES, DIFFICULTIES, type DataClassKey, type Difficulty, type PolicySnapshot } from "@/lib/routing/types";

const toNumber = (value: { toNumber(): number } | null): number | null => (value === null ? null : value.toNumber());

function asDataClass(key: string): DataClassKey {
  if ((DATA_CLASSES as readonly string[]).includes(key)) return key as DataClassKey;
  throw new Error(`Unknown data class "${key}" in the configuration.`);
}

/** Reads the working configuration into the engine's PolicySnapshot. */
export async function buildSnapshot(version: number, db: Prisma.TransactionClient = getDb()): Promise<PolicySnapshot> {
  // Sequential on purpose: inside a transaction all queries share one connection.
  const tiers = await db.tier.findMany({ orderBy: { rank: "asc" } });
  const providers = await db.provider.findMany({ orderBy: { key: "asc" } });
  const models = await db.model.findMany({ include: { provider: true, tier: true, licence: true, hardwareProfile: true }, orderBy: { alias: "asc" } });
  const licences = await db.licence.findMany({ orderBy: { key: "asc" } });
  const dataClasses = await db.dataClass.findMany({ include: { tiers: { include: { tier: true } } }, orderBy: { rank: "asc" } });
  const rules = await db.classificationRule.findMany({ orderBy: { key: "asc" } });
  const routingRules = await db.routingRule.findMany({ include: { minTier: true, maxTier: true, pinModel: true }, orderBy: { position: "asc" } });
  const features = await db.feature.findMany({ orderBy: { key: "asc" } });
  const difficulties = await db.difficultyTier.findMany({ include: { tier: true } });
  const settings = await db.dataRuleSettings.findUnique({ where: { id: 1 } });
  const nameMappings = await db.modelNameMapping.findMany({ orderBy: [{ priority: "asc" }, { pattern: "asc" }] });

  const difficultyMinTier = {} as Record<Difficulty, string>;
  for (const difficulty of DIFFICULTIES) {
    const row = difficulties.find((entry) => entry.difficulty === difficulty);
    difficultyMinTier[difficulty] = row?.tier.key ?? tiers[0]?.key ?? "local";
  }

  return {
    version,
    tiers: tiers.map((tier) => ({ key: tier.key, name: tier.name, rank: tier.rank })),
    providers: providers.map((provider) => ({
      key: provider.key,
      name: provider.name,
      kind: toPolicyKind(provider.kind),
      baseUrl: provider.baseUrl,
      apiKeyEnv: provider.apiKeyEnv,
      region: provider.region,
      enabled: provider.enabled,
      ...(provider.kind === "simulator"
        ? { simulator: { latencyMs: provider.simulatedLatencyMs, failureRate: provider.simulatedFailureRate } }
        : {}),
    })),
    models: models.map((model) =>
      modelPolicyOf(model, { providerKey: model.provider.key, tierKey: model.tier.key, licenceKey: model.licence?.key ?? null }),
    ),
    licences: licences.map((licence) => ({
      key: licence.key,
      name: licence.name,
      commercialUse: licence.commercialUse,
      userCap: licence.userCap,
      restrictedJurisdictions: licence.restrictedJurisdictions,
      acceptableUseNotes: licence.acceptableUseNotes,
      jurisdictionNotes: licence.jurisdictionNotes,
      sourceUrl: licence.sourceUrl,
    })),
    dataClasses: dataClasses.map((dataClass) => ({
      key: asDataClass(dataClass.key),
      rank: dataClass.rank,
      allowedTierKeys: dataClass.tiers.map((entry) => entry.tier.key),
      allowedRegions: dataClass.allowedRegions,
    })),
    classificationRules: rules.map((rule) => ({
      key: rule.key,
      name: rule.name,
      kind: rule.kind,
      detector: rule.detector,
      pattern: rule.pattern,
      keywords: rule.keywords,
      dataClass: asDataClass(rule.dataClassKey),
      enabled: rule.enabled,
    })),
    routingRules: routingRules.map((rule) => ({
      key: rule.key,
      name: rule.name,
      position: rule.position,
      enabled: rule.enabled,
      when: {
        featureKey: rule.whenFeatureKey,
        minEstimatedTokens: rule.whenMinTokens,
        maxEstimatedTokens: rule.whenMaxTokens,
        keywords: rule.whenKeywords,
        difficulty: rule.whenDifficulty,
      },
      then: { minTierKey: rule.minTier?.key ?? null, maxTierKey: rule.maxTier?.key ?? null, pinModelAlias: rule.pinModel?.alias ?? null },
    })),
    features: features.map((feature) => ({
      key: feature.key,
      name: feature.name,
      team: feature.team,
      monthlyBudgetUsd: toNumber(feature.monthlyBudgetUsd),
      budgetAction: feature.budgetAction,
      defaultDifficulty: feature.defaultDifficulty,
      defaultDataClass: asDataClass(feature.defaultDataClassKey),
      allowPromptLogging: feature.allowPromptLogging,
      commercial: feature.commercial,
      monthlyActiveUsers: feature.monthlyActiveUsers,
      jurisdictions: feature.jurisdictions,
      // Only set when the dial is on, so versions published before the estimator compare equal.
      ...(feature.estimatorFrontierShare !== null && feature.estimatorThreshold !== null
        ? { difficultyEstimator: { frontierShare: feature.estimatorFrontierShare, threshold: feature.estimatorThreshold } }
        : {}),
    })),
    difficultyMinTier,
    baselineModelAlias: models.find((model) => model.isBaseline)?.alias ?? null,
    unscannableDataClass: asDataClass(settings?.unscannableDataClassKey ?? "confidential"),
    maxLoggedDataClass: asDataClass(settings?.maxLoggedDataClassKey ?? "confidential"),
    maskedAnswerFindings: settings?.maskedAnswerFindings ?? [],
    modelNameMappings: nameMappings.map((mapping) => ({
      pattern: mapping.pattern,
      target: mapping.target,
      difficulty: (DIFFICULTIES as readonly string[]).includes(mapping.difficulty ?? "") ? (mapping.difficulty as Difficulty) : null,
      priority: mapping.priority,
    })),
  };
}
