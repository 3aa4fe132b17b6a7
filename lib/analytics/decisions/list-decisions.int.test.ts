// The decision log's keyset paging and filters against a real database, including records that
// share a millisecond (the cursor must break ties by id) and paging back up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import { uuidv7 } from "@/lib/ledger/uuidv7";
import { writeDecisionBatch } from "@/lib/ledger/write-batch";
import { decodeCursor, resolveDecisionFilters, type DecisionFilters } from "./decision-filters";
import { listDecisions } from "./list-decisions";

afterAll(() => disconnectDb());

const start = Date.parse("2026-11-17T08:00:00.000Z"); // a Tuesday
const created: DecisionRecordInput[] = [];

function record(index: number, overrides: Partial<DecisionRecordInput> = {}): DecisionRecordInput {
  // Three records per millisecond: ties on createdAt are the rule here, not the exception.
  const createdAt = new Date(start + Math.floor(index / 3) * 60_000);
  return {
    id: uuidv7(createdAt.getTime()),
    createdAt,
    apiKeyId: "key-a",
    apiKeyPrefix: "sy_a",
    featureKey: index % 2 === 0 ? "support-summaries" : "code-assist",
    team: "T",
    endpoint: "chat.completions",
    requestedModel: "auto",
    policyVersion: 3,
    dataClass: index % 5 === 0 ? "restricted" : "internal",
    findings: index % 5 === 0 ? [{ type: "payment_card", count: 1 }] : [],
    promptSha256: "c".repeat(64),
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
    trace: [],
    fallbacks: index % 7 === 0 ? [{ alias: "gemma-2-9b", providerKey: "ollama", errorKind: "timeout", message: "slow", latencyMs: 9 }] : [],
    status: "success",
    httpStatus: 200,
    errorCode: null,
    refusalConstraint: null,
    latencyMs: 100 + index,
    ttftMs: 20,
    costUsd: index / 1000,
    baselineCostUsd: index / 100,
    ...overrides,
  };
}

beforeAll(async () => {
  for (let i = 0; i < 120; i++) {
    const endpoint = i % 4 === 1 ? { endpoint: "messages" as const } : {};
    created.push(i % 10 === 3 ? record(i, { ...endpoint, status: "refused", refusalConstraint: "data_class", tierKey: null, modelAlias: null, costUsd: null, httpStatus: 403 }) : record(i, endpoint));
  }
  // The day after, for the time range filter.
  created.push(record(0, { createdAt: new Date("2026-11-18T09:00:00.000Z"), id: uuidv7(Date.parse("2026-11-18T09:00:00.000Z")) }));
  await writeDecisionBatch(created);
});

const newestFirst = (records: DecisionRecordInput[]) =>
  [...records].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((r) => r.id);

async function walk(filters: DecisionFilters, pageSize: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listDecisions(filters, { direction: "older", cursor }, pageSize);
    seen.push(...page.rows.map((row) => row.id));
    if (!page.older) break;
    cursor = decodeCursor(page.older);
  }
  return seen;
}

describe("listDecisions", () => {
  it("pages through everything newest first, each record exactly once, ties broken by id", async () => {
    expect(await walk(resolveDecisionFilters({}), 7)).toEqual(newestFirst(created));
  });

  it("pages back up to the page it came from", async () => {
    const filters = resolveDecisionFilters({});
    const first = await listDecisions(filters, { direction: "older", cursor: null }, 10);
    expect(first.newer).toBeNull();
    const second = await listDecisions(filters, { direction: "older", cursor: decodeCursor(first.older) }, 10);
    const back = await listDecisions(filters, { direction: "newer", cursor: decodeCursor(second.newer) }, 10);
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(back.newer).toBeNull();
  });

  it("finds a feature's refused requests on one day, with their constraint", async () => {
    const filters = resolveDecisionFilters({ from: "2026-11-17", to: "2026-11-17", feature: "code-assist", status: "refused" });
    const ids = await walk(filters, 5);
    const expected = created.filter((r) => r.featureKey === "code-assist" && r.status === "refused" && r.createdAt < new Date("2026-11-18T00:00:00Z"));
    expect(ids).toEqual(newestFirst(expected));
    const page = await listDecisions(filters, { direction: "older", cursor: null });
    expect(page.rows.every((row) => row.refusalConstraint === "data_class" && row.modelAlias === null)).toBe(true);
  });

  it("filters by data class, endpoint, fallback, latency and cost range", async () => {
    const check = async (params: Record<string, string>, predicate: (r: DecisionRecordInput) => boolean) =>
      expect(await walk(resolveDecisionFilters(params), 50)).toEqual(newestFirst(created.filter(predicate)));
    await check({ dataClass: "restricted" }, (r) => r.dataClass === "restricted");
    await check({ endpoint: "messages" }, (r) => r.endpoint === "messages");
    await check({ endpoint: "chat.completions", status: "refused" }, (r) => r.endpoint === "chat.completions" && r.status === "refused");
    await check({ fallback: "yes" }, (r) => r.fallbacks.length > 0);
    await check({ fallback: "no", to: "2026-11-17" }, (r) => r.fallbacks.length === 0 && r.createdAt < new Date("2026-11-18T00:00:00Z"));
    await check({ minLatency: "200" }, (r) => r.latencyMs >= 200);
    await check({ minCost: "0.05", maxCost: "0.06" }, (r) => r.costUsd !== null && r.costUsd >= 0.05 && r.costUsd <= 0.06);
  });
});
