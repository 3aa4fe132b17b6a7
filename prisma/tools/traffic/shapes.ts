// Every request shape the generator puts through the engine, with its share of the month: the
// product of feature, catalogue (with or without an unpriced trial model), prompt size, findings,
// difficulty, keyword, pin and live health/budget state, pruned of shapes too rare to matter.
import { tierOrder } from "@/lib/routing";
import type { Analysis, Finding, LiveState, ModelPolicy, PolicySnapshot } from "@/lib/routing/types";
import { DEFAULT_PROFILE, DIFFICULTIES, NO_FEATURE_SHARE, OVERSIZED, PROFILES, UNPRICED_TRIAL_ALIAS, type FeatureProfile, type Live, type Pin } from "./profiles";

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

export interface Shape {
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
export function shapes(snapshot: PolicySnapshot, now: Date, unpricedShare: number, minWeight: number): Shape[] {
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
