// Two published policy versions compared in words, for the Policy versions page. Pure.
import { CAPABILITIES, type PolicySnapshot } from "@/lib/routing/types";
import { capabilityField, describeSection, enabledSentence, list, onOff, plain, usd, yesNo, type ChangeSection, type DescribedChange } from "../changes/describe-changes";

type Snap = PolicySnapshot;

const tiers: ChangeSection<Snap["tiers"][number]> = {
  title: "Tiers",
  noun: "tier",
  keyOf: (tier) => tier.key,
  subject: (key) => `tier ${key}`,
  fields: [
    { label: "name", read: (tier) => tier.name },
    { label: "rank", read: (tier) => tier.rank },
  ],
  summary: (tier) => `rank ${tier.rank}`,
};

const providers: ChangeSection<Snap["providers"][number]> = {
  title: "Providers",
  noun: "provider",
  keyOf: (provider) => provider.key,
  subject: (key) => `provider ${key}`,
  fields: [
    { label: "name", read: (provider) => provider.name },
    { label: "kind", read: (provider) => provider.kind },
    { label: "base URL", read: (provider) => provider.baseUrl },
    { label: "key variable", read: (provider) => provider.apiKeyEnv },
    { label: "region", read: (provider) => provider.region },
    { label: "state", read: (provider) => provider.enabled, format: onOff, sentence: enabledSentence },
    { label: "simulated latency (ms)", read: (provider) => provider.simulator?.latencyMs ?? null },
    { label: "simulated failure rate", read: (provider) => provider.simulator?.failureRate ?? null },
  ],
  summary: (provider) => `${provider.kind}, region ${provider.region}`,
};

const models: ChangeSection<Snap["models"][number]> = {
  title: "Models",
  noun: "model",
  keyOf: (model) => model.alias,
  fields: [
    { label: "tier", read: (model) => model.tierKey },
    { label: "provider", read: (model) => model.providerKey },
    { label: "provider model id", read: (model) => model.providerModelId },
    { label: "context window", read: (model) => model.contextWindow },
    { label: "input price", read: (model) => model.inputPricePerMTok, format: usd },
    { label: "output price", read: (model) => model.outputPricePerMTok, format: usd },
    { label: "licence", read: (model) => model.licenceKey },
    { label: "state", read: (model) => model.enabled, format: onOff, sentence: enabledSentence },
    { label: "priority", read: (model) => model.priority },
    // Fields added later read as their defaults in a snapshot published before they existed.
    ...CAPABILITIES.map((capability) => capabilityField<Snap["models"][number]>(capability, (model) => model.capabilities)),
    { label: "max output tokens", read: (model) => model.maxOutputTokens ?? null },
    { label: "cached input price", read: (model) => model.cachedInputPricePerMTok ?? null, format: usd },
    { label: "cache write price", read: (model) => model.cacheWritePricePerMTok ?? null, format: usd },
    { label: "long-context threshold", read: (model) => model.longContext?.thresholdTokens ?? null },
    { label: "long-context input price", read: (model) => model.longContext?.inputPricePerMTok ?? null, format: usd },
    { label: "long-context output price", read: (model) => model.longContext?.outputPricePerMTok ?? null, format: usd },
    { label: "kind", read: (model) => model.kind ?? "chat" },
    { label: "embedding dimensions", read: (model) => model.embeddingDimensions ?? null },
  ],
  summary: (model) => `tier ${model.tierKey}, provider ${model.providerKey}`,
};

const licences: ChangeSection<Snap["licences"][number]> = {
  title: "Licences",
  noun: "licence",
  keyOf: (licence) => licence.key,
  subject: (key) => `licence ${key}`,
  fields: [
    { label: "name", read: (licence) => licence.name },
    { label: "commercial use", read: (licence) => licence.commercialUse },
    { label: "user cap", read: (licence) => licence.userCap },
    { label: "restricted jurisdictions", read: (licence) => licence.restrictedJurisdictions, format: list },
  ],
};

