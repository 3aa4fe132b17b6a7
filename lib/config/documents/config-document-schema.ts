// Configuration as code: the whole routing configuration as one JSON document, versioned by
// `formatVersion`. Rows refer to each other by key (tiers, providers, licences, data classes,
// features, models) or by name (hardware profiles), never by database id, so a document
// moves between installations. Amounts are USD; prices are per 1M tokens; null = unknown.
// Print the JSON Schema with `npm run config -- schema`.
import { z } from "zod";
import { CAPABILITIES, DATA_CLASSES, DIFFICULTIES } from "@/lib/routing/types";
import { apiKeyEnvField, PROVIDER_KINDS } from "../provider-fields";
import { maskedAnswerFindingsField, maxLoggedDataClassField } from "../data-rule-settings-schema";

export const CONFIG_FORMAT = "switchyard/config";
export const CONFIG_FORMAT_VERSION = 1;

const key = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);
const count = z.number().int().min(0).max(2_147_483_647);
const price = z.number().min(0).max(100_000).nullable().describe("USD per 1M tokens; null = unknown (counted, never priced at zero)");

const tier = z.object({
  key: key.describe("Stable identifier, e.g. local, hosted-open, frontier"),
  name: text(80).min(1),
  rank: z.number().int().min(0).max(1000).describe("Lower = cheaper, tried first; unique"),
  description: text(1000).default(""),
});

const provider = z.object({
  key,
  name: text(100).min(1),
  kind: z.enum(PROVIDER_KINDS),
  baseUrl: z.string().url().max(500).nullable(),
  apiKeyEnv: apiKeyEnvField.describe("NAME of the environment variable holding the key, never the key"),
  region: text(40).min(1).describe('Where data is processed, e.g. "on-prem", "us", "eu"'),
  enabled: z.boolean(),
  simulator: z.object({ latencyMs: z.number().int().min(0).max(60_000), failureRate: z.number().min(0).max(1) }).nullable().describe("Simulators only"),
});

const hardwareProfile = z.object({
  name: text(80).min(1).describe("Identifies the profile; models refer to it by this name"),
  purchasePriceUsd: z.number().min(0).max(10_000_000),
  amortisationMonths: z.number().int().min(1).max(240),
  watts: z.number().int().min(0).max(100_000),
  usdPerKwh: z.number().min(0).max(100),
  tokensPerDay: z.number().int().min(1).max(2_000_000_000).describe("Sustained throughput"),
});

const licence = z.object({
  key,
  name: text(200).min(1),
  family: text(120),
  commercialUse: z.enum(["allowed", "restricted", "forbidden"]),
  userCap: count.nullable().describe("Monthly active users above which a separate agreement is needed"),
  restrictedJurisdictions: z.array(text(20)),
  acceptableUseNotes: text(4000),
  jurisdictionNotes: text(4000),
  sourceUrl: z.string().max(500).nullable(),
  reviewedBy: text(200).nullable(),
  reviewedAt: z.iso.datetime({ offset: true }).nullable(),
});

const model = z.object({
  alias: key.describe("The name apps pin"),
  providerModelId: text(200).min(1),
  provider: key.describe("Provider key"),
  tier: key.describe("Tier key"),
  contextWindow: z.number().int().min(256).max(10_000_000),
  inputPricePerMTok: price,
  outputPricePerMTok: price,
  hardwareProfile: z.string().nullable().describe("Hardware profile name; when set it prices the model instead of the two prices"),
  licence: key.nullable().describe("Licence key"),
  enabled: z.boolean(),
  priority: z.number().int().min(0).max(100_000).describe("Lower = preferred within its tier"),
  baseline: z.boolean().describe("The model every cost is compared against; at most one"),
  // Added after formatVersion 1 first shipped: optional, so older documents still apply with the
  // defaults the columns had when they were introduced (no capabilities, no extra prices).
  capabilities: z
    .array(z.enum(CAPABILITIES))
    .default([])
    .describe("What the model supports beyond plain text (tools, structured_output, images, reasoning); a request needing anything else skips it"),
  maxOutputTokens: z.number().int().min(1).max(10_000_000).nullable().default(null).describe("Longest answer it can write; null = bounded only by the context window"),
  cachedInputPricePerMTok: price.default(null).describe("USD per 1M input tokens read from the prompt cache; null = priced as plain input"),
  cacheWritePricePerMTok: price.default(null).describe("USD per 1M input tokens written to the prompt cache; null = priced as plain input"),
  longContext: z
    .object({
      thresholdTokens: z.number().int().min(1).max(10_000_000).describe("Above this many input tokens the whole request costs the prices below"),
      inputPricePerMTok: price,
      outputPricePerMTok: price,
    })
    .nullable()
    .default(null)
    .describe("A vendor's long-context price tier; null = none"),
  catalogueRef: z.string().max(300).nullable().default(null).describe('The offline catalogue entry the defaults came from ("provider/model"); informational'),
  kind: z.enum(["chat", "embedding"]).default("chat").describe("chat models answer chat completions, Messages and Responses; embedding models only /v1/embeddings"),
  embeddingDimensions: z.number().int().min(1).max(100_000).nullable().default(null).describe("Embedding models: the vector length they return"),
});

const dataClass = z.object({
  key: z.enum(DATA_CLASSES),
  name: text(80).min(1),
  rank: z.number().int().min(0).max(100),
  description: text(1000),
  tiers: z.array(key).describe("Tier keys this class may be sent to"),
  allowedRegions: z.array(text(40)).describe("Provider regions; empty = any"),
});

