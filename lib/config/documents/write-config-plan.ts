import "server-only";
import type { Prisma } from "@/lib/db";
import { DIFFICULTY_MAP_ENTITY, DIFFICULTY_MAP_KEY, ENTITY } from "../changes/change-entities";
import { modelColumnsOf, toDbKind } from "./config-document";
import { DATA_RULE_SETTING_ENTITY, UNSCANNABLE_SETTING_KEY } from "../data-rule-settings-schema";
import type { ConfigDocument, HardwareProfileDoc, LicenceDoc, ModelDoc, ProviderDoc, RoutingRuleDoc, FeatureDoc, ClassificationRuleDoc, DataClassDoc } from "./config-document-schema";
import type { ConfigPlan, EntityPlan } from "./plan-config-changes";
import { recordChange, type Actor } from "../changes/record-change";

type Tx = Prisma.TransactionClient;
type Ids = Map<string, string>;
const bump = { version: { increment: 1 } } as const;

function need(ids: Ids, key: string, what: string): string {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`The ${what} "${key}" disappeared while applying.`);
  return id;
}
const optional = (ids: Ids, key: string | null, what: string) => (key === null ? null : need(ids, key, what));

/** Logs creates, updates and removes of one kind of row, before/after as document entries. */
async function logPlan<T>(tx: Tx, actor: Actor, note: string, entity: string, plan: EntityPlan<T>, keyOf: (item: T) => string) {
  for (const item of plan.created) await recordChange(tx, actor, { entity, entityKey: keyOf(item), action: "create", after: item, note });
  for (const { before, after } of plan.updated) await recordChange(tx, actor, { entity, entityKey: keyOf(after), action: "update", before, after, note });
  for (const item of plan.removed) await recordChange(tx, actor, { entity, entityKey: keyOf(item), action: "delete", before: item, note });
}

const providerData = (doc: ProviderDoc) => ({
  name: doc.name, kind: toDbKind(doc.kind), baseUrl: doc.baseUrl, apiKeyEnv: doc.apiKeyEnv, region: doc.region, enabled: doc.enabled,
  simulatedLatencyMs: doc.simulator?.latencyMs ?? 0, simulatedFailureRate: doc.simulator?.failureRate ?? 0,
});
const profileData = (doc: HardwareProfileDoc) => ({ purchasePriceUsd: doc.purchasePriceUsd, amortisationMonths: doc.amortisationMonths, watts: doc.watts, usdPerKwh: doc.usdPerKwh, tokensPerDay: doc.tokensPerDay });
const licenceData = ({ key: _key, reviewedAt, ...rest }: LicenceDoc) => ({ ...rest, reviewedAt: reviewedAt === null ? null : new Date(reviewedAt) });
const classificationData = ({ key: _key, dataClass, ...rest }: ClassificationRuleDoc) => ({ ...rest, dataClassKey: dataClass });
const featureData = ({ key: _key, defaultDataClass, difficultyEstimator, ...rest }: FeatureDoc) => ({
  ...rest,
  defaultDataClassKey: defaultDataClass,
  estimatorFrontierShare: difficultyEstimator?.frontierShare ?? null,
  estimatorThreshold: difficultyEstimator?.threshold ?? null,
});

async function idsOf(rows: Promise<Array<{ id: string } & Record<string, unknown>>>, field: string): Promise<Ids> {
  return new Map((await rows).map((row) => [String(row[field]), row.id]));
}

/**
 * Makes the working configuration equal to `doc`, following `plan` (computed in the same
 * transaction). Creates and updates go parents first, removals children first, so foreign
 * keys hold at every step; unique ranks are parked on negative numbers while they move.
 */
