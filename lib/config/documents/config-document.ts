// Database rows ⇄ configuration document entries. Pure: the loader (load-config-document.ts)
// reads the rows, these functions shape them; the change log records the same shapes, so a
// logged before/after reads like the document an engineer would edit.
import { DATA_CLASSES, DIFFICULTIES, type DataClassKey, type Difficulty } from "@/lib/routing/types";
import {
  CONFIG_ABOUT,
  CONFIG_FORMAT,
  CONFIG_FORMAT_VERSION,
  type ClassificationRuleDoc,
  type ConfigDocument,
  type DataClassDoc,
  type FeatureDoc,
  type HardwareProfileDoc,
  type LicenceDoc,
  type ModelDoc,
  type ProviderDoc,
  type RoutingRuleDoc,
  type TierDoc,
} from "./config-document-schema";

/** Prisma's Decimal, structurally: what these functions need of it. */
export interface DecimalLike {
  toNumber(): number;
}

const num = (value: DecimalLike | null): number | null => (value === null ? null : value.toNumber());

import { capabilitiesOf, capabilityColumns } from "../model-policy";
import { toPolicyKind, type DbProviderKind } from "../provider-kind";
import { readSettingsRow } from "../data-rule-settings-schema";
export { toDbKind, type DbProviderKind } from "../provider-kind";
/** The document spells provider kinds as the policy does. */
export const toDocKind = toPolicyKind;

export interface TierRow { key: string; name: string; rank: number; description: string }
export const tierDoc = (row: TierRow): TierDoc => ({ key: row.key, name: row.name, rank: row.rank, description: row.description });

export interface ProviderRow {
  key: string; name: string; kind: DbProviderKind; baseUrl: string | null; apiKeyEnv: string | null; region: string; enabled: boolean;
  simulatedLatencyMs: number; simulatedFailureRate: number;
}
export const providerDoc = (row: ProviderRow): ProviderDoc => ({
  key: row.key,
  name: row.name,
  kind: toDocKind(row.kind),
  baseUrl: row.baseUrl,
  apiKeyEnv: row.apiKeyEnv,
  region: row.region,
  enabled: row.enabled,
  simulator: row.kind === "simulator" ? { latencyMs: row.simulatedLatencyMs, failureRate: row.simulatedFailureRate } : null,
});

export interface HardwareProfileRow { name: string; purchasePriceUsd: DecimalLike; amortisationMonths: number; watts: number; usdPerKwh: DecimalLike; tokensPerDay: number }
export const hardwareProfileDoc = (row: HardwareProfileRow): HardwareProfileDoc => ({
  name: row.name,
  purchasePriceUsd: row.purchasePriceUsd.toNumber(),
  amortisationMonths: row.amortisationMonths,
  watts: row.watts,
  usdPerKwh: row.usdPerKwh.toNumber(),
  tokensPerDay: row.tokensPerDay,
});

export interface LicenceRow {
  key: string; name: string; family: string; commercialUse: LicenceDoc["commercialUse"]; userCap: number | null; restrictedJurisdictions: string[];
  acceptableUseNotes: string; jurisdictionNotes: string; sourceUrl: string | null; reviewedBy: string | null; reviewedAt: Date | null;
}
export const licenceDoc = (row: LicenceRow): LicenceDoc => ({
  key: row.key,
  name: row.name,
  family: row.family,
  commercialUse: row.commercialUse,
  userCap: row.userCap,
  restrictedJurisdictions: row.restrictedJurisdictions,
  acceptableUseNotes: row.acceptableUseNotes,
  jurisdictionNotes: row.jurisdictionNotes,
  sourceUrl: row.sourceUrl,
  reviewedBy: row.reviewedBy,
  reviewedAt: row.reviewedAt?.toISOString() ?? null,
});

export interface ModelRow {
  alias: string; providerModelId: string; provider: { key: string }; tier: { key: string }; contextWindow: number;
  inputPricePerMTok: DecimalLike | null; outputPricePerMTok: DecimalLike | null; hardwareProfile: { name: string } | null;
  licence: { key: string } | null; enabled: boolean; priority: number; isBaseline: boolean;
  supportsTools: boolean; supportsStructuredOutput: boolean; supportsImages: boolean; supportsReasoning: boolean; maxOutputTokens: number | null;
  cachedInputPricePerMTok: DecimalLike | null; cacheWritePricePerMTok: DecimalLike | null;
  longContextThresholdTokens: number | null; longContextInputPricePerMTok: DecimalLike | null; longContextOutputPricePerMTok: DecimalLike | null;
  catalogueRef: string | null;
  kind: string;
  embeddingDimensions: number | null;
}
export const modelDoc = (row: ModelRow): ModelDoc => ({
  alias: row.alias,
  providerModelId: row.providerModelId,
  provider: row.provider.key,
  tier: row.tier.key,
  contextWindow: row.contextWindow,
  inputPricePerMTok: num(row.inputPricePerMTok),
  outputPricePerMTok: num(row.outputPricePerMTok),
  hardwareProfile: row.hardwareProfile?.name ?? null,
  licence: row.licence?.key ?? null,
  enabled: row.enabled,
  priority: row.priority,
  baseline: row.isBaseline,
  capabilities: capabilitiesOf(row),
  maxOutputTokens: row.maxOutputTokens,
  cachedInputPricePerMTok: num(row.cachedInputPricePerMTok),
  cacheWritePricePerMTok: num(row.cacheWritePricePerMTok),
  longContext:
    row.longContextThresholdTokens === null
      ? null
      : { thresholdTokens: row.longContextThresholdTokens, inputPricePerMTok: num(row.longContextInputPricePerMTok), outputPricePerMTok: num(row.longContextOutputPricePerMTok) },
  catalogueRef: row.catalogueRef,
  kind: row.kind === "embedding" ? "embedding" : "chat",
  embeddingDimensions: row.embeddingDimensions,
});

