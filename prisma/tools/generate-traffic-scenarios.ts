// The traffic generator's model of a month of requests, as a weighted list of *scenarios*: each
// one is a request shape (feature, prompt size, detector findings, difficulty, keywords, pin, live
// health, budget state) put through the real policy engine (`decide`), then an outcome (served,
// fallback, failure, dry run). So every synthetic record carries a true trace, true candidates and
// rejections, and a cost from the published prices. Pure: generate-traffic.ts turns the scenarios
// into rows with set-based SQL, drawing per-row tokens and latencies around each scenario's figures.
import { decide, fallbackTraceLine, tierOrder } from "../../lib/routing";
import { fallbackKindOf } from "@/lib/routing/explain/trace";
import type { Analysis, CallerPin, Decision, Difficulty, Finding, LiveState, ModelPolicy, PolicySnapshot } from "../../lib/routing/types";
import type { DecisionStatus, FallbackAttempt, FindingCount } from "../../lib/ledger/record";
import { replayInputOf, type ReplayInput } from "../../lib/replay/replay-input";

export interface TrafficScenario {
  /** Share of all requests, 0..1; the list sums to 1. */
  weight: number;
  featureKey: string | null;
  team: string | null;
  requestedModel: string;
  policyVersion: number | null;
  dataClass: string;
  findings: FindingCount[];
  /** What What-if replays (lib/replay/replay-input.ts), as the gateway stores it. */
  replayInput: ReplayInput | null;
  difficulty: string | null;
  stream: boolean;
  dryRun: boolean;
  estimatedInputTokens: number;
  /** Median output tokens of a served answer (lognormal around it). */
  outputMedian: number;
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
  refusalConstraint: string | null;
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
}

export interface ScenarioOptions {
  /** Share of traffic decided while an unpriced trial model was enabled on hosted-open (counted, never priced). */
  unpricedShare?: number;
  /** Scenarios below this weight are dropped (the rest renormalised): ~1 request in 10M. */
  minWeight?: number;
}

/** The alias of the hosted-open model the generator pretends was enabled for a while without a price. */
export const UNPRICED_TRIAL_ALIAS = "kimi-k2-trial";

interface FeatureProfile {
  share: number;
  outputMedian: number;
  streamShare: number;
  sizes: Array<[number, number]>;
  findings: Array<[number, Array<[string, number]>]>;
  keywordShare: number;
}

/** What each seeded feature's traffic looks like; features not listed get DEFAULT_PROFILE. */
const PROFILES: Record<string, FeatureProfile> = {
  "support-summaries": {
    share: 0.46,
    outputMedian: 160,
    streamShare: 0.1,
    sizes: [[0.74, 450], [0.2, 1_800], [0.06, 9_500]],
    findings: [[0.7, []], [0.18, [["email", 1]]], [0.05, [["phone", 1]]], [0.04, [["email", 2], ["phone", 1]]], [0.03, [["payment_card", 1]]]],
    keywordShare: 0.001,
  },
  "code-assist": {
    share: 0.3,
    outputMedian: 380,
    streamShare: 0.75,
    sizes: [[0.38, 700], [0.45, 3_200], [0.16, 14_000], [0.01, 140_000]],
    findings: [[0.93, []], [0.07, [["secret", 1]]]],
    keywordShare: 0.004,
  },
  "contract-review": {
    share: 0.1,
    outputMedian: 900,
    streamShare: 0.2,
    sizes: [[0.1, 900], [0.3, 4_500], [0.5, 24_000], [0.1, 90_000]],
    findings: [[0.55, []], [0.37, [["email", 2]]], [0.05, [["iban", 1]]], [0.03, [["us_ssn", 1]]]],
    keywordShare: 0.08,
  },
  "research-notebook": {
    share: 0.08,
    outputMedian: 600,
    streamShare: 0.4,
    sizes: [[0.4, 800], [0.4, 3_000], [0.2, 11_000]],
    findings: [[0.97, []], [0.03, [["email", 1]]]],
    keywordShare: 0.03,
  },
};

const DEFAULT_PROFILE: FeatureProfile = {
  share: 0.04,
  outputMedian: 300,
  streamShare: 0.3,
  sizes: [[0.6, 600], [0.3, 2_500], [0.1, 10_000]],
  findings: [[0.9, []], [0.1, [["email", 1]]]],
  keywordShare: 0.005,
};

/** Requests that name no feature (the key has no default): a small, unattributed share. */
const NO_FEATURE_SHARE = 0.02;
/** A prompt larger than every context window: refused with "context_window". */
const OVERSIZED = { share: 0.0004, tokens: 240_000 };