const dataClasses: ChangeSection<Snap["dataClasses"][number]> = {
  title: "Data classes",
  noun: "data class",
  keyOf: (dataClass) => dataClass.key,
  subject: (key) => `data class ${key}`,
  fields: [
    { label: "allowed tiers", read: (dataClass) => dataClass.allowedTierKeys, format: list },
    { label: "allowed regions", read: (dataClass) => dataClass.allowedRegions, format: (value) => (Array.isArray(value) && value.length === 0 ? "any" : list(value)) },
  ],
};

const classificationRules: ChangeSection<Snap["classificationRules"][number]> = {
  title: "Data rules",
  noun: "data rule",
  keyOf: (rule) => rule.key,
  subject: (key) => `data rule ${key}`,
  fields: [
    { label: "name", read: (rule) => rule.name },
    { label: "pattern", read: (rule) => rule.pattern },
    { label: "keywords", read: (rule) => rule.keywords, format: list },
    { label: "data class", read: (rule) => rule.dataClass },
    { label: "state", read: (rule) => rule.enabled, format: onOff, sentence: enabledSentence },
  ],
  summary: (rule) => `${rule.kind} → ${rule.dataClass}`,
};

const routingRules: ChangeSection<Snap["routingRules"][number]> = {
  title: "Routing rules",
  noun: "rule",
  keyOf: (rule) => rule.key,
  subject: (key) => `rule ${key}`,
  fields: [
    { label: "name", read: (rule) => rule.name },
    { label: "position", read: (rule) => rule.position },
    { label: "state", read: (rule) => rule.enabled, format: onOff, sentence: enabledSentence },
    { label: "feature", read: (rule) => rule.when.featureKey },
    { label: "min tokens", read: (rule) => rule.when.minEstimatedTokens },
    { label: "max tokens", read: (rule) => rule.when.maxEstimatedTokens },
    { label: "keywords", read: (rule) => rule.when.keywords, format: list },
    { label: "difficulty", read: (rule) => rule.when.difficulty },
    { label: "minimum tier", read: (rule) => rule.then.minTierKey },
    { label: "maximum tier", read: (rule) => rule.then.maxTierKey },
    { label: "pinned model", read: (rule) => rule.then.pinModelAlias },
  ],
  summary: (rule) => rule.name,
};

const features: ChangeSection<Snap["features"][number]> = {
  title: "Features",
  noun: "feature",
  keyOf: (feature) => feature.key,
  subject: (key) => `feature ${key}`,
  fields: [
    { label: "name", read: (feature) => feature.name },
    { label: "team", read: (feature) => feature.team },
    { label: "monthly budget", read: (feature) => feature.monthlyBudgetUsd, format: (value) => (value === null ? "no budget" : usd(value)) },
    { label: "over budget", read: (feature) => feature.budgetAction },
    { label: "default difficulty", read: (feature) => feature.defaultDifficulty },
    {
      label: "difficulty estimator",
      read: (feature) => (feature.difficultyEstimator ? `${Math.round(100 * feature.difficultyEstimator.frontierShare)} % to frontier (threshold ${feature.difficultyEstimator.threshold.toFixed(2)})` : "off"),
    },
    { label: "default data class", read: (feature) => feature.defaultDataClass },
    { label: "prompt logging", read: (feature) => feature.allowPromptLogging, format: yesNo },
    { label: "commercial", read: (feature) => feature.commercial, format: yesNo },
    { label: "monthly active users", read: (feature) => feature.monthlyActiveUsers },
    { label: "jurisdictions", read: (feature) => feature.jurisdictions, format: list },
  ],
};

interface DifficultyEntry { difficulty: string; tier: string }
const difficulties: ChangeSection<DifficultyEntry> = {
  title: "Difficulty → minimum tier",
  noun: "difficulty",
  keyOf: (entry) => entry.difficulty,
  subject: (key) => `difficulty ${key}`,
  fields: [{ label: "minimum tier", read: (entry) => entry.tier }],
};