/** A document's model as Model columns (the capability switches, the long-context tier's three columns). */
export function modelColumnsOf(
  doc: Pick<ModelDoc, "capabilities" | "maxOutputTokens" | "cachedInputPricePerMTok" | "cacheWritePricePerMTok" | "longContext" | "catalogueRef"> & Partial<Pick<ModelDoc, "kind" | "embeddingDimensions">>,
) {
  return {
    ...capabilityColumns(doc.capabilities),
    maxOutputTokens: doc.maxOutputTokens,
    cachedInputPricePerMTok: doc.cachedInputPricePerMTok,
    cacheWritePricePerMTok: doc.cacheWritePricePerMTok,
    longContextThresholdTokens: doc.longContext?.thresholdTokens ?? null,
    longContextInputPricePerMTok: doc.longContext?.inputPricePerMTok ?? null,
    longContextOutputPricePerMTok: doc.longContext?.outputPricePerMTok ?? null,
    catalogueRef: doc.catalogueRef,
    // Left out when not given, so a caller that does not know of kinds (the seed's catalogue sync) never resets one.
    ...(doc.kind !== undefined ? { kind: doc.kind } : {}),
    ...(doc.embeddingDimensions !== undefined ? { embeddingDimensions: doc.embeddingDimensions } : {}),
  };
}

export interface DataClassRow { key: string; name: string; rank: number; description: string; allowedRegions: string[]; tiers: Array<{ tier: { key: string; rank: number } }> }
export function dataClassDoc(row: DataClassRow): DataClassDoc {
  if (!(DATA_CLASSES as readonly string[]).includes(row.key)) throw new Error(`Unknown data class "${row.key}" in the configuration.`);
  return {
    key: row.key as DataClassKey,
    name: row.name,
    rank: row.rank,
    description: row.description,
    tiers: [...row.tiers].sort((a, b) => a.tier.rank - b.tier.rank).map((entry) => entry.tier.key),
    allowedRegions: row.allowedRegions,
  };
}

export interface ClassificationRuleRow { key: string; name: string; kind: ClassificationRuleDoc["kind"]; detector: string | null; pattern: string | null; keywords: string[]; dataClassKey: string; enabled: boolean }
export const classificationRuleDoc = (row: ClassificationRuleRow): ClassificationRuleDoc => ({
  key: row.key,
  name: row.name,
  kind: row.kind,
  detector: row.detector,
  pattern: row.pattern,
  keywords: row.keywords,
  dataClass: row.dataClassKey as DataClassKey,
  enabled: row.enabled,
});

export interface RoutingRuleRow {
  key: string; name: string; position: number; enabled: boolean; whenFeatureKey: string | null; whenMinTokens: number | null; whenMaxTokens: number | null;
  whenKeywords: string[]; whenDifficulty: Difficulty | null; minTier: { key: string } | null; maxTier: { key: string } | null; pinModel: { alias: string } | null;
}
export const routingRuleDoc = (row: RoutingRuleRow): RoutingRuleDoc => ({
  key: row.key,
  name: row.name,
  position: row.position,
  enabled: row.enabled,
  when: { feature: row.whenFeatureKey, minEstimatedTokens: row.whenMinTokens, maxEstimatedTokens: row.whenMaxTokens, keywords: row.whenKeywords, difficulty: row.whenDifficulty },
  then: { minTier: row.minTier?.key ?? null, maxTier: row.maxTier?.key ?? null, pinModel: row.pinModel?.alias ?? null },
});

