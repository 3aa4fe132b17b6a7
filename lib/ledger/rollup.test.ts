import { describe, expect, it } from "vitest";
import { bucketIndex } from "./histogram";
import type { DecisionRecordInput } from "./record";
import { dayOf, foldIntoDailyRollups, foldIntoRollups, hourOf } from "./rollup";

function record(overrides: Partial<DecisionRecordInput>): DecisionRecordInput {
  return {
    id: "00000000-0000-7000-8000-000000000000",
    createdAt: new Date("2026-11-20T10:15:00.000Z"),
    apiKeyId: "key-1",
    apiKeyPrefix: "sy_key",
    featureKey: "support-summaries",
    team: "Support",
    endpoint: "chat.completions",
    requestedModel: "auto",
    policyVersion: 1,
    dataClass: "internal",
    findings: [],
    promptSha256: "0".repeat(64),
    prompt: null,
    difficulty: "routine",
    stream: false,
    dryRun: false,
    estimatedInputTokens: 100,
    requestedOutputTokens: null,
    inputTokens: 100,
    outputTokens: 20,
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
    latencyMs: 40,
    ttftMs: 12,
    costUsd: 0.001,
    baselineCostUsd: 0.01,
    ...overrides,
  };
}

const fallback = (errorKind: string) => ({ alias: "deepseek-v3", providerKey: "deepseek", errorKind, message: "x", latencyMs: 100 });

describe("foldIntoRollups", () => {
  it("keeps refusals apart by constraint and fallbacks by the first failure's kind", () => {
    const deltas = foldIntoRollups([
      record({ status: "refused", tierKey: null, modelAlias: null, escalationReason: null, refusalConstraint: "data_class", costUsd: null, baselineCostUsd: null, inputTokens: null, outputTokens: null }),
      record({ status: "refused", tierKey: null, modelAlias: null, escalationReason: null, refusalConstraint: "budget", costUsd: null, baselineCostUsd: null, inputTokens: null, outputTokens: null }),
      record({ status: "fallback_success", fallbacks: [fallback("rate_limited"), fallback("timeout")], escalationReason: "health" }),
      record({ status: "fallback_success", fallbacks: [fallback("timeout")], escalationReason: "health" }),
    ]);
    expect(deltas.map((d) => [d.status, d.refusalConstraint, d.fallbackCause, d.requests, d.fallbacks])).toEqual(
      expect.arrayContaining([
        ["refused", "data_class", "", 1, 0],
        ["refused", "budget", "", 1, 0],
        ["fallback_success", "", "rate_limited", 1, 1],
        ["fallback_success", "", "timeout", 1, 1],
      ]),
    );
    expect(deltas).toHaveLength(4);
  });

  it("sums one hour's records into one row and leaves dry runs out", () => {
    const [delta, ...rest] = foldIntoRollups([
      record({ latencyMs: 40, ttftMs: 10 }),
      record({ createdAt: new Date("2026-11-20T10:59:59.999Z"), latencyMs: 2_500, ttftMs: null, costUsd: 0.002, baselineCostUsd: 0.02 }),
      record({ dryRun: true, costUsd: null, baselineCostUsd: null }),
    ]);
    expect(rest).toEqual([]);
    expect(delta).toMatchObject({ hour: new Date("2026-11-20T10:00:00.000Z"), requests: 2, inputTokens: 200, outputTokens: 40, latencyMsSum: 2_540 });
    expect(delta!.costUsd).toBeCloseTo(0.003, 10);
    expect(delta!.latencyBuckets[bucketIndex(40)]).toBe(1);
    expect(delta!.latencyBuckets[bucketIndex(2_500)]).toBe(1);
    expect(delta!.ttftBuckets.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("counts served requests without a price as unpriced, never refusals", () => {
    const deltas = foldIntoRollups([record({ costUsd: null }), record({ status: "refused", tierKey: null, modelAlias: null, escalationReason: null, costUsd: null, refusalConstraint: "pin" })]);
    expect(deltas.find((d) => d.status === "success")).toMatchObject({ unpricedRequests: 1 });
    expect(deltas.find((d) => d.status === "refused")).toMatchObject({ unpricedRequests: 0 });
  });

  it("keeps each endpoint's requests in rows of their own, in the hour and the day", () => {
    const hourly = foldIntoRollups([
      record({ endpoint: "chat.completions" }),
      record({ endpoint: "messages", costUsd: 0.004, cachedInputTokens: 80 }),
      record({ endpoint: "messages", costUsd: 0.002 }),
      record({ endpoint: "embeddings", outputTokens: 0, ttftMs: null }),
      record({ endpoint: "responses", createdAt: new Date("2026-11-20T14:00:00.000Z") }),
    ]);
    expect(hourly.map((d) => [d.hour.toISOString().slice(11, 13), d.endpoint, d.requests])).toEqual([
      ["10", "chat.completions", 1],
      ["10", "embeddings", 1],
      ["10", "messages", 2],
      ["14", "responses", 1],
    ]);
    expect(hourly.find((d) => d.endpoint === "messages")).toMatchObject({ cachedInputTokens: 80, inputTokens: 200 });
    expect(hourly.find((d) => d.endpoint === "messages")!.costUsd).toBeCloseTo(0.006, 10);
    const daily = foldIntoDailyRollups([...hourly, ...foldIntoRollups([record({ endpoint: "messages", createdAt: new Date("2026-11-20T18:00:00.000Z") })])]);
    expect(daily.map((d) => [d.endpoint, d.requests])).toEqual([
      ["chat.completions", 1],
      ["embeddings", 1],
      ["messages", 3],
      ["responses", 1],
    ]);
  });

  it("orders deltas the same way whatever the order of the records (one lock order for every writer)", () => {
    const records = [record({ featureKey: "b" }), record({ featureKey: "a" }), record({ createdAt: new Date("2026-11-20T09:00:00Z") })];
    const keys = (list: DecisionRecordInput[]) => foldIntoRollups(list).map((d) => `${d.hour.toISOString()} ${d.featureKey}`);
    expect(keys(records)).toEqual(keys([...records].reverse()));
    expect(keys(records)[0]).toMatch(/^2026-11-20T09/);
  });
});

describe("foldIntoDailyRollups", () => {
  it("adds the hours of a UTC day into one daily row with summed histograms", () => {
    const hourly = foldIntoRollups([
      record({ createdAt: new Date("2026-11-20T00:00:00.000Z"), latencyMs: 40 }),
      record({ createdAt: new Date("2026-11-20T23:59:59.999Z"), latencyMs: 40 }),
      record({ createdAt: new Date("2026-11-21T00:00:00.000Z"), latencyMs: 40 }),
    ]);
    expect(hourly).toHaveLength(3);
    const daily = foldIntoDailyRollups(hourly);
    expect(daily.map((d) => [d.day.toISOString().slice(0, 10), d.requests, d.latencyBuckets[bucketIndex(40)]])).toEqual([
      ["2026-11-20", 2, 2],
      ["2026-11-21", 1, 1],
    ]);
    // Folding must not alias the hourly arrays it read from.
    expect(hourly[0]!.latencyBuckets[bucketIndex(40)]).toBe(1);
  });

  it("truncates to the hour and the UTC day", () => {
    expect(hourOf(new Date("2026-11-20T10:59:59.999Z")).toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(dayOf(new Date("2026-11-20T23:59:59.999Z")).toISOString()).toBe("2026-11-20T00:00:00.000Z");
  });
});