const DIFFICULTIES: Array<[number, Difficulty | null]> = [[0.7, null], [0.1, "routine"], [0.1, "standard"], [0.1, "hard"]];

type Pin = { weight: number; pin: CallerPin; requested: string };
type Live = { weight: number; name: "normal" | "local_down" | "hosted_limited"; over_budget: boolean };

/** Gateway-side latency figures per tier (ms): time to first token and per output token. */
const TIER_SPEED: Record<string, { ttft: number; perToken: number }> = {
  local: { ttft: 220, perToken: 22 },
  "hosted-open": { ttft: 420, perToken: 11 },
  frontier: { ttft: 850, perToken: 16 },
};

/** Why an attempt failed before the first byte (AttemptRecord.errorKind) and how long it took. */
const FALLBACK_CAUSES: Array<[number, string, number, string]> = [
  [0.45, "rate_limited", 180, "429 Too Many Requests"],
  [0.25, "timeout", 30_000, "no answer within the attempt timeout"],
  [0.25, "unavailable", 900, "503 Service Unavailable"],
  [0.05, "circuit_open", 0, "circuit open"],
];
/** The trace's words for each error kind (lib/gateway/pipeline/run-pipeline.ts maps them the same way). */

const FALLBACK_RATE = 0.025;
const ALL_FAILED_RATE = 0.002;
const STREAM_INTERRUPTED_RATE = 0.01;
const DRY_RUN_RATE = 0.004;
const KEY_RATE_LIMITED_SHARE = 0.002;

function detectorClass(snapshot: PolicySnapshot, detector: string): Finding["dataClass"] | null {
  const rule = snapshot.classificationRules.find((candidate) => candidate.enabled && candidate.kind === "detector" && candidate.detector === detector);
  return rule?.dataClass ?? null;
}

function findingsFor(snapshot: PolicySnapshot, spec: Array<[string, number]>): Finding[] {
  return spec.flatMap(([type, count]) => {
    const dataClass = detectorClass(snapshot, type);
    return dataClass === null ? [] : [{ type, count, positions: Array.from({ length: count }, (_, i): [number, number] => [i * 40, i * 40 + 16]), dataClass }];
  });
}

function pinsFor(snapshot: PolicySnapshot): Pin[] {
  const tiers = tierOrder(snapshot);
  const top = tiers.at(-1)?.key;
  const bottom = tiers[0]?.key;
  const named = snapshot.models.find((model) => model.tierKey === top && model.enabled && model.alias !== snapshot.baselineModelAlias) ?? snapshot.models.find((model) => model.tierKey === top);
  const pins: Pin[] = [{ weight: 0.965, pin: { kind: "auto" }, requested: "auto" }];
  if (top) pins.push({ weight: 0.015, pin: { kind: "tier", tierKey: top }, requested: `tier:${top}` });
  if (bottom) pins.push({ weight: 0.005, pin: { kind: "tier", tierKey: bottom }, requested: `tier:${bottom}` });
  if (named) pins.push({ weight: 0.01, pin: { kind: "model", alias: named.alias }, requested: named.alias });
  // An app asking for a model Switchyard does not serve: 404 model_not_found.
  pins.push({ weight: 0.005, pin: { kind: "model", alias: "gpt-4o-mini" }, requested: "gpt-4o-mini" });
  return normalise(pins);
}

function normalise<T extends { weight: number }>(items: T[]): T[] {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  return items.map((item) => ({ ...item, weight: item.weight / total }));
}

function providersOfTier(snapshot: PolicySnapshot, tierKey: string | undefined): string[] {
  return [...new Set(snapshot.models.filter((model) => model.tierKey === tierKey).map((model) => model.providerKey))];
}

function liveStates(snapshot: PolicySnapshot, now: Date, featureKey: string | null): Array<Live & { state: LiveState }> {
  const tiers = tierOrder(snapshot);
  const feature = snapshot.features.find((candidate) => candidate.key === featureKey);
  const budget = feature?.monthlyBudgetUsd ?? null;
  const overBudgetShare = budget === null ? 0 : 0.015;
  const health: Array<{ weight: number; name: Live["name"]; open: string[]; limited: string[] }> = [
    { weight: 0.975, name: "normal", open: [], limited: [] },
    { weight: 0.015, name: "local_down", open: providersOfTier(snapshot, tiers[0]?.key), limited: [] },
    { weight: 0.01, name: "hosted_limited", open: [], limited: providersOfTier(snapshot, tiers[1]?.key) },
  ];
  const states: Array<Live & { state: LiveState }> = [];
  for (const h of health) {
    for (const over of overBudgetShare > 0 ? [false, true] : [false]) {
      // Month-to-date spend as the budget check sees it: a third of the budget, or just over it.
      const spend = featureKey && budget !== null ? { [featureKey]: budget * (over ? 1.02 : 0.35) } : {};
      states.push({
        weight: h.weight * (over ? overBudgetShare : 1 - overBudgetShare),
        name: h.name,
        over_budget: over,
        state: {
          openCircuitProviderKeys: h.open,
          rateLimitedProviders: h.limited.map((providerKey) => ({ providerKey, retryAfterSeconds: 30 })),
          monthToDateSpendUsdByFeature: spend,
          now,
        },
      });
    }
  }
  return states;
}