export interface FeatureRow {
  key: string; name: string; team: string; owner: string; monthlyBudgetUsd: DecimalLike | null; budgetAction: FeatureDoc["budgetAction"]; defaultDifficulty: Difficulty;
  defaultDataClassKey: string; allowPromptLogging: boolean; commercial: boolean; monthlyActiveUsers: number | null; jurisdictions: string[];
  estimatorFrontierShare: number | null; estimatorThreshold: number | null;
}
export const featureDoc = (row: FeatureRow): FeatureDoc => ({
  key: row.key,
  name: row.name,
  team: row.team,
  owner: row.owner,
  monthlyBudgetUsd: num(row.monthlyBudgetUsd),
  budgetAction: row.budgetAction,
  defaultDifficulty: row.defaultDifficulty,
  defaultDataClass: row.defaultDataClassKey as DataClassKey,
  allowPromptLogging: row.allowPromptLogging,
  commercial: row.commercial,
  monthlyActiveUsers: row.monthlyActiveUsers,
  jurisdictions: row.jurisdictions,
  difficultyEstimator: row.estimatorFrontierShare !== null && row.estimatorThreshold !== null ? { frontierShare: row.estimatorFrontierShare, threshold: row.estimatorThreshold } : null,
});

export interface DifficultyRow { difficulty: Difficulty; tier: { key: string } }

/** Difficulty → tier key; a difficulty without a row reads as the cheapest tier, as the snapshot does. */
export function difficultyMapDoc(rows: DifficultyRow[], tiers: TierRow[]): ConfigDocument["difficultyMinTier"] {
  const cheapest = [...tiers].sort((a, b) => a.rank - b.rank)[0]?.key ?? "local";
  const map = {} as ConfigDocument["difficultyMinTier"];
  for (const difficulty of DIFFICULTIES) map[difficulty] = rows.find((row) => row.difficulty === difficulty)?.tier.key ?? cheapest;
  return map;
}

export interface ConfigRows {
  tiers: TierRow[];
  providers: ProviderRow[];
  hardwareProfiles: HardwareProfileRow[];
  licences: LicenceRow[];
  models: ModelRow[];
  dataClasses: DataClassRow[];
  classificationRules: ClassificationRuleRow[];
  difficulties: DifficultyRow[];
  routingRules: RoutingRuleRow[];
  features: FeatureRow[];
  modelNameMappings: Array<{ pattern: string; target: string; difficulty: string | null; priority: number }>;
  /** The data rules' settings row; null before it exists (read as its defaults). */
  dataRuleSettings: { unscannableDataClassKey: string; maxLoggedDataClassKey: string; maskedAnswerFindings: string[] } | null;
}

function unscannableDoc(row: ConfigRows["dataRuleSettings"]): DataClassKey {
  const key = row?.unscannableDataClassKey ?? "confidential";
  if (!(DATA_CLASSES as readonly string[]).includes(key)) throw new Error(`Unknown data class "${key}" in the data rule settings.`);
  return key as DataClassKey;
}

/** The whole working configuration as one document, in a stable order so exports diff cleanly. */
export function toConfigDocument(rows: ConfigRows, meta: { exportedAt: Date; basedOnPolicyVersion: number | null }): ConfigDocument {
  const byKey = <T extends { key: string }>(list: T[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
  return {
    format: CONFIG_FORMAT,
    formatVersion: CONFIG_FORMAT_VERSION,
    about: CONFIG_ABOUT,
    exportedAt: meta.exportedAt.toISOString(),
    basedOnPolicyVersion: meta.basedOnPolicyVersion,
    tiers: [...rows.tiers].sort((a, b) => a.rank - b.rank).map(tierDoc),
    providers: byKey(rows.providers).map(providerDoc),
    hardwareProfiles: [...rows.hardwareProfiles].sort((a, b) => a.name.localeCompare(b.name)).map(hardwareProfileDoc),
    licences: byKey(rows.licences).map(licenceDoc),
    models: [...rows.models].sort((a, b) => a.alias.localeCompare(b.alias)).map(modelDoc),
    dataClasses: [...rows.dataClasses].sort((a, b) => a.rank - b.rank).map(dataClassDoc),
    classificationRules: byKey(rows.classificationRules).map(classificationRuleDoc),
    difficultyMinTier: difficultyMapDoc(rows.difficulties, rows.tiers),
    routingRules: [...rows.routingRules].sort((a, b) => a.position - b.position || a.key.localeCompare(b.key)).map(routingRuleDoc),
    features: byKey(rows.features).map(featureDoc),
    unscannableDataClass: unscannableDoc(rows.dataRuleSettings),
    maxLoggedDataClass: readSettingsRow(rows.dataRuleSettings).maxLoggedDataClassKey,
    maskedAnswerFindings: readSettingsRow(rows.dataRuleSettings).maskedAnswerFindings,
    modelNameMappings: [...rows.modelNameMappings]
      .sort((a, b) => a.priority - b.priority || a.pattern.localeCompare(b.pattern))
      .map((row) => ({ pattern: row.pattern, target: row.target, difficulty: (DIFFICULTIES as readonly string[]).includes(row.difficulty ?? "") ? (row.difficulty as Difficulty) : null, priority: row.priority })),
  };
}
