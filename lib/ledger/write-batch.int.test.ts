// The ledger's batch writer against a real, migrated database: raw records, hourly and daily
// rollups keyed by outcome and cause, and retries that never count a record twice.
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { bucketIndex } from "./histogram";
import type { DecisionRecordInput } from "./record";
import { uuidv7 } from "./uuidv7";
import { isRefusedData, writeDecisionBatch, writeDecisionBatchIsolating } from "./write-batch";

afterAll(() => disconnectDb());

let clock = Date.parse("2026-10-14T09:00:00.000Z");

function record(overrides: Partial<DecisionRecordInput> = {}): DecisionRecordInput {
  clock += 1_000;
  const createdAt = overrides.createdAt ?? new Date(clock);
  return {
    id: uuidv7(createdAt.getTime()),
    createdAt,
    apiKeyId: null,
    apiKeyPrefix: null,
    featureKey: "wb-feature",
    team: "Ledger",
    endpoint: "chat.completions",
    requestedModel: "auto",
    policyVersion: 1,
    dataClass: "internal",
    findings: [],
    promptSha256: "a".repeat(64),
    prompt: null,
    difficulty: "routine",
    stream: false,
    dryRun: false,
    estimatedInputTokens: 100,
    requestedOutputTokens: null,
    inputTokens: 100,
    outputTokens: 10,
    tierKey: "local",
    modelAlias: "llama-3.1-8b",
    providerKey: "ollama",
    escalationReason: "none",
    candidates: [],
    rejected: [],
    trace: ["t"],
    fallbacks: [],
    status: "success",
    httpStatus: 200,
    errorCode: null,
    refusalConstraint: null,
    latencyMs: 80,
    ttftMs: 20,
    costUsd: 0.0001,
    baselineCostUsd: 0.001,
    ...overrides,
  };
}

const refusal = (constraint: string) => record({ status: "refused", httpStatus: 403, refusalConstraint: constraint, tierKey: null, modelAlias: null, providerKey: null, escalationReason: null, inputTokens: null, outputTokens: null, costUsd: null, baselineCostUsd: null, ttftMs: null });

