// The what-if replay: decision records in, a summary out. Pure — no database, no clock, no
// model called. Records are fed in time order (budgets accumulate month by month), in as many
// batches as the reader likes; records with the same decision inputs are decided once.
import { baselineCostUsd, tokensCostUsd } from "@/lib/pricing/cost";
import { decide, prepareSnapshot, type PreparedSnapshot } from "@/lib/routing";
import type { ModelPolicy, PolicySnapshot, RefusalCode, RejectionReason } from "@/lib/routing/types";
import { decisionKey, tokenShapeOf, type TokenShape } from "./decision-key";
import { independentAllowance } from "./data-class-check";
import { findingClassesOf, keywordText, policyKeywords, rebuildAnalysis, replayFindings, type FindingClasses, type PolicyKeyword } from "./rebuild-analysis";
import { readReplayInput } from "./replay-input";
import { emptyTotals, ReplayTally } from "./tally";
import type { Placement, ReplayRecord, ReplaySummary, TokenSums } from "./types";

export interface ReplayOptions {
  /** The routing keywords a record of this policy version was checked against; null when unknown. */
  checkedKeywords: (policyVersion: number | null) => ReadonlySet<string> | null;
  /** Month-to-date spend per feature before the first record (its month), e.g. from the ledger. */
  spendBefore?: Readonly<Record<string, number>>;
}

/** What one group's decision comes to; every record of the group shares it. */
type GroupOutcome =
  | { refused: false; alias: string; tierKey: string; violates: boolean }
  | { refused: true; code: RefusalCode; constraint: RejectionReason; message: string; violates: false };

/** A recorded score matters only through the feature's dial: at or above its threshold, or not. */
function scoreClass(score: number | null, threshold: number | null): string {
  if (score === null) return "none";
  if (threshold === null) return "no dial";
  return score >= threshold ? "at or above" : "below";
}

function averageTokens(tokens: TokenSums, count: number): TokenSums {
  return {
    inputTokens: tokens.inputTokens / count,
    outputTokens: tokens.outputTokens / count,
    cachedInputTokens: tokens.cachedInputTokens / count,
    cacheWriteTokens: tokens.cacheWriteTokens / count,
  };
}

function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${date.getUTCMonth()}`;
}

export class Replay {
  private readonly shape: TokenShape;
  private readonly classes: FindingClasses;
  private readonly keywords: PolicyKeyword[];
  private readonly models: Map<string, ModelPolicy>;
  /** decide()'s view of the policy, made once for the whole replay. */
  private readonly prepared: PreparedSnapshot;
  private readonly groups = new Map<string, GroupOutcome>();
  private readonly spend = new Map<string, number>();
  private readonly tally = new ReplayTally();
  private month: string | null = null;

  constructor(
    private readonly snapshot: PolicySnapshot,
    private readonly options: ReplayOptions,
  ) {
    this.shape = tokenShapeOf(snapshot);
    this.classes = findingClassesOf(snapshot);
    this.keywords = policyKeywords(snapshot);
    this.models = new Map(snapshot.models.map((model) => [model.alias, model]));
    this.prepared = prepareSnapshot(snapshot);
  }

  private dialOf(featureKey: string | null): number | null {
    if (featureKey === null) return null;
    return this.snapshot.features.find((feature) => feature.key === featureKey)?.difficultyEstimator?.threshold ?? null;
  }

  private budgetOf(featureKey: string | null): number | null {
    if (featureKey === null) return null;
    return this.snapshot.features.find((feature) => feature.key === featureKey)?.monthlyBudgetUsd ?? null;
  }

  private decideGroup(record: ReplayRecord, key: string, analysis: Parameters<typeof decide>[0], overBudget: boolean, budget: number | null): GroupOutcome {
    const seen = this.groups.get(key);
    if (seen) return seen;
    const spent = overBudget && budget !== null && record.featureKey !== null ? { [record.featureKey]: budget } : {};
    const decision = decide(analysis, this.prepared, { openCircuitProviderKeys: [], rateLimitedProviders: [], monthToDateSpendUsdByFeature: spent, now: record.createdAt });
    const allowed = independentAllowance(analysis, this.snapshot);
    let outcome: GroupOutcome;
    if (decision.outcome.kind === "refused") {
      const { refusal } = decision.outcome;
      outcome = { refused: true, code: refusal.code, constraint: refusal.constraint, message: refusal.message, violates: false };
    } else {
      const first = decision.candidates[0]!;
      const violates = decision.candidates.some((candidate) => !allowed.has(candidate.tierKey));
      outcome = { refused: false, alias: first.alias, tierKey: first.tierKey, violates };
    }
    this.groups.set(key, outcome);
    return outcome;
  }

  /** Replays a batch of records; call in time order. */
  add(records: readonly ReplayRecord[]): void {
    for (const record of records) this.addOne(record);
  }

  private addOne(record: ReplayRecord): void {
    const input = readReplayInput(record.replayInput);
    if (input === null) return this.tally.skip("no_replay_input", record.count);
    const promptText = keywordText(input, record.prompt, record.featureKey, this.keywords, this.options.checkedKeywords(record.policyVersion));
    if (promptText === null) return this.tally.skip("unknown_keyword", record.count);

    const month = monthOf(record.createdAt);
    if (this.month !== month) {
      // A new month: spend starts again (the first month starts from what was spent before the window).
      this.spend.clear();
      if (this.month === null) for (const [feature, usd] of Object.entries(this.options.spendBefore ?? {})) this.spend.set(feature, usd);
      this.month = month;
    }
    const analysis = rebuildAnalysis(input, record, replayFindings(input.findings, this.classes), promptText);
    const budget = this.budgetOf(record.featureKey);
    const overBudget = budget !== null && (this.spend.get(record.featureKey!) ?? 0) >= budget;
    const key = decisionKey(this.shape, analysis, overBudget, scoreClass(record.difficultyScore, this.dialOf(record.featureKey)));
    const outcome = this.decideGroup(record, key, analysis, overBudget, budget);

    // The ledger's own cost math on the row's average record, times its records: pricing is linear
    // within a row, because rows are split wherever a long-context threshold could change a price.
    const average = record.tokens === null ? null : averageTokens(record.tokens, record.count);
    const model = outcome.refused ? undefined : this.models.get(outcome.alias);
    const perRecord = outcome.refused ? 0 : average === null || model === undefined ? null : tokensCostUsd(model, average);
    const replayCost = perRecord === null ? null : perRecord * record.count;
    const baseline = average === null ? null : baselineCostUsd(this.snapshot, average);
    if (budget !== null && replayCost !== null) this.spend.set(record.featureKey!, (this.spend.get(record.featureKey!) ?? 0) + replayCost);

    const from: Placement =
      record.refused || record.firstAlias === null
        ? { tierKey: null, alias: null, refused: true }
        : { tierKey: record.firstTierKey, alias: record.firstAlias, refused: false };
    const to: Placement = outcome.refused ? { tierKey: null, alias: null, refused: true } : { tierKey: outcome.tierKey, alias: outcome.alias, refused: false };
    this.tally.count(record, from, to, {
      hasTokens: average !== null,
      replayCostUsd: replayCost,
      baselineCostUsd: baseline === null ? null : baseline * record.count,
      refusal: outcome.refused ? { code: outcome.code, constraint: outcome.constraint, message: outcome.message } : null,
      violates: outcome.violates,
    });
  }

  summary(): ReplaySummary {
    return this.tally.summary(this.groups.size);
  }
}

export { emptyTotals };
