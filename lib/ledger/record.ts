// What the gateway hands the ledger for each authenticated request: one record, whatever
// happened (served, served after fallback, refused, or failed). The one declaration of the
// record's shape: readers get it back through ./record-row.ts, and the decision log, the audit
// page and the traffic generator pick their columns from it.

export type DecisionStatus = "success" | "fallback_success" | "refused" | "error";

export interface FindingCount {
  type: string;
  count: number;
}

export interface FallbackAttempt {
  alias: string;
  providerKey: string;
  errorKind: string;
  message: string;
  latencyMs: number;
}

/** The surface a request came in on. */
export type Endpoint = "chat.completions" | "messages" | "responses" | "embeddings" | "route" | "playground";

export interface DecisionRecordInput {
  id: string;
  createdAt: Date;
  apiKeyId: string | null;
  apiKeyPrefix: string | null;
  featureKey: string | null;
  team: string | null;
  endpoint: Endpoint;
  requestedModel: string;
  policyVersion: number | null;
  dataClass: string;
  findings: FindingCount[];
  promptSha256: string;
  /** Only when the feature allows prompt logging. */
  prompt: string | null;
  difficulty: string | null;
  /** The difficulty estimator's raw score (0–1); null/absent when not computed. */
  difficultyScore?: number | null;
  stream: boolean;
  /** Decided without calling a model: audited, but not part of cost and traffic rollups. */
  dryRun: boolean;
  estimatedInputTokens: number;
  requestedOutputTokens: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** Of inputTokens: read from / written to the provider's prompt cache. Null when not served. */
  cachedInputTokens?: number | null;
  cacheWriteTokens?: number | null;
  /** Of outputTokens: reasoning. */
  reasoningTokens?: number | null;
  /** A count was estimated (the provider reported none): the cost is an estimate, never zero. */
  usageEstimated?: boolean;
  /** What prompt caching saved against plain input prices. */
  cacheSavingsUsd?: number | null;
  /** Capabilities the request needed (replay input). */
  capabilities?: string[];
  /** The engine inputs no other field keeps, for What-if (lib/replay/replay-input.ts); null when not decided. */
  replayInput?: unknown;
  /** Tool calls in the answer. */
  toolCalls?: number | null;
  /** What the detectors found in the answer (types and counts; masked = replaced before the caller saw it). */
  answerFindings?: Array<{ type: string; count: number; masked: boolean }>;
  tierKey: string | null;
  modelAlias: string | null;
  providerKey: string | null;
  escalationReason: string | null;
  candidates: unknown;
  rejected: unknown;
  trace: string[];
  fallbacks: FallbackAttempt[];
  status: DecisionStatus;
  httpStatus: number;
  errorCode: string | null;
  /** For refusals: the constraint that emptied the candidate list. */
  refusalConstraint: string | null;
  latencyMs: number;
  ttftMs: number | null;
  /** Null = unknown (unpriced model) or nothing served. */
  costUsd: number | null;
  baselineCostUsd: number | null;
  synthetic?: boolean;
}