interface BaselineEntry { key: "baseline"; alias: string | null }
const baseline: ChangeSection<BaselineEntry> = {
  title: "Baseline",
  noun: "baseline",
  keyOf: (entry) => entry.key,
  subject: () => "baseline",
  fields: [{ label: "model", read: (entry) => entry.alias, format: (value) => plain(value) }],
};

type MappingEntry = NonNullable<Snap["modelNameMappings"]>[number];
// Mappings are tried in order, so a mapping's position matters as much as its target.
const modelNameMappings: ChangeSection<MappingEntry & { position: number }> = {
  title: "Model names",
  noun: "model-name mapping",
  keyOf: (mapping) => mapping.pattern,
  subject: (key) => `model-name mapping ${key}`,
  fields: [
    { label: "target", read: (mapping) => mapping.target },
    { label: "difficulty", read: (mapping) => mapping.difficulty },
    { label: "position", read: (mapping) => mapping.position },
  ],
};
const mappingEntries = (snapshot: Snap) => (snapshot.modelNameMappings ?? []).map((mapping, position) => ({ ...mapping, position: position + 1 }));

interface SettingEntry { key: string; value: string }
const SETTING_SUBJECTS: Record<string, string> = { unscannable: "unscannable content", "max-logged": "prompts stored up to", masked: "masked in answers" };
const dataRuleSettings: ChangeSection<SettingEntry> = {
  title: "Data rule settings",
  noun: "setting",
  keyOf: (entry) => entry.key,
  subject: (key) => SETTING_SUBJECTS[key] ?? key,
  fields: [{ label: "value", read: (entry) => entry.value, sentence: (before, after) => `${plain(before)} → ${plain(after)}` }],
};
// Snapshots published by older code lack the later settings: they read as the defaults they had.
const settingEntries = (snapshot: Snap): SettingEntry[] => [
  { key: "unscannable", value: snapshot.unscannableDataClass ?? "confidential" },
  { key: "max-logged", value: snapshot.maxLoggedDataClass ?? "confidential" },
  { key: "masked", value: (snapshot.maskedAnswerFindings ?? []).join(", ") || "nothing" },
];

const difficultyEntries = (snapshot: Snap): DifficultyEntry[] => Object.entries(snapshot.difficultyMinTier ?? {}).map(([difficulty, tier]) => ({ difficulty, tier }));

/**
 * Everything that differs between two snapshots, section by section, in reading order.
 * Tolerates snapshots published by older code (a missing list reads as empty).
 */
export function diffSnapshots(before: Snap, after: Snap): DescribedChange[] {
  const of = <K extends keyof Snap>(snapshot: Snap, key: K) => (snapshot[key] ?? []) as Snap[K];
  return [
    ...describeSection(tiers, of(before, "tiers"), of(after, "tiers")),
    ...describeSection(providers, of(before, "providers"), of(after, "providers")),
    ...describeSection(models, of(before, "models"), of(after, "models")),
    ...describeSection(baseline, [{ key: "baseline", alias: before.baselineModelAlias ?? null }], [{ key: "baseline", alias: after.baselineModelAlias ?? null }]),
    ...describeSection(difficulties, difficultyEntries(before), difficultyEntries(after)),
    ...describeSection(routingRules, of(before, "routingRules"), of(after, "routingRules")),
    ...describeSection(licences, of(before, "licences"), of(after, "licences")),
    ...describeSection(dataClasses, of(before, "dataClasses"), of(after, "dataClasses")),
    ...describeSection(classificationRules, of(before, "classificationRules"), of(after, "classificationRules")),
    ...describeSection(dataRuleSettings, settingEntries(before), settingEntries(after)),
    ...describeSection(features, of(before, "features"), of(after, "features")),
    ...describeSection(modelNameMappings, mappingEntries(before), mappingEntries(after)),
  ];
}
