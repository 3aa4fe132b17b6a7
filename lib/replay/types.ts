// The replay's vocabulary: what it reads from a decision record and what it tells. Pure data.
import type { RefusalCode, RejectionReason } from "@/lib/routing/types";

/** Token counts as the ledger prices them (sums, for a row of several records). */
export interface TokenSums {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
}

/**
 * Decision records with identical replay inputs, recorded choice and pricing class, read as one
 * row (lib/replay/load-records.ts groups them per hour in SQL); a single record is a row of one.
 */
export interface ReplayRecord {
  /** One of the records, for the examples linked to /decisions/<id>. */
  id: string;
  /** When the row's records were decided (the start of their hour for a grouped row). */
  createdAt: Date;
  count: number;
  featureKey: string | null;
  estimatedInputTokens: number;
  /** Only where the feature allowed prompt logging; lets new routing keywords be checked. */
  prompt: string | null;
  policyVersion: number | null;
  /** Refused when decided (no candidate was chosen). */
  refused: boolean;
  /** The engine's first choice when it was decided (candidates[0]); null for a refusal. */
  firstAlias: string | null;
  firstTierKey: string | null;
  /**
   * The difficulty estimator's score when it was decided (issue 16), replayed under the policy's
   * dial; null when none was recorded (embeddings, older records): then the estimator takes no part.
   */
  difficultyScore: number | null;
  /** Summed actual tokens; null when the records were never served (no tokens to price). */
  tokens: TokenSums | null;
  /** Sum of the recorded costs, over the `pricedCount` records that had one. */
  costUsd: number;
  pricedCount: number;
  baselineCostUsd: number;
  replayInput: unknown;
}

export type SkipReason = "no_replay_input" | "unknown_keyword";

/** One side of a from → to pair: a tier and model, or a refusal. */
export interface Placement {
  tierKey: string | null;
  alias: string | null;
  refused: boolean;
}

export interface MatrixCell {
  featureKey: string | null;
  from: Placement;
  to: Placement;
  count: number;
}

export interface RefusalCount {
  code: RefusalCode;
  constraint: RejectionReason;
  count: number;
  /** The engine's sentence for one of them. */
  example: string;
}

export interface ChangedExample {
  id: string;
  createdAt: string;
  featureKey: string | null;
  from: Placement;
  to: Placement;
  /** The refusal sentence, when the replay refuses it. */
  refusal: string | null;
}

export interface CostTotals {
  replayed: number;
  changedTier: number;
  changedModel: number;
  newlyRefused: number;
  newlyServed: number;
  /** Sum of the recorded costs of the replayed records. */
  actualCostUsd: number;
  /** The replayed choices priced with the records' actual tokens. */
  replayCostUsd: number;
  /** The replayed policy's baseline model priced with the same actual tokens. */
  baselineCostUsd: number;
  /** The baseline costs the records were written with. */
  recordedBaselineCostUsd: number;
  /** Records whose recorded cost / replayed cost is unknown (unpriced model): left out of the sums. */
  unpricedActual: number;
  unpricedReplay: number;
  /** Served by the replay but never served for real, so there are no actual tokens to price. */
  servedWithoutTokens: number;
}

export interface FeatureTotals extends CostTotals {
  featureKey: string | null;
}

export interface ReplaySummary extends CostTotals {
  skipped: number;
  skippedBy: Record<SkipReason, number>;
  /** Replayed decisions that sent a request to a tier its data class does not allow (0 by construction). */
  dataClassViolations: number;
  /** How many distinct decision inputs the records had: decide() ran once per group. */
  groups: number;
  matrix: MatrixCell[];
  refusals: RefusalCount[];
  features: FeatureTotals[];
  examples: ChangedExample[];
}
