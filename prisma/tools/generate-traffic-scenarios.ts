// The traffic generator's model of a month of requests, as a weighted list of *scenarios*: each
// one is a request shape (feature, prompt size, detector findings, difficulty, keywords, pin, live
// health, budget state) put through the real policy engine (`decide`), then an outcome (served,
// fallback, failure, dry run). So every synthetic record carries a true trace, true candidates and
// rejections, and a cost from the published prices. Pure: generate-traffic.ts turns the scenarios
// into rows with set-based SQL, drawing per-row tokens and latencies around each scenario's figures.
// The month's make-up is in traffic/profiles.ts, the request shapes in traffic/shapes.ts, what
// became of each decided request in traffic/outcomes.ts.
import { decide } from "../../lib/routing";
import type { PolicySnapshot } from "../../lib/routing/types";
import type { DecisionRecordInput } from "../../lib/ledger/record";
import { replayInputOf, type ReplayInput } from "../../lib/replay/replay-input";
import { KEY_RATE_LIMITED_SHARE } from "./traffic/profiles";
import { outcomes, priceOf, speedOf } from "./traffic/outcomes";
import { shapes } from "./traffic/shapes";

export { UNPRICED_TRIAL_ALIAS } from "./traffic/profiles";

/** A scenario: the columns its records share (lib/ledger/record.ts), its weight, and what the rows draw around. */
export type TrafficScenario = Pick<
  DecisionRecordInput,
  | "featureKey"
  | "team"
  | "requestedModel"
  | "policyVersion"
  | "dataClass"
  | "findings"
  | "difficulty"
  | "stream"
  | "dryRun"
  | "estimatedInputTokens"
  | "tierKey"
  | "modelAlias"
  | "providerKey"
  | "escalationReason"
  | "candidates"
  | "rejected"
  | "trace"
  | "fallbacks"
  | "status"
  | "httpStatus"
  | "errorCode"
  | "refusalConstraint"
> & {
  /** Share of all requests, 0..1; the list sums to 1. */
  weight: number;
  /** What What-if replays (lib/replay/replay-input.ts), as the gateway stores it. */
  replayInput: ReplayInput | null;
  /** Median output tokens of a served answer (lognormal around it). */
  outputMedian: number;
  /** The answer completed and reported usage (tokens, and so a cost). */
  usage: boolean;
  /** Prices of the serving model, USD per 1M; null = unpriced. */
  inputPrice: number | null;
  outputPrice: number | null;
  /** Latency spent on failed attempts before the served one (or before giving up). */
  attemptLatencyMs: number;
  /** Median time to first token and per-output-token time of the serving model; null when nothing was served. */
  ttftMedianMs: number | null;
  perTokenMs: number | null;
};

export interface ScenarioOptions {
  /** Share of traffic decided while an unpriced trial model was enabled on hosted-open (counted, never priced). */
  unpricedShare?: number;
  /** Scenarios below this weight are dropped (the rest renormalised): ~1 request in 10M. */
  minWeight?: number;
}
function scenarioKey(scenario: TrafficScenario): string {
  const { weight: _weight, ...rest } = scenario;
  return JSON.stringify(rest);
}

/**
 * The weighted scenarios for traffic under `snapshot` (the published policy), deciding each shape
 * at `now`. Identical scenarios are merged; the weights sum to 1.
 */
