import { describe, expect, it } from "vitest";
import { tokensCostUsd } from "@/lib/pricing/cost";
import { decide } from "@/lib/routing";
import { fixtureAnalysis, fixtureFinding, fixtureLive, fixtureSnapshot, FIXTURE_NOW } from "@/lib/routing/fixtures";
import type { Analysis, PolicySnapshot } from "@/lib/routing/types";
import { Replay } from "./replay";
import { replayInputOf, ruleKeywords } from "./replay-input";
import type { ReplayRecord } from "./types";

let sequence = 0;

/** A record as the gateway writes it: decided under `snapshot`, served with these tokens. */
function recordOf(analysis: Analysis, snapshot = fixtureSnapshot(), tokens = { inputTokens: 1_000, outputTokens: 200 }, prompt: string | null = null): ReplayRecord {
  const decision = decide(analysis, snapshot, fixtureLive());
  const first = decision.candidates[0] ?? null;
  const model = snapshot.models.find((entry) => entry.alias === first?.alias);
  const served = first !== null;
  const cost = served && model ? tokensCostUsd(model, tokens) : null;
  return {
    id: `00000000-0000-7000-8000-${String(++sequence).padStart(12, "0")}`,
    createdAt: new Date(FIXTURE_NOW.getTime() + sequence * 1000),
    count: 1,
    featureKey: decision.featureKey,
    estimatedInputTokens: analysis.estimatedPromptTokens,
    prompt,
    policyVersion: snapshot.version,
    refused: !served,
    firstAlias: first?.alias ?? null,
    firstTierKey: first?.tierKey ?? null,
    difficultyScore: null,
    tokens: served ? { ...tokens, cachedInputTokens: 0, cacheWriteTokens: 0 } : null,
    costUsd: cost ?? 0,
    pricedCount: cost === null ? 0 : 1,
    baselineCostUsd: served ? (tokensCostUsd(snapshot.models.find((entry) => entry.alias === "gpt-4o")!, tokens) ?? 0) : 0,
    replayInput: replayInputOf(analysis, snapshot.routingRules),
  };
}

/** Records folded into one row, as the reader groups them. */
function grouped(records: ReplayRecord[]): ReplayRecord {
  const sum = (pick: (record: ReplayRecord) => number) => records.reduce((total, record) => total + pick(record), 0);
  const first = records[0]!;
  return {
    ...first,
    count: records.length,
    tokens: first.tokens && {
      inputTokens: sum((record) => record.tokens!.inputTokens),
      outputTokens: sum((record) => record.tokens!.outputTokens),
      cachedInputTokens: sum((record) => record.tokens!.cachedInputTokens),
      cacheWriteTokens: sum((record) => record.tokens!.cacheWriteTokens),
    },
    costUsd: sum((record) => record.costUsd),
    pricedCount: sum((record) => record.pricedCount),
    baselineCostUsd: sum((record) => record.baselineCostUsd),
  };
}

function replay(records: ReplayRecord[], snapshot: PolicySnapshot, spendBefore?: Record<string, number>) {
  const recorded = fixtureSnapshot();
  const run = new Replay(snapshot, { checkedKeywords: (version) => (version === recorded.version ? ruleKeywords(recorded.routingRules) : null), spendBefore });
  run.add(records);
  return run.summary();
}

const support = (overrides: Partial<Analysis> = {}) => fixtureAnalysis({ featureKey: "support-bot", promptText: "Where is my parcel?", ...overrides });
const analytics = (overrides: Partial<Analysis> = {}) => fixtureAnalysis({ featureKey: "analytics-assistant", promptText: "Summarise last week's signups.", ...overrides });

function edited(edit: (snapshot: PolicySnapshot) => void): PolicySnapshot {
  const snapshot = fixtureSnapshot();
  edit(snapshot);
  return snapshot;
}