function withUnpricedTrial(snapshot: PolicySnapshot): PolicySnapshot | null {
  const tiers = tierOrder(snapshot);
  const hosted = tiers[1];
  const template = snapshot.models.find((model) => model.tierKey === hosted?.key && model.enabled);
  if (!hosted || !template) return null;
  const trial: ModelPolicy = { ...template, alias: UNPRICED_TRIAL_ALIAS, providerModelId: "moonshotai/Kimi-K2-Instruct", inputPricePerMTok: null, outputPricePerMTok: null, licenceKey: null, priority: 1 };
  return { ...snapshot, models: [...snapshot.models, trial] };
}

interface Shape {
  weight: number;
  featureKey: string | null;
  team: string | null;
  profile: FeatureProfile;
  analysis: Analysis;
  live: LiveState;
  snapshot: PolicySnapshot;
  requested: string;
}

/** Every request shape with its share, before the engine decides it. */
function shapes(snapshot: PolicySnapshot, now: Date, unpricedShare: number, minWeight: number): Shape[] {
  const out: Shape[] = [];
  const trialSnapshot = unpricedShare > 0 ? withUnpricedTrial(snapshot) : null;
  const catalogues: Array<[number, PolicySnapshot]> = trialSnapshot ? [[1 - unpricedShare, snapshot], [unpricedShare, trialSnapshot]] : [[1, snapshot]];
  const features = snapshot.features.map((feature) => ({ feature, profile: PROFILES[feature.key] ?? DEFAULT_PROFILE }));
  const featureTotal = features.reduce((sum, { profile }) => sum + profile.share, 0);
  const population: Array<{ share: number; featureKey: string | null; team: string | null; profile: FeatureProfile }> = [
    ...features.map(({ feature, profile }) => ({ share: (profile.share / featureTotal) * (1 - NO_FEATURE_SHARE), featureKey: feature.key, team: feature.team, profile })),
    { share: NO_FEATURE_SHARE, featureKey: null, team: null, profile: DEFAULT_PROFILE },
  ];
  const pins = pinsFor(snapshot);
  for (const { share, featureKey, team, profile } of population) {
    const sizes: Array<[number, number]> = [...profile.sizes.map(([w, tokens]): [number, number] => [w * (1 - OVERSIZED.share), tokens]), [OVERSIZED.share, OVERSIZED.tokens]];
    for (const [catalogueWeight, catalogue] of catalogues)
      for (const [sizeWeight, tokens] of sizes)
        for (const [findingWeight, findingSpec] of profile.findings)
          for (const [difficultyWeight, difficulty] of DIFFICULTIES)
            for (const keyword of [false, true])
              for (const pin of pins)
                for (const live of liveStates(catalogue, now, featureKey)) {
                  const keywordWeight = keyword ? profile.keywordShare : 1 - profile.keywordShare;
                  const weight = share * catalogueWeight * sizeWeight * findingWeight * difficultyWeight * keywordWeight * pin.weight * live.weight;
                  // A shape this rare would not make one request in ten million, and three unusual
                  // circumstances at once are rarer still: not worth deciding.
                  const unusual = [catalogue !== snapshot, tokens === OVERSIZED.tokens, keyword, pin.pin.kind !== "auto", live.name !== "normal", live.over_budget].filter(Boolean).length;
                  if (weight < minWeight || unusual > 2) continue;
                  out.push({
                    weight,
                    featureKey,
                    team,
                    profile,
                    requested: pin.requested,
                    snapshot: catalogue,
                    live: live.state,
                    analysis: {
                      estimatedPromptTokens: tokens,
                      requestedOutputTokens: 1024,
                      findings: findingsFor(catalogue, findingSpec),
                      declaredDataClass: null,
                      featureKey,
                      declaredDifficulty: difficulty,
                      pin: pin.pin,
                      promptText: keyword ? "Please prove that the indemnity clause survives termination." : "Summarise the attached text for the customer.",
                      requiredCapabilities: [],
                      openaiOnlyFields: [],
                      declaredOutputTokens: null,
                    },
                  });
                }
  }
  return out;
}

