// The policy engine's inputs and output: what the gateway hands to decide() and what it gets
// back. Pure data, serialisable, so a decision can be stored, replayed and shown as is.
import type { BudgetAction, Capability, DataClassKey, Difficulty, Finding, ModelKind } from "./vocabulary";

/** What the caller asked for: the engine's choice, one tier, or one model. */
export type CallerPin = { kind: "auto" } | { kind: "tier"; tierKey: string } | { kind: "model"; alias: string };

/** What the gateway learned about the request before deciding. */
export interface Analysis {
  estimatedPromptTokens: number;
  /** max_tokens, or the default output allowance the gateway supplies. */
  requestedOutputTokens: number;
  /** Detector and classification-rule findings; each already names the class it raises to. */
  findings: Finding[];
  /** The class the caller declared (header/field); it can only raise the class. */
  declaredDataClass: DataClassKey | null;
  featureKey: string | null;
  declaredDifficulty: Difficulty | null;
  pin: CallerPin;
  /** The prompt as analysed, for routing-rule keywords (case-insensitive, whole word). */
  promptText: string;
  /** What the request needs from a model beyond text (tools, structured output, images, reasoning). */
  requiredCapabilities: Capability[];
  /** Fields only an OpenAI-wire upstream can honour (logit_bias, prediction, …). */
  openaiOnlyFields: string[];
  /** max_tokens as the caller sent it (null: not set), checked against each model's output limit. */
  declaredOutputTokens: number | null;
  /** The kind of model that can serve the request; absent = chat. Models of the other kind are never candidates. */
  modelKind?: ModelKind;
  /** The conversation's shape for the difficulty estimator; absent = the prompt text is one question. */
  conversation?: { userTurns: number; lastUserText: string };
  /**
   * A score already known — What-if replays a recorded one, its prompt being gone — used instead of
   * scoring promptText; null = no score (the estimator takes no part). Absent = score the text.
   */
  difficultyScore?: { score: number } | null;
}

export interface RateLimitedProvider {
  providerKey: string;
  retryAfterSeconds: number;
}

/** Health and counters at the moment of the request. Time comes in here, never from a clock. */
export interface LiveState {
  openCircuitProviderKeys: readonly string[];
  /** Seconds until each open circuit admits a probe, by provider key; absent where unknown (replays). */
  openCircuitRetryAfterSeconds?: Readonly<Record<string, number>>;
  rateLimitedProviders: readonly RateLimitedProvider[];
  /** Month-to-date spend in USD, keyed by feature key; a missing feature has spent nothing. */
  monthToDateSpendUsdByFeature: Readonly<Record<string, number>>;
  now: Date;
}

export type RejectionReason =
  | "data_class"
  | "region"
  | "context_window"
  | "capability"
  | "difficulty"
  | "rule"
  | "pin"
  | "budget"
  | "licence"
  | "circuit_open"
  | "rate_limit"
  | "disabled";

/** A model the gateway may call, in the order it should try them. */
export interface Candidate {
  alias: string;
  providerKey: string;
  providerModelId: string;
  tierKey: string;
  /** For this request's estimated tokens; null when the model's price is unknown. */
  estimatedCostUsd: number | null;
}

export interface Rejection {
  alias: string;
  tierKey: string;
  providerKey: string;
  reason: RejectionReason;
  /** Plain sentence; the trace shows it as "<alias> rejected: <detail>". */
  detail: string;
}

/** One thing that set the request's data class. */
export type DataClassSource =
  | { kind: "finding"; findingType: string; count: number; dataClass: DataClassKey }
  | { kind: "declared"; dataClass: DataClassKey }
  | { kind: "feature"; featureKey: string; dataClass: DataClassKey }
  /** No known feature: the fail-closed floor (internal). */
  | { kind: "no_feature_floor"; dataClass: DataClassKey };

export interface DataClassDecision {
  key: DataClassKey;
  /** The sources that reach this class (those below it did not raise it). */
  raisedBy: DataClassSource[];
  /** Empty when the class has no policy in the snapshot — then nothing is allowed. */
  allowedTierKeys: string[];
  /** Empty = any region. */
  allowedRegions: string[];
}

