// The Decisions page's count, grouping, partial-id search, hour ranges and "cost from" against a
// real database. Records carry their own key, so other files' records in the same run stay out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { uuidv7 } from "@/lib/ledger/uuidv7";
import { writeDecisionBatch } from "@/lib/ledger/write-batch";
import { resolveDecisionFilters } from "./decision-filters";
import { listDecisions } from "./list-decisions";
import { countDecisions, groupDecisions } from "./summarise-decisions";

afterAll(() => disconnectDb());

const KEY = "key-decision-search";
const start = Date.parse("2026-10-05T10:00:00.000Z");
const records: DecisionRecordInput[] = [];

function record(index: number, overrides: Partial<DecisionRecordInput>): DecisionRecordInput {
  const createdAt = new Date(start + index * 10 * 60_000); // every 10 minutes from 10:00 UTC
  return {
    id: uuidv7(createdAt.getTime()), createdAt, apiKeyId: KEY, apiKeyPrefix: "sy_s", featureKey: "support-summaries", team: "T", endpoint: "chat.completions",
    requestedModel: "auto", policyVersion: 3, dataClass: "internal", findings: [], promptSha256: "d".repeat(64), prompt: null, difficulty: "routine", stream: false,
    dryRun: false, estimatedInputTokens: 100, requestedOutputTokens: null, inputTokens: 100, outputTokens: 10, tierKey: "local", modelAlias: "llama-3.1-8b",
    providerKey: "ollama", escalationReason: "none", candidates: [], rejected: [], trace: [], fallbacks: [], status: "success", httpStatus: 200, errorCode: null,
    refusalConstraint: null, latencyMs: 100, ttftMs: 20, costUsd: 0.001, baselineCostUsd: 0.01, ...overrides,
  };
}

const refused = (constraint: string) => ({ status: "refused" as const, refusalConstraint: constraint, tierKey: null, modelAlias: null, providerKey: null, costUsd: null, httpStatus: 403 });

beforeAll(async () => {
  for (let i = 0; i < 24; i++) {
    const overrides = i % 6 === 0 ? refused("data_class") : i % 6 === 1 ? refused("malformed") : i === 23 ? { costUsd: 2.5, modelAlias: "claude-opus", tierKey: "frontier" } : {};
    records.push(record(i, overrides));
  }
  await writeDecisionBatch(records);
});

const search = (params: Record<string, string>) => resolveDecisionFilters({ key: KEY, ...params });

describe("decision search", () => {
  it("counts the search", async () => {
    expect(await countDecisions(search({}))).toEqual({ count: 24, atLeast: false, timedOut: false });
    expect((await countDecisions(search({ status: "refused" }))).count).toBe(8);
  });

  it("groups by constraint (refusals only), model and status, largest first", async () => {
    const constraints = await groupDecisions(search({}), "constraint");
    expect(constraints.rows.map((row) => [row.value, row.requests])).toEqual([["data_class", 4], ["malformed", 4]]);
    const models = await groupDecisions(search({}), "model");
    expect(models.rows.map((row) => [row.value, row.requests])).toEqual([["llama-3.1-8b", 15], [null, 8], ["claude-opus", 1]]);
    expect(models.rows.find((row) => row.value === "claude-opus")?.costUsd).toBeCloseTo(2.5, 8);
    expect((await groupDecisions(search({}), "status")).rows.map((row) => row.value)).toEqual(["success", "refused"]);
  });

  it("finds a decision by the start of its id", async () => {
    const target = records[17]!;
    const page = await listDecisions(search({ idPrefix: target.id.slice(0, 13) }), { direction: "older", cursor: null });
    expect(page.rows.map((row) => row.id)).toContain(target.id);
    expect(page.rows.every((row) => row.id.replace(/-/g, "").startsWith(target.id.replace(/-/g, "").slice(0, 12)))).toBe(true);
  });

  it("takes hour ranges in the viewer's zone", async () => {
    // 12:00–12:59 in Paris (UTC+2 in October) is 10:00–10:59 UTC: the first six records.
    const page = await listDecisions(search({ from: "2026-10-05T12", to: "2026-10-05T12", tz: "Europe/Paris" }), { direction: "older", cursor: null });
    expect(page.rows.map((row) => row.id).sort()).toEqual(records.slice(0, 6).map((r) => r.id).sort());
  });

  it("filters from a cost, rare or common", async () => {
    expect((await listDecisions(search({ minCost: "1" }), { direction: "older", cursor: null })).rows.map((row) => row.id)).toEqual([records[23]!.id]);
    expect((await countDecisions(search({ minCost: "0.001" }))).count).toBe(16);
  });
});