export async function writeConfigPlan(tx: Tx, doc: ConfigDocument, plan: ConfigPlan, actor: Actor, note: string): Promise<void> {
  // Tiers (rank is unique: park every rank first when any moves or a tier is added).
  if (plan.tiers.created.length > 0 || plan.tiers.updated.some(({ before, after }) => before.rank !== after.rank)) {
    for (const tier of await tx.tier.findMany({ select: { id: true, rank: true } })) await tx.tier.update({ where: { id: tier.id }, data: { rank: -1000 - tier.rank } });
    for (const tier of doc.tiers) await tx.tier.updateMany({ where: { key: tier.key }, data: { rank: tier.rank } });
  }
  for (const tier of plan.tiers.created) await tx.tier.create({ data: tier });
  for (const { after } of plan.tiers.updated) await tx.tier.update({ where: { key: after.key }, data: { name: after.name, rank: after.rank, description: after.description, ...bump } });
  const tierIds = await idsOf(tx.tier.findMany({ select: { id: true, key: true } }), "key");

  for (const provider of plan.providers.created) await tx.provider.create({ data: { key: provider.key, ...providerData(provider) } });
  for (const { after } of plan.providers.updated) await tx.provider.update({ where: { key: after.key }, data: { ...providerData(after), ...bump } });
  const providerIds = await idsOf(tx.provider.findMany({ select: { id: true, key: true } }), "key");

  for (const profile of plan.hardwareProfiles.created) await tx.hardwareProfile.create({ data: { name: profile.name, ...profileData(profile) } });
  for (const { after } of plan.hardwareProfiles.updated) await tx.hardwareProfile.update({ where: { name: after.name }, data: { ...profileData(after), ...bump } });
  const profileIds = await idsOf(tx.hardwareProfile.findMany({ select: { id: true, name: true } }), "name");

  for (const licence of plan.licences.created) await tx.licence.create({ data: { key: licence.key, ...licenceData(licence) } });
  for (const { after } of plan.licences.updated) await tx.licence.update({ where: { key: after.key }, data: { ...licenceData(after), ...bump } });
  const licenceIds = await idsOf(tx.licence.findMany({ select: { id: true, key: true } }), "key");

  await writeDataClasses(tx, doc, plan.dataClasses, tierIds);

  const modelData = (model: ModelDoc) => ({
    providerModelId: model.providerModelId, providerId: need(providerIds, model.provider, "provider"), tierId: need(tierIds, model.tier, "tier"),
    contextWindow: model.contextWindow, inputPricePerMTok: model.inputPricePerMTok, outputPricePerMTok: model.outputPricePerMTok,
    hardwareProfileId: optional(profileIds, model.hardwareProfile, "hardware profile"), licenceId: optional(licenceIds, model.licence, "licence"),
    enabled: model.enabled, priority: model.priority, isBaseline: model.baseline, ...modelColumnsOf(model),
  });
  for (const model of plan.models.created) await tx.model.create({ data: { alias: model.alias, ...modelData(model) } });
  for (const { after } of plan.models.updated) await tx.model.update({ where: { alias: after.alias }, data: { ...modelData(after), ...bump } });
  const modelIds = await idsOf(tx.model.findMany({ select: { id: true, alias: true } }), "alias");

  for (const rule of plan.classificationRules.created) await tx.classificationRule.create({ data: { key: rule.key, ...classificationData(rule) } });
  for (const { after } of plan.classificationRules.updated) await tx.classificationRule.update({ where: { key: after.key }, data: { ...classificationData(after), ...bump } });

  if (plan.difficultyMap) {
    for (const [difficulty, tierKey] of Object.entries(doc.difficultyMinTier) as Array<[keyof ConfigDocument["difficultyMinTier"], string]>) {
      const tierId = need(tierIds, tierKey, "tier");
      await tx.difficultyTier.upsert({ where: { difficulty }, create: { difficulty, tierId }, update: { tierId } });
    }
    await recordChange(tx, actor, { entity: DIFFICULTY_MAP_ENTITY, entityKey: DIFFICULTY_MAP_KEY, action: "update", before: plan.difficultyMap.before, after: plan.difficultyMap.after, note });
  }

  const ruleData = (rule: RoutingRuleDoc) => ({
    name: rule.name, position: rule.position, enabled: rule.enabled, whenFeatureKey: rule.when.feature, whenMinTokens: rule.when.minEstimatedTokens,
    whenMaxTokens: rule.when.maxEstimatedTokens, whenKeywords: rule.when.keywords, whenDifficulty: rule.when.difficulty,
    minTierId: optional(tierIds, rule.then.minTier, "tier"), maxTierId: optional(tierIds, rule.then.maxTier, "tier"), pinModelId: optional(modelIds, rule.then.pinModel, "model"),
  });
  for (const rule of plan.routingRules.created) await tx.routingRule.create({ data: { key: rule.key, ...ruleData(rule) } });
  for (const { after } of plan.routingRules.updated) await tx.routingRule.update({ where: { key: after.key }, data: { ...ruleData(after), ...bump } });

  if (plan.dataRuleSettings) {
    const { before, after } = plan.dataRuleSettings;
    const row = { unscannableDataClassKey: after.unscannableDataClass, maxLoggedDataClassKey: after.maxLoggedDataClass, maskedAnswerFindings: after.maskedAnswerFindings };
    await tx.dataRuleSettings.upsert({ where: { id: 1 }, create: { id: 1, ...row }, update: { ...row, ...bump } });
    await recordChange(tx, actor, { entity: DATA_RULE_SETTING_ENTITY, entityKey: UNSCANNABLE_SETTING_KEY, action: "update", before, after, note });
  }

  for (const feature of plan.features.created) await tx.feature.create({ data: { key: feature.key, ...featureData(feature) } });
  for (const { after } of plan.features.updated) await tx.feature.update({ where: { key: after.key }, data: { ...featureData(after), ...bump } });

  // Model-name mappings refer to tiers and models by name only: no foreign keys to order around.
  const mappingsGone = plan.modelNameMappings.removed.map((mapping) => mapping.pattern);
  if (mappingsGone.length > 0) await tx.modelNameMapping.deleteMany({ where: { pattern: { in: mappingsGone } } });
  for (const mapping of plan.modelNameMappings.created) await tx.modelNameMapping.create({ data: mapping });
  for (const { after } of plan.modelNameMappings.updated) {
    await tx.modelNameMapping.update({ where: { pattern: after.pattern }, data: { target: after.target, difficulty: after.difficulty, priority: after.priority, ...bump } });
  }

  // Removals, children first.
  const gone = <T>(plan: EntityPlan<T>, read: (item: T) => string) => plan.removed.map(read);
  const rules = gone(plan.routingRules, (rule) => rule.key);
  if (rules.length > 0) await tx.routingRule.deleteMany({ where: { key: { in: rules } } });
  const dataRules = gone(plan.classificationRules, (rule) => rule.key);
  if (dataRules.length > 0) await tx.classificationRule.deleteMany({ where: { key: { in: dataRules } } });
  const features = gone(plan.features, (feature) => feature.key);
  if (features.length > 0) await tx.feature.deleteMany({ where: { key: { in: features } } });
  const models = gone(plan.models, (model) => model.alias);
  if (models.length > 0) await tx.model.deleteMany({ where: { alias: { in: models } } });
  const licences = gone(plan.licences, (licence) => licence.key);
  if (licences.length > 0) await tx.licence.deleteMany({ where: { key: { in: licences } } });
  const profiles = gone(plan.hardwareProfiles, (profile) => profile.name);
  if (profiles.length > 0) await tx.hardwareProfile.deleteMany({ where: { name: { in: profiles } } });
  const providers = gone(plan.providers, (provider) => provider.key);
  if (providers.length > 0) await tx.provider.deleteMany({ where: { key: { in: providers } } });
  const tiers = gone(plan.tiers, (tier) => tier.key);
  if (tiers.length > 0) await tx.tier.deleteMany({ where: { key: { in: tiers } } });

  await logPlan(tx, actor, note, "tier", plan.tiers, (tier) => tier.key);
  await logPlan(tx, actor, note, "provider", plan.providers, (provider) => provider.key);
  await logPlan(tx, actor, note, "hardware profile", plan.hardwareProfiles, (profile) => profile.name);
  await logPlan(tx, actor, note, ENTITY.licence, plan.licences, (licence) => licence.key);
  await logPlan(tx, actor, note, ENTITY.dataClass, plan.dataClasses, (dataClass) => dataClass.key);
  await logPlan(tx, actor, note, "model", plan.models, (model) => model.alias);
  await logPlan(tx, actor, note, ENTITY.classificationRule, plan.classificationRules, (rule) => rule.key);
  await logPlan(tx, actor, note, "routing rule", plan.routingRules, (rule) => rule.key);
  await logPlan(tx, actor, note, ENTITY.feature, plan.features, (feature) => feature.key);
  await logPlan(tx, actor, note, ENTITY.modelNameMapping, plan.modelNameMappings, (mapping) => mapping.pattern);
}