function priceOf(snapshot: PolicySnapshot, alias: string | null): { input: number | null; output: number | null } {
  const model = snapshot.models.find((candidate) => candidate.alias === alias);
  return { input: model?.inputPricePerMTok ?? null, output: model?.outputPricePerMTok ?? null };
}

function speedOf(tierKey: string, alias: string): { ttft: number; perToken: number } {
  const base = TIER_SPEED[tierKey] ?? { ttft: 500, perToken: 15 };
  // The biggest frontier models answer more slowly.
  const slow = /opus/i.test(alias) ? 1.5 : 1;
  return { ttft: base.ttft * slow, perToken: base.perToken * slow };
}

interface Outcome {
  weight: number;
  stream: boolean;
  dryRun: boolean;
  status: DecisionStatus;
  httpStatus: number;
  errorCode: string | null;
  served: Decision["candidates"][number] | null;
  attempts: FallbackAttempt[];
  usage: boolean;
  extraTrace: string[];
}

function attempt(candidate: Decision["candidates"][number], cause: string, latencyMs: number, message: string): FallbackAttempt {
  return { alias: candidate.alias, providerKey: candidate.providerKey, errorKind: cause, message, latencyMs };
}

function fallbackLines(attempts: FallbackAttempt[], candidates: Decision["candidates"], servedAlias: string | null): string[] {
  return attempts.map((failed, index) => {
    const from = candidates.find((candidate) => candidate.alias === failed.alias)!;
    const nextAlias = attempts[index + 1]?.alias ?? servedAlias;
    const to = nextAlias ? (candidates.find((candidate) => candidate.alias === nextAlias) ?? null) : null;
    return fallbackTraceLine(from, to, fallbackKindOf(failed.errorKind));
  });
}

function outcomes(decision: Decision, streamShare: number): Outcome[] {
  const [first, second] = decision.candidates;
  if (!first) return [];
  const servedLine = (candidate: typeof first, stream: boolean) => `Served by ${candidate.alias} (${candidate.providerKey}, ${candidate.tierKey} tier)${stream ? ", streaming" : ""}.`;
  const list: Outcome[] = [
    {
      weight: DRY_RUN_RATE,
      stream: false,
      dryRun: true,
      status: "success",
      httpStatus: 200,
      errorCode: null,
      served: first,
      attempts: [],
      usage: false,
      extraTrace: [`Dry run: no model was called; ${first.alias} would have been tried first.`],
    },
  ];
  for (const stream of [false, true]) {
    const share = (1 - DRY_RUN_RATE) * (stream ? streamShare : 1 - streamShare);
    if (share === 0) continue;
    const fallback = second ? FALLBACK_RATE : 0;
    const interrupted = stream ? STREAM_INTERRUPTED_RATE : 0;
    list.push({ weight: share * (1 - fallback - ALL_FAILED_RATE - interrupted), stream, dryRun: false, status: "success", httpStatus: 200, errorCode: null, served: first, attempts: [], usage: true, extraTrace: [servedLine(first, stream)] });
    if (second) {
      for (const [causeWeight, cause, latency, message] of FALLBACK_CAUSES) {
        const attempts = [attempt(first, cause, latency, message)];
        list.push({
          weight: share * fallback * causeWeight,
          stream,
          dryRun: false,
          status: "fallback_success",
          httpStatus: 200,
          errorCode: null,
          served: second,
          attempts,
          usage: true,
          extraTrace: [...fallbackLines(attempts, decision.candidates, second.alias), servedLine(second, stream)],
        });
      }
    }
    const allFailed = decision.candidates.map((candidate) => attempt(candidate, "unavailable", 900, "503 Service Unavailable"));
    list.push({
      weight: share * ALL_FAILED_RATE,
      stream,
      dryRun: false,
      status: "error",
      httpStatus: 503,
      errorCode: "all_candidates_failed",
      served: null,
      attempts: allFailed,
      usage: false,
      extraTrace: fallbackLines(allFailed, decision.candidates, null),
    });
    if (stream) {
      list.push({
        weight: share * interrupted,
        stream,
        dryRun: false,
        status: "error",
        httpStatus: 200,
        errorCode: "stream_interrupted",
        served: first,
        attempts: [],
        usage: false,
        extraTrace: [servedLine(first, true), "The stream failed after the first byte (upstream connection reset); it was not switched to another model."],
      });
    }
  }
  return list;
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