describe("Replay", () => {
  const cases: Array<{
    name: string;
    records: () => ReplayRecord[];
    policy: () => PolicySnapshot;
    expected: Partial<ReturnType<typeof replay>>;
  }> = [
    {
      name: "the policy the records were decided under changes nothing and costs what they cost",
      records: () => [recordOf(support()), recordOf(analytics()), recordOf(analytics({ estimatedPromptTokens: 20_000 }))],
      policy: fixtureSnapshot,
      expected: { replayed: 3, changedTier: 0, changedModel: 0, newlyRefused: 0, newlyServed: 0, skipped: 0, dataClassViolations: 0 },
    },
    {
      name: "moving the hosted-open models to frontier moves standard traffic with them",
      records: () => [recordOf(analytics()), recordOf(analytics()), recordOf(support())],
      policy: () => edited((snapshot) => snapshot.models.forEach((model) => model.tierKey === "hosted-open" && (model.tierKey = "frontier"))),
      expected: { replayed: 3, changedTier: 2, newlyRefused: 0 },
    },
    {
      name: "a capability taken away from the only model that had it refuses the request",
      records: () => [recordOf(analytics({ requiredCapabilities: ["reasoning"] }))],
      policy: () => edited((snapshot) => (snapshot.models.find((model) => model.alias === "claude-sonnet")!.capabilities = ["tools"])),
      expected: { replayed: 1, newlyRefused: 1, changedTier: 0 },
    },
    {
      name: "records without replay inputs are skipped and counted",
      records: () => [{ ...recordOf(support()), replayInput: null }, recordOf(support())],
      policy: fixtureSnapshot,
      expected: { replayed: 1, skipped: 1, skippedBy: { no_replay_input: 1, unknown_keyword: 0 } },
    },
    {
      name: "a new keyword cannot be checked without the prompt: skipped, unless the prompt was stored",
      records: () => [recordOf(support()), recordOf(analytics({ promptText: "refund please" }), fixtureSnapshot(), undefined, "refund please")],
      policy: () =>
        edited((snapshot) =>
          snapshot.routingRules.push({ key: "refunds", name: "Refunds", position: 99, enabled: true, when: { featureKey: null, minEstimatedTokens: null, maxEstimatedTokens: null, keywords: ["refund"], difficulty: null }, then: { minTierKey: "frontier", maxTierKey: null, pinModelAlias: null } }),
        ),
      expected: { replayed: 1, skipped: 1, skippedBy: { no_replay_input: 0, unknown_keyword: 1 }, changedTier: 1 },
    },
    {
      name: "a switched-off rule's keyword was checked too: switching it on is answered from the hits",
      records: () => [recordOf(analytics({ promptText: "this is urgent" })), recordOf(analytics({ promptText: "no hurry" }))],
      policy: () => edited((snapshot) => (snapshot.routingRules.find((rule) => rule.key === "urgent-frontier")!.enabled = true)),
      expected: { replayed: 2, skipped: 0, changedTier: 1 },
    },
    {
      name: "switching the email detector off lets confidential-by-email traffic reach frontier",
      records: () => [recordOf(analytics({ declaredDifficulty: "hard", findings: [fixtureFinding("email", "confidential")] }))],
      policy: () => edited((snapshot) => (snapshot.classificationRules.find((rule) => rule.key === "email")!.enabled = false)),
      expected: { replayed: 1, changedTier: 1, dataClassViolations: 0 },
    },
    {
      name: "a smaller blocking budget refuses the requests after it is spent",
      records: () => Array.from({ length: 5 }, () => recordOf(fixtureAnalysis({ featureKey: "ticket-triage", promptText: "triage" }), fixtureSnapshot(), { inputTokens: 1_000_000, outputTokens: 0 })),
      policy: () => edited((snapshot) => (snapshot.features.find((feature) => feature.key === "ticket-triage")!.monthlyBudgetUsd = 0.05)),
      expected: { replayed: 5, newlyRefused: 4 },
    },
  ];

  it.each(cases)("$name", ({ records, policy, expected }) => {
    expect(replay(records(), policy())).toMatchObject(expected);
  });

  it("prices the replay with the actual tokens and compares with the baseline", () => {
    const records = [recordOf(analytics(), fixtureSnapshot(), { inputTokens: 2_000, outputTokens: 500 })];
    const cheaper = edited((snapshot) => snapshot.models.forEach((model) => model.tierKey === "hosted-open" && (model.inputPricePerMTok! *= 0.7, model.outputPricePerMTok! *= 0.7)));
    const summary = replay(records, cheaper);
    expect(summary.actualCostUsd).toBeCloseTo((2_000 * 0.27 + 500 * 1.1) / 1e6, 12);
    expect(summary.replayCostUsd).toBeCloseTo(summary.actualCostUsd * 0.7, 12);
    expect(summary.baselineCostUsd).toBeCloseTo((2_000 * 2.5 + 500 * 10) / 1e6, 12);
    expect(summary.features).toEqual([expect.objectContaining({ featureKey: "analytics-assistant", replayed: 1, changedTier: 0 })]);
  });

  it("decides records with the same inputs once, and gives every record its own cost", () => {
    const records = Array.from({ length: 200 }, (_, i) => recordOf(analytics({ estimatedPromptTokens: 1_000 + (i % 2) }), fixtureSnapshot(), { inputTokens: 1_000 + i, outputTokens: 10 }));
    const summary = replay(records, fixtureSnapshot());
    expect(summary.groups).toBe(1);
    expect(summary.replayCostUsd).toBeCloseTo(summary.actualCostUsd, 12);
  });

  it("gives a row of grouped records the same summary as the records one by one", () => {
    const records = Array.from({ length: 50 }, (_, i) => recordOf(analytics(), fixtureSnapshot(), { inputTokens: 500 + 37 * i, outputTokens: 20 + i }));
    const cheaper = edited((snapshot) => (snapshot.models.find((model) => model.alias === "deepseek-v3")!.enabled = false));
    const one = replay(records, cheaper);
    const row = replay([grouped(records)], cheaper);
    for (const field of ["replayed", "changedModel", "changedTier", "newlyRefused"] as const) expect(row[field]).toBe(one[field]);
    for (const field of ["actualCostUsd", "replayCostUsd", "baselineCostUsd", "recordedBaselineCostUsd"] as const) expect(row[field]).toBeCloseTo(one[field], 12);
  });

  it("keeps records apart whose tokens cross a context window", () => {
    const records = [recordOf(support({ estimatedPromptTokens: 1_000 })), recordOf(support({ estimatedPromptTokens: 9_000 }))];
    expect(replay(records, fixtureSnapshot()).groups).toBe(2);
  });

  it("lists the changed records with their from and to, and the matrix per feature", () => {
    const records = [recordOf(analytics()), recordOf(analytics())];
    const policy = edited((snapshot) => (snapshot.models.find((model) => model.alias === "deepseek-v3")!.enabled = false));
    const summary = replay(records, policy);
    expect(summary.examples).toHaveLength(2);
    expect(summary.examples[0]).toMatchObject({ id: records[0]!.id, from: { alias: "deepseek-v3" }, to: { alias: "llama-3.1-70b", tierKey: "hosted-open" } });
    expect(summary.matrix).toEqual([expect.objectContaining({ featureKey: "analytics-assistant", count: 2, from: expect.objectContaining({ alias: "deepseek-v3" }) })]);
    expect(summary.changedModel).toBe(2);
    expect(summary.changedTier).toBe(0);
  });

  it("decides difficulty again from the recorded score under the replayed policy's dial", () => {
    const records = [0.95, 0.2].map((score) => ({ ...recordOf(analytics()), difficultyScore: score }));
    const dialled = edited((snapshot) => (snapshot.features.find((feature) => feature.key === "analytics-assistant")!.difficultyEstimator = { frontierShare: 0.1, threshold: 0.9 }));
    const summary = replay(records, dialled);
    expect(summary.changedTier).toBe(1);
    expect(summary.matrix).toContainEqual(expect.objectContaining({ count: 1, to: expect.objectContaining({ tierKey: "frontier" }) }));
    expect(replay(records, fixtureSnapshot()).changedTier).toBe(0);
  });

  it("names why requests are newly refused", () => {
    const records = [recordOf(analytics({ requiredCapabilities: ["reasoning"] }))];
    const policy = edited((snapshot) => (snapshot.models.find((model) => model.alias === "claude-sonnet")!.capabilities = []));
    expect(replay(records, policy).refusals).toEqual([expect.objectContaining({ constraint: "capability", count: 1 })]);
  });
});