/** Data classes are fixed (the engine knows the four): their settings and tiers change; a fresh database gets them created. */
async function writeDataClasses(tx: Tx, doc: ConfigDocument, plan: EntityPlan<DataClassDoc>, tierIds: Ids) {
  if (plan.updated.length === 0 && plan.created.length === 0) return;
  if (plan.created.length > 0 || plan.updated.some(({ before, after }) => before.rank !== after.rank)) {
    for (const dataClass of await tx.dataClass.findMany({ select: { key: true, rank: true } })) await tx.dataClass.update({ where: { key: dataClass.key }, data: { rank: -1000 - dataClass.rank } });
    for (const dataClass of doc.dataClasses) await tx.dataClass.updateMany({ where: { key: dataClass.key }, data: { rank: dataClass.rank } });
  }
  const tiersOf = (dataClass: DataClassDoc) => dataClass.tiers.map((tier) => ({ dataClassKey: dataClass.key, tierId: need(tierIds, tier, "tier") }));
  for (const dataClass of plan.created) {
    await tx.dataClass.create({ data: { key: dataClass.key, name: dataClass.name, rank: dataClass.rank, description: dataClass.description, allowedRegions: dataClass.allowedRegions } });
    await tx.dataClassTier.createMany({ data: tiersOf(dataClass) });
  }
  for (const { after } of plan.updated) {
    await tx.dataClass.update({ where: { key: after.key }, data: { name: after.name, rank: after.rank, description: after.description, allowedRegions: after.allowedRegions, ...bump } });
    await tx.dataClassTier.deleteMany({ where: { dataClassKey: after.key } });
    await tx.dataClassTier.createMany({ data: tiersOf(after) });
  }
}