export function buildTrafficScenarios(snapshot: PolicySnapshot, now: Date, options: ScenarioOptions = {}): TrafficScenario[] {
  const minWeight = options.minWeight ?? 1e-7;
  const merged = new Map<string, TrafficScenario>();
  const add = (scenario: TrafficScenario) => {
    const key = scenarioKey(scenario);
    const seen = merged.get(key);
    if (seen) seen.weight += scenario.weight;
    else merged.set(key, scenario);
  };
  for (const shape of shapes(snapshot, now, options.unpricedShare ?? 0.03, minWeight)) {
    const decision = decide(shape.analysis, shape.snapshot, shape.live);
    const findings = shape.analysis.findings.map(({ type, count }) => ({ type, count }));
    const common = {
      featureKey: decision.featureKey ?? shape.featureKey,
      team: shape.team,
      requestedModel: shape.requested,
      policyVersion: decision.policyVersion,
      dataClass: decision.dataClass.key,
      findings,
      replayInput: replayInputOf(shape.analysis, shape.snapshot.routingRules),
      difficulty: decision.difficulty.level,
      estimatedInputTokens: shape.analysis.estimatedPromptTokens,
      outputMedian: shape.profile.outputMedian,
      candidates: decision.candidates,
      rejected: decision.rejected,
    };
    if (decision.outcome.kind === "refused") {
      const refusal = decision.outcome.refusal;
      add({
        ...common,
        weight: shape.weight,
        stream: false,
        dryRun: false,
        tierKey: null,
        modelAlias: null,
        providerKey: null,
        escalationReason: null,
        trace: decision.trace,
        fallbacks: [],
        status: "refused",
        httpStatus: refusal.status,
        errorCode: refusal.code,
        refusalConstraint: refusal.constraint,
        usage: false,
        inputPrice: null,
        outputPrice: null,
        attemptLatencyMs: 0,
        ttftMedianMs: null,
        perTokenMs: null,
      });
      continue;
    }
    for (const outcome of outcomes(decision, shape.profile.streamShare)) {
      const served = outcome.served;
      const price = priceOf(shape.snapshot, served?.alias ?? null);
      const speed = served ? speedOf(served.tierKey, served.alias) : null;
      add({
        ...common,
        weight: shape.weight * outcome.weight,
        stream: outcome.stream,
        dryRun: outcome.dryRun,
        tierKey: served?.tierKey ?? null,
        modelAlias: served?.alias ?? null,
        providerKey: served?.providerKey ?? null,
        // As the gateway records it (lib/gateway/records/decision-draft.ts): a fallback off an
        // un-escalated choice is a health escalation.
        escalationReason: served ? (outcome.attempts.length > 0 && decision.escalation === "none" ? "health" : decision.escalation) : null,
        trace: [...decision.trace, ...outcome.extraTrace],
        fallbacks: outcome.attempts,
        status: outcome.status,
        httpStatus: outcome.httpStatus,
        errorCode: outcome.errorCode,
        refusalConstraint: null,
        usage: outcome.usage,
        inputPrice: price.input,
        outputPrice: price.output,
        attemptLatencyMs: outcome.attempts.reduce((sum, failed) => sum + failed.latencyMs, 0),
        ttftMedianMs: outcome.dryRun ? null : (speed?.ttft ?? null),
        perTokenMs: outcome.dryRun ? null : (speed?.perToken ?? null),
      });
    }
  }
  // Refused by the key's own rate limit before any routing: no feature, class or trace yet.
  add({
    weight: KEY_RATE_LIMITED_SHARE,
    featureKey: null,
    team: null,
    requestedModel: "auto",
    policyVersion: null,
    dataClass: "unclassified",
    findings: [],
    replayInput: null,
    difficulty: null,
    stream: false,
    dryRun: false,
    estimatedInputTokens: 0,
    outputMedian: 0,
    tierKey: null,
    modelAlias: null,
    providerKey: null,
    escalationReason: null,
    candidates: [],
    rejected: [],
    trace: [],
    fallbacks: [],
    status: "refused",
    httpStatus: 429,
    errorCode: "rate_limited",
    refusalConstraint: null,
    usage: false,
    inputPrice: null,
    outputPrice: null,
    attemptLatencyMs: 0,
    ttftMedianMs: null,
    perTokenMs: null,
  });
  const kept = [...merged.values()].filter((scenario) => scenario.weight >= minWeight);
  const total = kept.reduce((sum, scenario) => sum + scenario.weight, 0);
  return kept.map((scenario) => ({ ...scenario, weight: scenario.weight / total }));
}

/** USD per 1M input/output tokens of the snapshot's baseline model (null when none or unpriced). */
export function baselinePrices(snapshot: PolicySnapshot): { input: number; output: number } | null {
  const price = priceOf(snapshot, snapshot.baselineModelAlias);
  return price.input === null || price.output === null ? null : { input: price.input, output: price.output };
}
