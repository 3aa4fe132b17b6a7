// The difficulty dial end to end against a migrated database: scores written with decision
// records, the recent-scores query, calibration when a feature is saved, the published snapshot
// carrying the dial, and decide() raising a request at the calibrated threshold.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recentDifficultyScores } from "@/lib/analytics/decisions/recent-difficulty-scores";
import { disconnectDb, getDb } from "@/lib/db";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { uuidv7 } from "@/lib/ledger/uuidv7";
import { writeDecisionBatch } from "@/lib/ledger/write-batch";
import { decide } from "@/lib/routing";
import { fixtureAnalysis, fixtureLive } from "@/lib/routing/fixtures";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { applyConfigDocument } from "@/lib/config/documents/apply-config-document";
import { buildSnapshot } from "@/lib/config/versions/build-snapshot";
import { loadConfigDocument } from "@/lib/config/documents/load-config-document";
import { listFeatures } from "@/console/features/server/list-features";
import { updateFeature } from "@/console/features/server/save-feature";
import { updateFeatureSchema } from "@/console/features/schema";

const editor = { id: null, email: "eng@example.com" };
let clock = Date.parse("2026-11-20T09:00:00.000Z");

function record(featureKey: string, difficultyScore: number | null): DecisionRecordInput {
  clock += 1_000;
  const createdAt = new Date(clock);
  return {
    id: uuidv7(createdAt.getTime()), createdAt, apiKeyId: null, apiKeyPrefix: null, featureKey, team: "T", endpoint: "chat.completions",
    requestedModel: "auto", policyVersion: 1, dataClass: "internal", findings: [], promptSha256: "b".repeat(64), prompt: null,
    difficulty: "routine", difficultyScore, stream: false, dryRun: false, estimatedInputTokens: 50, requestedOutputTokens: null,
    inputTokens: 50, outputTokens: 5, tierKey: "local", modelAlias: "llama-3.1-8b", providerKey: "ollama", escalationReason: "none",
    candidates: [], rejected: [], trace: [], fallbacks: [], status: "success", httpStatus: 200, errorCode: null, refusalConstraint: null,
    latencyMs: 10, ttftMs: 5, costUsd: 0, baselineCostUsd: 0.001,
  };
}

async function setDial(key: string, percent: string) {
  const row = (await listFeatures()).find((entry) => entry.key === key)!;
  await updateFeature(updateFeatureSchema.parse({ ...row, defaultDataClassKey: row.defaultDataClass.key, monthlyBudgetUsd: row.monthlyBudgetUsd?.toString() ?? "", monthlyActiveUsers: row.monthlyActiveUsers?.toString() ?? "", jurisdictions: row.jurisdictions.join(", "), estimatorFrontierSharePercent: percent }), editor);
  return (await listFeatures()).find((entry) => entry.key === key)!;
}

beforeAll(async () => {
  await seedRoutingConfig(getDb());
});
afterAll(() => disconnectDb());

describe("difficulty dial", () => {
  it("stores each record's score and reads a feature's latest scores, ascending, skipping unscored ones", async () => {
    // 200 scored requests 0.000 … 0.995 for support-summaries, a few unscored, and another feature's.
    await writeDecisionBatch([
      ...Array.from({ length: 200 }, (_, i) => record("support-summaries", i / 200)),
      record("support-summaries", null),
      record("code-assist", 0.5),
    ]);
    const scores = await recentDifficultyScores(["support-summaries", "code-assist", "no-such-feature"]);
    expect(scores["support-summaries"]).toHaveLength(200);
    expect(scores["support-summaries"]?.[0]).toBe(0);
    expect(scores["support-summaries"]?.[199]).toBe(0.995);
    expect(scores["code-assist"]).toEqual([0.5]);
    expect(scores["no-such-feature"]).toEqual([]);
  });

  it("calibrates the threshold on save from recent scores; the snapshot carries the dial and decide() applies it", async () => {
    const feature = await setDial("support-summaries", "25");
    expect(feature.estimator).toEqual({ frontierShare: 0.25, threshold: 0.75 });
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "feature", entityKey: "support-summaries", action: "update" }, orderBy: { at: "desc" } });
    expect(change.after).toMatchObject({ difficultyEstimator: { frontierShare: 0.25, threshold: 0.75 } });

    const snapshot = await buildSnapshot(0);
    expect(snapshot.features.find((entry) => entry.key === "support-summaries")?.difficultyEstimator).toEqual({ frontierShare: 0.25, threshold: 0.75 });
    expect(snapshot.features.find((entry) => entry.key === "code-assist")).not.toHaveProperty("difficultyEstimator");

    const hard = "Is this argument valid? Premise one: all bloops are razzies. Conclusion: some razzies are bloops."; // rules score ≥ 0.85
    const decision = decide(fixtureAnalysis({ featureKey: "support-summaries", promptText: hard }), snapshot, fixtureLive());
    expect(decision.difficulty).toEqual({ level: "hard", source: "estimator" });
    expect(decision.candidates[0]?.tierKey).toBe("frontier");
  });

  it("with too few scored requests, the benchmark threshold (1 − share) is used; blank turns the dial off", async () => {
    expect((await setDial("code-assist", "40")).estimator).toEqual({ frontierShare: 0.4, threshold: 0.6 });
    expect((await setDial("code-assist", "")).estimator).toBeNull();
    expect(updateFeatureSchema.safeParse({ estimatorFrontierSharePercent: "0" }).error?.issues.find((issue) => issue.path[0] === "estimatorFrontierSharePercent")?.message).toBe("The frontier share must be at least 1.");
  });

  it("travels in configuration documents: exported, applied back, and turned off by a document that says null", async () => {
    await setDial("code-assist", "40");
    const exported = await loadConfigDocument();
    expect(exported.features.find((entry) => entry.key === "code-assist")?.difficultyEstimator).toEqual({ frontierShare: 0.4, threshold: 0.6 });

    const off = { ...exported, features: exported.features.map((entry) => (entry.key === "code-assist" ? { ...entry, difficultyEstimator: null } : entry)) };
    await applyConfigDocument(off, { actor: editor, note: "dial off" });
    expect((await listFeatures()).find((entry) => entry.key === "code-assist")?.estimator).toBeNull();

    await applyConfigDocument(exported, { actor: editor, note: "dial back" });
    expect((await listFeatures()).find((entry) => entry.key === "code-assist")?.estimator).toEqual({ frontierShare: 0.4, threshold: 0.6 });
  });
});
