// decide(): analysis + policy snapshot + live state → decision. Pure and deterministic: no I/O,
// no clock (time arrives in LiveState.now), the same inputs always give the same decision.
//
// Order of work:
//  1. Refusals about the request itself: unknown pinned model/tier (404), a pin the data
//     class forbids (403), a feature over a "block" budget (429).
//  2. The band of tiers (difficulty, rules, pins, budget downgrade).
//  3. Every model through the checks below, in this order; the first that fails names the
//     reason. Policy first, live health last, so the stage of the last rejection tells which
//     constraint emptied the list.
//  4. Survivors are ordered; an empty list becomes a refusal naming the constraints.
import { budgetCheck, evaluateBudget } from "./constraints/budget";
import { capabilityCheck, capabilityWords } from "./constraints/capability";
import { contextCheck, fitsContext } from "./constraints/context";
import { dataClassCheck, resolveDataClass } from "./constraints/data-class";
import { estimateKeptLine, resolveDifficulty } from "./difficulty/resolve";
import { estimateDifficulty, estimatorInput } from "./difficulty/estimate";
import { emptyListRefusal } from "./explain/empty-list";
import { escalationReason, escalationWords } from "./explain/escalation";
import { circuitCheck, disabledCheck, rateLimitCheck } from "./constraints/health";
import type { ModelView, Verdict } from "./model-view";
import { orderCandidates } from "./constraints/order";
import { pinCheck, pinDecision, resolveCallerPin, resolveRulePin, type PinScope } from "./constraints/pin";
import { otherKindPin } from "./constraints/model-kind";
import { matchRoutingRules, ruleMatchedWords, type RuleMatch } from "./constraints/rules";
import { isPrepared, licenceReviewsFor, prepareSnapshot, scopedSnapshot, type PreparedSnapshot } from "./prepared-snapshot";
import type { SnapshotIndex } from "./snapshot-index";
import { compareStaged, toRejection, type StagedRejection } from "./explain/staged-rejection";
import { resolveTierBounds, tierBoundCheck } from "./constraints/tier-bounds";
import { candidatesLine, rejectionLines } from "./explain/trace";
import type { Analysis, Candidate, Decision, FeaturePolicy, LiveState, PolicySnapshot, Refusal } from "./types";
import { requestCostUsd } from "@/lib/pricing/cost";

function resolveFeature(featureKey: string | null, index: SnapshotIndex, trace: string[]): FeaturePolicy | null {
  if (featureKey === null) return null;
  const feature = index.features.get(featureKey) ?? null;
  trace.push(
    feature === null
      ? `Feature "${featureKey}" is not configured, so the request is treated as having no feature.`
      : `Request for feature ${feature.name} (team ${feature.team}).`,
  );
  return feature;
}

function ruleEffectWords({ rule }: RuleMatch): string {
  const effects: string[] = [];
  if (rule.then.minTierKey !== null) effects.push(`at least the ${rule.then.minTierKey} tier`);
  if (rule.then.maxTierKey !== null) effects.push(`at most the ${rule.then.maxTierKey} tier`);
  if (rule.then.pinModelAlias !== null) effects.push(`model ${rule.then.pinModelAlias}`);
  return effects.length === 0 ? "no effect" : effects.join(", ");
}

/** The cheapest tier holding a model the class, switches, licence and window all allow. */
function cheapestFittingTier(
  views: readonly ModelView[],
  fits: (view: ModelView) => boolean,
  index: SnapshotIndex,
): { key: string; position: number } | null {
  const positions = views.filter(fits).map((view) => view.tierPosition ?? Number.MAX_SAFE_INTEGER);
  const tier = index.tiers[Math.min(...positions)];
  return positions.length === 0 || tier === undefined ? null : { key: tier.key, position: Math.min(...positions) };
}

function firstFailure(
  view: ModelView,
  checks: ReadonlyArray<(view: ModelView) => Verdict | null>,
): { stage: number; verdict: Verdict } | null {
  for (const [stage, check] of checks.entries()) {
    const verdict = check(view);
    if (verdict !== null) return { stage, verdict };
  }
  return null;
}