const classificationRule = z.object({
  key,
  name: text(200).min(1),
  kind: z.enum(["detector", "regex", "keywords"]),
  detector: z.string().nullable(),
  pattern: z.string().max(500).nullable(),
  keywords: z.array(text(100)),
  dataClass: z.enum(DATA_CLASSES),
  enabled: z.boolean(),
});

const routingRule = z.object({
  key,
  name: text(120).min(1),
  position: z.number().int().min(0).max(1_000_000).describe("Rules are read in ascending position"),
  enabled: z.boolean(),
  when: z.object({
    feature: key.nullable(),
    minEstimatedTokens: count.nullable(),
    maxEstimatedTokens: count.nullable(),
    keywords: z.array(text(100)),
    difficulty: z.enum(DIFFICULTIES).nullable(),
  }),
  then: z.object({ minTier: key.nullable(), maxTier: key.nullable(), pinModel: key.nullable() }),
});

const feature = z.object({
  key,
  name: text(200).min(1),
  team: text(200),
  owner: text(200),
  monthlyBudgetUsd: z.number().min(0).max(1_000_000_000).nullable(),
  budgetAction: z.enum(["downgrade", "block"]),
  defaultDifficulty: z.enum(DIFFICULTIES),
  defaultDataClass: z.enum(DATA_CLASSES),
  allowPromptLogging: z.boolean(),
  commercial: z.boolean(),
  monthlyActiveUsers: count.nullable(),
  jurisdictions: z.array(text(20)),
  difficultyEstimator: z
    .object({
      frontierShare: z.number().gt(0).max(1).describe("Target share of the feature's requests sent to frontier by the difficulty estimator (0–1]"),
      threshold: z.number().min(0).max(1).describe("Score at or above which a request is hard; calibrated when the share was set"),
    })
    .nullable()
    .default(null)
    .describe("The difficulty dial; null = off (the feature default decides). Documents without it turn the dial off."),
});

const modelNameMapping = z.object({
  pattern: z.string().min(1).max(200).regex(/^[A-Za-z0-9._:/@[\]*-]+$/, "Use letters, digits, . _ : / @ [ ] - and * (any run of characters).").describe("Glob over requested model names; * = any run of characters"),
  target: key.describe("auto, tier:<tier key> or a model alias"),
  difficulty: z.enum(DIFFICULTIES).nullable().describe("Difficulty the name implies when the caller declares none; null = the request's own"),
  priority: z.number().int().min(0).max(10_000).describe("Lower = tried first"),
});

export const configDocumentSchema = z.object({
  format: z.literal(CONFIG_FORMAT, { error: `This is not a Switchyard configuration document (expected "format": "${CONFIG_FORMAT}").` }),
  formatVersion: z.literal(CONFIG_FORMAT_VERSION, { error: `Unsupported formatVersion; this Switchyard reads version ${CONFIG_FORMAT_VERSION}.` }),
  about: z.string().optional().describe("Free text for people; ignored when applied"),
  exportedAt: z.string().optional(),
  basedOnPolicyVersion: z.number().int().nullable().optional().describe("The version in force when exported; informational"),
  tiers: z.array(tier).min(1),
  providers: z.array(provider),
  hardwareProfiles: z.array(hardwareProfile),
  licences: z.array(licence),
  models: z.array(model),
  dataClasses: z.array(dataClass),
  classificationRules: z.array(classificationRule),
  difficultyMinTier: z.object({ routine: key, standard: key, hard: key }).describe("Difficulty → the cheapest tier that may serve it"),
  routingRules: z.array(routingRule),
  features: z.array(feature),
  unscannableDataClass: z.enum(DATA_CLASSES).default("confidential").describe("Content the detectors cannot read (images) raises a request to at least this class"),
  maxLoggedDataClass: maxLoggedDataClassField.default("confidential").describe("Prompts are stored (where a feature allows it) only up to this class; restricted never"),
  maskedAnswerFindings: maskedAnswerFindingsField.default([]).describe("Built-in detectors whose findings are masked in model answers"),
  // Optional so documents exported before mappings existed leave them as they are when applied.
  modelNameMappings: z.array(modelNameMapping).optional().describe("Vendor model names clients send (claude-*, gpt-*) → auto, a tier or an alias; absent = keep the current mappings"),
});

export type ConfigDocument = z.infer<typeof configDocumentSchema>;
export type TierDoc = ConfigDocument["tiers"][number];
export type ProviderDoc = ConfigDocument["providers"][number];
export type HardwareProfileDoc = ConfigDocument["hardwareProfiles"][number];
export type LicenceDoc = ConfigDocument["licences"][number];
export type ModelDoc = ConfigDocument["models"][number];
export type DataClassDoc = ConfigDocument["dataClasses"][number];
export type ClassificationRuleDoc = ConfigDocument["classificationRules"][number];
export type RoutingRuleDoc = ConfigDocument["routingRules"][number];
export type FeatureDoc = ConfigDocument["features"][number];
export type ModelNameMappingDoc = NonNullable<ConfigDocument["modelNameMappings"]>[number];

export const CONFIG_ABOUT =
  "Switchyard configuration as code. Edit and apply it with `npm run config -- apply FILE` or upload it on the Policy versions page: " +
  "everything is checked first, then the working configuration is made equal to this document (rows missing here are removed) and published as a new policy version, in one transaction.";