export type DifficultySource = "caller" | "feature" | "default" | "estimator";

/** The difficulty estimator's view of a chat request (lib/routing/difficulty/estimate.ts). */
export interface DifficultyEstimateDecision {
  /** The estimator's raw score for the request, in [0, 1]. */
  score: number;
  /** The task type it read, in words. */
  task: string;
  /** "model": scored by the learned model; "rules": a task type without labelled data, scored by hand-built rules. */
  basis: "model" | "rules";
  /** The feature's threshold when its dial is on; null = the estimator did not take part. */
  threshold: number | null;
  /** True when the estimate raised the difficulty above what the caller or feature said. */
  raised: boolean;
}

/**
 * Who set a tier bound. "data_class" only ever sets the maximum (the class's own ceiling, when
 * no rule lowered it). A minimum pulled down by the class keeps its source; `why` says so.
 */
export type TierBoundSource = "difficulty" | "rule" | "pin" | "budget" | "data_class";

export interface TierBound {
  tierKey: string;
  source: TierBoundSource;
  /** The routing rule behind the bound, when source is "rule". */
  ruleKey: string | null;
  /** Why, in words. */
  why: string;
}

export interface PinDecision {
  source: "caller" | "rule";
  kind: "tier" | "model";
  /** Tier key or model alias. */
  target: string;
  ruleKey: string | null;
}

/** Why the first candidate sits above the cheapest tier the data class allows. */
export type EscalationReason = "context" | "capability" | "difficulty" | "rule" | "pin" | "health" | "licence" | "none";

export interface BudgetDecision {
  featureKey: string;
  monthlyBudgetUsd: number;
  monthToDateSpendUsd: number;
  action: BudgetAction;
  exceeded: boolean;
  /** What the budget did to this request. */
  effect: "none" | "downgraded" | "blocked";
  /** Start of the next calendar month (UTC), ISO 8601, when the month's spend resets. */
  resetsAt: string;
}

export type RefusalCode =
  | "model_not_found"
  | "data_class_forbidden"
  | "budget_exceeded"
  | "rate_limited"
  | "capability_unavailable"
  | "context_length_exceeded"
  | "no_allowed_model"
  | "no_candidate";

/** OpenAI's error `type` values, chosen so OpenAI SDKs classify our refusals sensibly. */
export type OpenAiErrorType =
  | "invalid_request_error"
  | "permission_error"
  | "insufficient_quota"
  | "rate_limit_error"
  | "server_error";

/** A refusal the gateway returns verbatim, in OpenAI's error shape (see toOpenAiError). */
export interface Refusal {
  status: 400 | 403 | 404 | 429 | 503;
  code: RefusalCode;
  type: OpenAiErrorType;
  message: string;
  /** The constraint that refused the request or removed the last models. */
  constraint: RejectionReason;
  /** For 429s, and for a 503 when the failing providers' circuits say when they probe: when to retry. Null otherwise. */
  retryAfterSeconds: number | null;
}

export type Outcome = { kind: "ok" } | { kind: "refused"; refusal: Refusal };

export interface Decision {
  policyVersion: number;
  /** The known feature the request was attributed to; null when none or unknown. */
  featureKey: string | null;
  dataClass: DataClassDecision;
  difficulty: { level: Difficulty; source: DifficultySource };
  /** Absent for embeddings (never estimated). */
  difficultyEstimate?: DifficultyEstimateDecision;
  /** Bounds in force; null when the data class allows no tier at all. */
  minTier: TierBound | null;
  maxTier: TierBound | null;
  /** Enabled routing rules whose conditions matched, in position order. */
  matchedRuleKeys: string[];
  /**
   * The pin in force: the caller's, or a rule's. A rule pin that was ignored is not here (the
   * trace says why). On a 404/403 refusal it is the pin the caller asked for.
   */
  pin: PinDecision | null;
  candidates: Candidate[];
  rejected: Rejection[];
  escalation: EscalationReason;
  budget: BudgetDecision | null;
  /** Plain English sentences for a non-engineer auditor, in the order the engine reasoned. */
  trace: string[];
  outcome: Outcome;
}