export function decide(analysis: Analysis, policy: PolicySnapshot | PreparedSnapshot, live: LiveState): Decision {
  const kind = analysis.modelKind ?? "chat";
  const prepared = isPrepared(policy) ? policy : prepareSnapshot(policy);
  const fullSnapshot = prepared.snapshot;
  const scoped = scopedSnapshot(prepared, kind);
  const { snapshot, index, views } = scoped;
  const trace: string[] = [];
  const feature = resolveFeature(analysis.featureKey, index, trace);
  const dataClass = resolveDataClass(analysis, feature, index);
  trace.push(...dataClass.trace);
  // Chat requests are always scored (the decision record keeps the score for calibration and
  // what-if replay); the score changes the difficulty only where the feature's dial is on.
  const estimate =
    kind !== "chat" || analysis.difficultyScore === null
      ? null
      : analysis.difficultyScore !== undefined
        ? { score: analysis.difficultyScore.score, cues: [], basis: "model" as const, task: "the recorded score" }
        : estimateDifficulty(estimatorInput(analysis));
  const difficulty = resolveDifficulty(analysis, feature, estimate);
  const kept = estimateKeptLine(difficulty, feature);
  if (kept !== null) trace.push(kept);
  const callerPin = resolveCallerPin(analysis.pin, index, dataClass, analysis);
  if (analysis.requiredCapabilities.length > 0) trace.push(`The request needs a model that can ${capabilityWords(analysis.requiredCapabilities)}.`);
  const budget = evaluateBudget(feature, live);

  const decision: Decision = {
    policyVersion: snapshot.version,
    featureKey: feature?.key ?? null,
    dataClass: {
      key: dataClass.key,
      raisedBy: dataClass.raisedBy,
      allowedTierKeys: dataClass.allowedTierKeys,
      allowedRegions: dataClass.allowedRegions,
    },
    difficulty: { level: difficulty.level, source: difficulty.source },
    ...(difficulty.estimate === null ? {} : { difficultyEstimate: difficulty.estimate }),
    minTier: null,
    maxTier: null,
    matchedRuleKeys: [],
    pin:
      analysis.pin.kind === "auto"
        ? null
        : analysis.pin.kind === "tier"
          ? { source: "caller", kind: "tier", target: analysis.pin.tierKey, ruleKey: null }
          : { source: "caller", kind: "model", target: analysis.pin.alias, ruleKey: null },
    candidates: [],
    rejected: [],
    escalation: "none",
    budget: budget.decision,
    trace,
    outcome: { kind: "ok" },
  };
  const refuse = (refusal: Refusal): Decision => {
    trace.push(`Refused (${refusal.status} ${refusal.code}): ${refusal.message}`);
    return { ...decision, outcome: { kind: "refused", refusal } };
  };

  const wrongKind = otherKindPin(analysis.pin, fullSnapshot, kind);
  if (wrongKind !== null) return refuse(wrongKind);
  if ("refusal" in callerPin) return refuse(callerPin.refusal);
  trace.push(...callerPin.trace, ...budget.trace);
  if (budget.refusal !== null) return refuse(budget.refusal);

  const matches = matchRoutingRules(snapshot.routingRules, {
    featureKey: feature?.key ?? null,
    estimatedPromptTokens: analysis.estimatedPromptTokens,
    promptText: analysis.promptText,
    difficulty: difficulty.level,
  });
  decision.matchedRuleKeys = matches.map((match) => match.rule.key);
  for (const match of matches) trace.push(`${ruleMatchedWords(match)} → ${ruleEffectWords(match)}.`);

  const licenceReviews = licenceReviewsFor(scoped, feature);
  const licenceVerdict = (view: ModelView): Verdict | null => licenceReviews.get(view.model.alias)?.verdict ?? null;
  const servable = (view: ModelView): boolean =>
    dataClassCheck(view, dataClass) === null &&
    disabledCheck(view) === null &&
    licenceVerdict(view) === null &&
    capabilityCheck(view, analysis) === null &&
    fitsContext(view, analysis);
  const budgetTier = budget.downgrade ? cheapestFittingTier(views, servable, index) : null;
  if (budget.downgrade) {
    trace.push(
      budgetTier === null
        ? "No allowed model can take this request, so the budget downgrade has no tier to keep."
        : `Budget downgrade: only the ${budgetTier.key} tier is kept.`,
    );
  }

  const rulePin = resolveRulePin(matches, callerPin.scope, index, dataClass, budgetTier, analysis);
  trace.push(...rulePin.trace);
  const pin: PinScope = callerPin.scope.kind !== "none" ? callerPin.scope : rulePin.scope;
  decision.pin = pinDecision(pin);

  const bounds = resolveTierBounds({ index, dataClass, difficulty, feature, matches, pin, downgrade: budget.downgrade, budgetTier });
  trace.push(...bounds.trace);
  decision.minTier = bounds.min;
  decision.maxTier = bounds.max;

  const checks: Array<(view: ModelView) => Verdict | null> = [
    (view) => dataClassCheck(view, dataClass),
    disabledCheck,
    (view) => pinCheck(view, pin),
    (view) => capabilityCheck(view, analysis),
    licenceVerdict,
    (view) => contextCheck(view, analysis),
    (view) => budgetCheck(view, budgetTier, feature),
    (view) => tierBoundCheck(view, bounds, index),
    (view) => circuitCheck(view, live),
    (view) => rateLimitCheck(view, live),
  ];
  const rejections: StagedRejection[] = [];
  const survivors: ModelView[] = [];
  for (const view of views) {
    const failed = firstFailure(view, checks);
    if (failed === null) {
      survivors.push(view);
      continue;
    }
    rejections.push({
      alias: view.model.alias,
      tierKey: view.model.tierKey,
      providerKey: view.model.providerKey,
      reason: failed.verdict.reason,
      detail: failed.verdict.detail,
      stage: failed.stage,
      tierPosition: view.tierPosition,
      priority: view.model.priority,
    });
  }
  rejections.sort(compareStaged);
  decision.rejected = rejections.map(toRejection);
  trace.push(...rejectionLines(rejections));

  const ordered = orderCandidates(
    survivors.map((view) => ({
      view,
      estimatedCostUsd: requestCostUsd(view.model, analysis.estimatedPromptTokens, analysis.requestedOutputTokens),
    })),
  );
  decision.candidates = ordered.map(
    ({ view, estimatedCostUsd }): Candidate => ({
      alias: view.model.alias,
      providerKey: view.model.providerKey,
      providerModelId: view.model.providerModelId,
      tierKey: view.model.tierKey,
      estimatedCostUsd,
    }),
  );

  const [first] = ordered;
  if (first === undefined) {
    const contextWindows = new Map(views.map((view) => [view.model.alias, view.model.contextWindow]));
    return refuse(emptyListRefusal({ rejections, dataClass, analysis, live, contextWindows }));
  }

  trace.push(candidatesLine(decision.candidates));
  for (const { view } of ordered) trace.push(...(licenceReviews.get(view.model.alias)?.notes ?? []));

  const floorKey = dataClass.allowedTierKeys[0];
  decision.escalation = escalationReason({
    chosenPosition: first.view.tierPosition,
    floorPosition: floorKey === undefined ? undefined : index.tierPosition.get(floorKey),
    pin,
    minTier: bounds.min,
    minTierPosition: bounds.min === null ? undefined : index.tierPosition.get(bounds.min.tierKey),
    rejections,
  });
  if (decision.escalation !== "none") {
    trace.push(
      `${first.view.model.alias} is above the ${floorKey ?? "?"} tier, the cheapest data class ${dataClass.key} allows, because ${escalationWords(decision.escalation, bounds.min, pin)}.`,
    );
  }
  return decision;
}