describe("writeDecisionBatch", () => {
  it("adds records to hourly and daily rollups, by refusal constraint and fallback cause", async () => {
    const db = getDb();
    const batch = [
      record(),
      record({ createdAt: new Date("2026-10-14T23:30:00.000Z"), latencyMs: 2_500 }),
      refusal("data_class"),
      refusal("data_class"),
      refusal("budget"),
      record({ status: "fallback_success", escalationReason: "health", tierKey: "hosted-open", modelAlias: "deepseek-v3", fallbacks: [{ alias: "llama-3.1-8b", providerKey: "ollama", errorKind: "timeout", message: "slow", latencyMs: 30_000 }] }),
      record({ dryRun: true }),
    ];
    await writeDecisionBatch(batch);
    expect(await db.decisionRecord.count({ where: { featureKey: "wb-feature" } })).toBe(7);

    const refusals = await db.dailyUsageRollup.findMany({ where: { featureKey: "wb-feature", status: "refused" }, orderBy: { refusalConstraint: "asc" } });
    expect(refusals.map((row) => [row.refusalConstraint, row.requests])).toEqual([
      ["budget", 1],
      ["data_class", 2],
    ]);
    const fallback = await db.usageRollup.findFirst({ where: { featureKey: "wb-feature", status: "fallback_success" } });
    expect(fallback).toMatchObject({ fallbackCause: "timeout", fallbacks: 1, escalationReason: "health", tierKey: "hosted-open" });

    // Two hours of served local traffic on 14 October fold into one daily row; the dry run is left out.
    const served = await db.usageRollup.findMany({ where: { featureKey: "wb-feature", status: "success" } });
    expect(served).toHaveLength(2);
    const [day] = await db.dailyUsageRollup.findMany({ where: { featureKey: "wb-feature", status: "success" } });
    expect(day).toMatchObject({ day: new Date("2026-10-14T00:00:00.000Z"), requests: 2, team: "Ledger" });
    expect(day!.costUsd.toNumber()).toBeCloseTo(0.0002, 10);
    expect(day!.latencyBuckets[bucketIndex(80)]).toBe(1);
    expect(day!.latencyBuckets[bucketIndex(2_500)]).toBe(1);
  });

  it("keeps each endpoint's requests in rollup rows of their own, added to on the next batch", async () => {
    const db = getDb();
    const at = new Date("2026-10-15T10:00:00.000Z");
    const on = (endpoint: DecisionRecordInput["endpoint"], costUsd: number) => record({ featureKey: "wb-endpoint", endpoint, costUsd, createdAt: at });
    await writeDecisionBatch([on("chat.completions", 0.001), on("messages", 0.01), on("messages", 0.01), on("embeddings", 0.0001)]);
    await writeDecisionBatch([on("messages", 0.01), on("responses", 0.002)]);
    const byEndpoint = async (table: "usageRollup" | "dailyUsageRollup") => {
      const rows = table === "usageRollup" ? await db.usageRollup.findMany({ where: { featureKey: "wb-endpoint" } }) : await db.dailyUsageRollup.findMany({ where: { featureKey: "wb-endpoint" } });
      return Object.fromEntries(rows.map((row) => [row.endpoint, [row.requests, row.costUsd.toNumber()]]));
    };
    const expected = { "chat.completions": [1, 0.001], messages: [3, 0.03], embeddings: [1, 0.0001], responses: [1, 0.002] };
    expect(await byEndpoint("usageRollup")).toEqual(expected);
    expect(await byEndpoint("dailyUsageRollup")).toEqual(expected);
  });

  it("adds to existing rows on the next batch, and a retried batch counts nothing twice", async () => {
    const db = getDb();
    const first = [record({ featureKey: "wb-retry" }), record({ featureKey: "wb-retry" })];
    await writeDecisionBatch(first);
    const second = [record({ featureKey: "wb-retry" })];
    // The queue retries a whole batch when a commit acknowledgement was lost: old + new records together.
    await writeDecisionBatch([...first, ...second]);
    const hourly = await db.usageRollup.aggregate({ where: { featureKey: "wb-retry" }, _sum: { requests: true } });
    const daily = await db.dailyUsageRollup.aggregate({ where: { featureKey: "wb-retry" }, _sum: { requests: true } });
    expect(hourly._sum.requests).toBe(3);
    expect(daily._sum.requests).toBe(3);
    expect(await db.decisionRecord.count({ where: { featureKey: "wb-retry" } })).toBe(3);
  });

  it("stores every field as given, exact decimals and JSON included, and survives a NUL in a message", async () => {
    const input = record({
      featureKey: "wb-fields",
      apiKeyPrefix: "sy_abc",
      prompt: "logged prompt",
      stream: true,
      requestedOutputTokens: 256,
      findings: [{ type: "email", count: 2 }],
      candidates: [{ alias: "llama-3.1-8b", providerKey: "ollama", tierKey: "local", estimatedCostUsd: 0.00012345 }],
      trace: ["first line", "upstream said \u0000nothing"],
      costUsd: 0.00012345,
      baselineCostUsd: 0.12345678,
      errorCode: "stream_interrupted",
      status: "error",
    });
    await writeDecisionBatch([input]);
    const stored = await getDb().decisionRecord.findUniqueOrThrow({ where: { id: input.id } });
    expect(stored).toMatchObject({
      createdAt: input.createdAt,
      apiKeyPrefix: "sy_abc",
      prompt: "logged prompt",
      stream: true,
      requestedOutputTokens: 256,
      findings: [{ type: "email", count: 2 }],
      candidates: input.candidates,
      trace: ["first line", "upstream said nothing"],
      status: "error",
      errorCode: "stream_interrupted",
      synthetic: false,
    });
    expect(stored.costUsd?.toString()).toBe("0.00012345");
    expect(stored.baselineCostUsd?.toString()).toBe("0.12345678");
  });

  it("stores text with unpaired surrogates (as a fuzzed prompt sends them) with U+FFFD in their place", async () => {
    const input = record({ featureKey: "wb-surrogates", prompt: "half a pair: \ud83d and \ude00 alone, a whole one: \ud83d\ude00", trace: ["model said \udfff"], requestedModel: "gpt-\ud800" });
    await writeDecisionBatch([input]);
    const stored = await getDb().decisionRecord.findUniqueOrThrow({ where: { id: input.id } });
    expect(stored).toMatchObject({ prompt: "half a pair: \ufffd and \ufffd alone, a whole one: \ud83d\ude00", trace: ["model said \ufffd"], requestedModel: "gpt-\ufffd" });
  });

  it("one record the database refuses does not hold back the others: they are written, it is set aside", async () => {
    const good = [record({ featureKey: "wb-poison" }), record({ featureKey: "wb-poison" })];
    const bad = { ...record({ featureKey: "wb-poison" }), id: "not-a-uuid" };
    await expect(writeDecisionBatch([good[0]!, bad, good[1]!])).rejects.toSatisfy(isRefusedData);
    const setAside: Array<{ id: string; refused: boolean }> = [];
    await writeDecisionBatchIsolating([good[0]!, bad, good[1]!], (refused, error) => setAside.push({ id: refused.id, refused: isRefusedData(error) }));
    expect(setAside).toEqual([{ id: "not-a-uuid", refused: true }]);
    expect(await getDb().decisionRecord.count({ where: { id: { in: good.map((entry) => entry.id) } } })).toBe(2);
    expect(isRefusedData(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(false);
  });

  it("lets concurrent writers add to the same rows without losing counts", async () => {
    const db = getDb();
    const at = new Date("2026-10-15T12:00:00.000Z");
    const batches = Array.from({ length: 4 }, (_, i) => Array.from({ length: 25 }, (_, j) => record({ featureKey: "wb-concurrent", createdAt: new Date(at.getTime() + i * 100 + j) })));
    await Promise.all(batches.map((batch) => writeDecisionBatch(batch)));
    const daily = await db.dailyUsageRollup.aggregate({ where: { featureKey: "wb-concurrent" }, _sum: { requests: true } });
    expect(daily._sum.requests).toBe(100);
  });
});
