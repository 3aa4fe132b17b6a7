import { describe, expect, it } from "vitest";
import { recordFromRow, type DecisionRecordRow } from "./record-row";

const row: DecisionRecordRow = {
  id: "0190a1b2-0000-7000-8000-000000000001",
  createdAt: new Date("2026-12-01T10:00:00Z"),
  apiKeyId: "key-1",
  apiKeyPrefix: "sy_abc",
  featureKey: "support-summaries",
  team: "support",
  endpoint: "chat.completions",
  requestedModel: "auto",
  policyVersion: 3,
  dataClass: "internal",
  findings: [{ type: "email", count: 2, positions: [[0, 5]] }, { type: 7 }, "junk"],
  promptSha256: "ab",
  prompt: null,
  difficulty: "routine",
  difficultyScore: 0.2,
  stream: false,
  dryRun: false,
  estimatedInputTokens: 120,
  requestedOutputTokens: null,
  inputTokens: 118,
  outputTokens: 40,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  usageEstimated: false,
  cacheSavingsUsd: "0.00000000",
  capabilities: [],
  replayInput: null,
  toolCalls: 0,
  answerFindings: [{ type: "phone", count: 1, masked: true }, { type: "email" }],
  tierKey: "local",
  modelAlias: "llama-8b",
  providerKey: "ollama",
  escalationReason: "none",
  candidates: [{ alias: "llama-8b" }],
  rejected: [],
  trace: ["Chose llama-8b.", 42],
  fallbacks: [{ alias: "a", providerKey: "p", errorKind: "timeout", message: "slow" }],
  status: "fallback_success",
  httpStatus: 200,
  errorCode: null,
  refusalConstraint: null,
  latencyMs: 300,
  ttftMs: 90,
  costUsd: { toNumber: () => 0.0012 },
  baselineCostUsd: null,
  synthetic: false,
};

describe("recordFromRow", () => {
  it("reads money from either driver's decimals and JSON columns defensively", () => {
    const record = recordFromRow(row);
    expect(record).toMatchObject({ costUsd: 0.0012, baselineCostUsd: null, cacheSavingsUsd: 0, status: "fallback_success", endpoint: "chat.completions" });
    expect(record.findings).toEqual([{ type: "email", count: 2 }]);
    expect(record.answerFindings).toEqual([{ type: "phone", count: 1, masked: true }]);
    expect(record.trace).toEqual(["Chose llama-8b."]);
  });

  it("keeps a fallback stored without its latency, as unknown", () => {
    expect(recordFromRow(row).fallbacks).toEqual([{ alias: "a", providerKey: "p", errorKind: "timeout", message: "slow", latencyMs: null }]);
  });

  it("leaves candidates, rejections and the replay input as stored", () => {
    const record = recordFromRow({ ...row, replayInput: undefined });
    expect(record.candidates).toEqual([{ alias: "llama-8b" }]);
    expect(record.replayInput).toBeNull();
  });
});
