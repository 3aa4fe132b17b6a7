// Retention: raw records older than the retention are purged in batches; the rollups keep the totals.
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import type { DecisionRecordInput } from "./record";
import { purgeExpiredDecisions } from "./retention";
import { uuidv7 } from "./uuidv7";
import { writeDecisionBatch } from "./write-batch";

afterAll(() => disconnectDb());

const DAY_MS = 86_400_000;
const now = new Date("2026-11-21T12:00:00.000Z");

function record(ageDays: number, offsetMs: number): DecisionRecordInput {
  const createdAt = new Date(now.getTime() - ageDays * DAY_MS + offsetMs);
  return {
    id: uuidv7(createdAt.getTime()),
    createdAt,
    apiKeyId: null,
    apiKeyPrefix: null,
    featureKey: "retention-feature",
    team: "Ledger",
    endpoint: "route",
    requestedModel: "auto",
    policyVersion: 1,
    dataClass: "internal",
    findings: [],
    promptSha256: "b".repeat(64),
    prompt: null,
    difficulty: null,
    stream: false,
    dryRun: false,
    estimatedInputTokens: 10,
    requestedOutputTokens: null,
    inputTokens: 10,
    outputTokens: 5,
    tierKey: "local",
    modelAlias: "llama-3.1-8b",
    providerKey: "ollama",
    escalationReason: "none",
    candidates: [],
    rejected: [],
    trace: [],
    fallbacks: [],
    status: "success",
    httpStatus: 200,
    errorCode: null,
    refusalConstraint: null,
    latencyMs: 50,
    ttftMs: 10,
    costUsd: 0.01,
    baselineCostUsd: 0.1,
  };
}

describe("purgeExpiredDecisions", () => {
  it("deletes expired raw records in batches, keeps recent ones, and leaves every rollup total intact", async () => {
    const db = getDb();
    // 25 records 100 days old, 5 at 95 days, 10 from yesterday; retention 90 days.
    const old = Array.from({ length: 25 }, (_, i) => record(100, i * 1000));
    const borderline = Array.from({ length: 5 }, (_, i) => record(95, i * 1000));
    const fresh = Array.from({ length: 10 }, (_, i) => record(1, i * 1000));
    await writeDecisionBatch([...old, ...borderline, ...fresh]);
    const totals = async () => ({
      hourly: await db.usageRollup.aggregate({ where: { featureKey: "retention-feature" }, _sum: { requests: true, costUsd: true } }),
      daily: await db.dailyUsageRollup.aggregate({ where: { featureKey: "retention-feature" }, _sum: { requests: true, costUsd: true } }),
    });
    const before = await totals();
    expect(before.daily._sum.requests).toBe(40);

    const progress: number[] = [];
    const result = await purgeExpiredDecisions({ retentionDays: 90, now, batchSize: 7, onBatch: (deleted) => progress.push(deleted) });
    expect(result).toMatchObject({ deleted: 30, complete: true });
    expect(result.cutoff.toISOString()).toBe("2026-08-23T12:00:00.000Z");
    // 30 records in batches of 7: 7, 14, 21, 28, then 30 (a short batch ends the purge).
    expect(progress).toEqual([7, 14, 21, 28, 30]);
    expect(await db.decisionRecord.count({ where: { featureKey: "retention-feature" } })).toBe(10);

    const after = await totals();
    expect(after).toEqual(before);
    expect(after.hourly._sum.costUsd?.toNumber()).toBeCloseTo(0.4, 10);
  });

  it("stops after maxBatches and reports that more is left", async () => {
    await writeDecisionBatch(Array.from({ length: 6 }, (_, i) => record(200, i * 1000)));
    const first = await purgeExpiredDecisions({ retentionDays: 90, now, batchSize: 2, maxBatches: 2 });
    expect(first).toMatchObject({ deleted: 4, complete: false });
    const rest = await purgeExpiredDecisions({ retentionDays: 90, now, batchSize: 2 });
    expect(rest).toMatchObject({ deleted: 2, complete: true });
  });
});
