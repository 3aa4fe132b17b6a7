// The policy engine's vocabulary. Pure data: no Prisma types, no I/O, so the engine,
// the gateway, the playground and the tests all speak the same shapes.
import type { LongContextPrices } from "@/lib/pricing/cost";

// The basic words (data classes, difficulties, capabilities, findings) are in vocabulary.ts.
export * from "./vocabulary";
import type { BudgetAction, Capability, CommercialUse, DataClassKey, Difficulty, ModelKind, ProviderKind } from "./vocabulary";

export interface TierPolicy {
  key: string; // "local" | "hosted-open" | "frontier" by default; tiers are data
  name: string;
  /** Lower rank = cheaper tier, tried first. */
  rank: number;
}

export interface ProviderPolicy {
  key: string;
  name: string;
  kind: ProviderKind;
  baseUrl: string | null;
  /** Name of the environment variable that holds the secret (never the secret). */
  apiKeyEnv: string | null;
  region: string;
  enabled: boolean;
  /** Simulator knobs; ignored by real providers. */
  simulator?: { latencyMs: number; failureRate: number };
}

export interface LicencePolicy {
  key: string;
  name: string;
  commercialUse: CommercialUse;
  /** Monthly active users above which the licence needs a separate agreement; null = no cap. */
  userCap: number | null;
  /** Jurisdictions (ISO country / region codes, e.g. "EU", "US") where use is not permitted. */
  restrictedJurisdictions: string[];
  acceptableUseNotes: string;
  jurisdictionNotes: string;
  sourceUrl: string | null;
}

export interface ModelPolicy {
  alias: string;
  providerModelId: string;
  providerKey: string;
  tierKey: string;
  contextWindow: number;
  /** USD per 1M tokens; null = price unknown (counted, never silently zero). */
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  licenceKey: string | null;
  enabled: boolean;
  /** Lower number = preferred within a tier. */
  priority: number;
  /** What the model supports; a request needing anything else skips it. */
  capabilities: Capability[];
  /** Longest answer it can write; null = bounded only by the context window. */
  maxOutputTokens: number | null;
  /** USD per 1M input tokens read from / written to the prompt cache; null = priced as plain input. */
  cachedInputPricePerMTok: number | null;
  cacheWritePricePerMTok: number | null;
  /** A vendor's long-context tier: above `thresholdTokens` input tokens the whole request costs these prices. */
  longContext: LongContextPrices | null;
  /** Absent in versions published before embeddings: those models are chat models. */
  kind?: ModelKind;
  /** Embedding models: the vector length they return. */
  embeddingDimensions?: number | null;
}

export interface DataClassPolicy {
  key: DataClassKey;
  rank: number;
  allowedTierKeys: string[];
  /** Provider regions this class may be sent to; empty = any region. */
  allowedRegions: string[];
}

export interface ClassificationRulePolicy {
  key: string;
  name: string;
  kind: "detector" | "regex" | "keywords";
  /** Built-in detector key when kind = "detector". */
  detector: string | null;
  pattern: string | null;
  keywords: string[];
  dataClass: DataClassKey;
  enabled: boolean;
}

export interface RoutingRulePolicy {
  key: string;
  name: string;
  position: number;
  enabled: boolean;
  /** Conditions: all that are set must match. */
  when: {
    featureKey: string | null;
    minEstimatedTokens: number | null;
    maxEstimatedTokens: number | null;
    /** Any keyword matches (case-insensitive, whole word). */
    keywords: string[];
    difficulty: Difficulty | null;
  };
  then: {
    minTierKey: string | null;
    maxTierKey: string | null;
    pinModelAlias: string | null;
  };
}

export interface FeaturePolicy {
  key: string;
  name: string;
  team: string;
  monthlyBudgetUsd: number | null;
  budgetAction: BudgetAction;
  defaultDifficulty: Difficulty;
  /** The least class every request of this feature carries. */
  defaultDataClass: DataClassKey;
  allowPromptLogging: boolean;
  /** Whether the feature is used commercially (licence check). */
  commercial: boolean;
  /** Expected monthly active users (licence user caps); null = unknown. */
  monthlyActiveUsers: number | null;
  /** Where the feature is served (licence jurisdiction check). */
  jurisdictions: string[];
  /** The difficulty estimator's dial; absent or null = off (the default difficulty decides). */
  difficultyEstimator?: DifficultyDial | null;
}

/**
 * A feature's dial for the difficulty estimator: requests scoring at or above `threshold` are
 * hard. The threshold is calibrated when the feature is saved so that about `frontierShare` of
 * its recent requests reach it (difficulty/calibration.ts).
 */
export interface DifficultyDial {
  /** Target share of requests sent to the frontier, 0–1. */
  frontierShare: number;
  /** Score in [0, 1] at or above which a request is hard. */
  threshold: number;
}

/** Everything the engine needs, loaded from a published policy version and cached in memory. */
export interface PolicySnapshot {
  version: number;
  tiers: TierPolicy[];
  providers: ProviderPolicy[];
  models: ModelPolicy[];
  licences: LicencePolicy[];
  dataClasses: DataClassPolicy[];
  classificationRules: ClassificationRulePolicy[];
  routingRules: RoutingRulePolicy[];
  features: FeaturePolicy[];
  /** Difficulty → the cheapest tier that may serve it. */
  difficultyMinTier: Record<Difficulty, string>;
  /** Alias of the model every cost is compared against (all-frontier baseline). */
  baselineModelAlias: string | null;
  /** Content the detectors cannot read (images) raises a request to at least this class. */
  unscannableDataClass: DataClassKey;
  /** Prompts are stored (where a feature allows it) only for requests up to this class; restricted never. */
  maxLoggedDataClass: DataClassKey;
  /** Finding types masked in model answers before they reach the caller. */
  maskedAnswerFindings: string[];
  /** Vendor model names clients send (claude-*, gpt-*) → what they mean here; absent = none. */
  modelNameMappings?: ModelNameMappingPolicy[];
}

/** A glob over requested model names (`*` = any run of characters) and what a match asks for. */
export interface ModelNameMappingPolicy {
  pattern: string;
  /** `auto`, `tier:<tier key>` or a model alias. */
  target: string;
  /** The difficulty the name implies when the caller declares none; null = the request's own. */
  difficulty: Difficulty | null;
  /** Lower = tried first. */
  priority: number;
}

// The engine's inputs and output (Analysis, LiveState, Decision, …) live beside this file;
// re-exported so one import path serves the whole vocabulary.
export type * from "./decision-types";
