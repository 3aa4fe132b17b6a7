import { describe, expect, it } from "vitest";
import { bucketIndex, emptyBuckets } from "@/lib/ledger/histogram";
import { prepareEndpoints, type EndpointGroup } from "./prepare-endpoints";

function group(overrides: Partial<EndpointGroup>): EndpointGroup {
  return {
    endpoint: "chat.completions",
    requests: 10,
    served: 10,
    unpricedRequests: 0,
    inputTokens: 1_000,
    outputTokens: 100,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    costUsd: 1,
    baselineCostUsd: 4,
    cacheSavingsUsd: 0,
    latencyBuckets: emptyBuckets(),
    ttftBuckets: emptyBuckets(),
    ...overrides,
  };
}

const at = (ms: number, count: number) => {
  const buckets = emptyBuckets();
  buckets[bucketIndex(ms)] = count;
  return buckets;
};

describe("prepareEndpoints", () => {
  it("names each endpoint, orders them as the filter does, and shares the cost", () => {
    const rows = prepareEndpoints([
      group({ endpoint: "responses", costUsd: 2, baselineCostUsd: 2 }),
      group({ endpoint: "messages", costUsd: 6, baselineCostUsd: 10, cachedInputTokens: 800, cacheWriteTokens: 50, cacheSavingsUsd: 1.5, latencyBuckets: at(400, 10), ttftBuckets: at(120, 10) }),
      group({ endpoint: "chat.completions", costUsd: 2 }),
      group({ endpoint: "embeddings", requests: 0, served: 0, costUsd: 0 }),
    ]);
    expect(rows.map((row) => row.endpoint)).toEqual(["chat.completions", "messages", "responses"]);
    const messages = rows[1]!;
    expect(messages).toMatchObject({ endpointName: "Messages", endpointPath: "/v1/messages", costShare: 0.6, savingsUsd: 4, cachedInputTokens: 800, cacheWriteTokens: 50, cacheSavingsUsd: 1.5, p50LatencyMs: 500, p50TtftMs: 150 });
    expect(rows[2]).toMatchObject({ savingsUsd: 0, savingsShare: 0, p50LatencyMs: null });
  });

  it("keeps an endpoint it does not know, after the known ones, and no share without cost", () => {
    const rows = prepareEndpoints([group({ endpoint: "future.api", costUsd: 0 }), group({ endpoint: "route", costUsd: 0, unpricedRequests: 4 })]);
    expect(rows.map((row) => [row.endpoint, row.endpointName, row.endpointPath, row.costShare, row.pricedShare])).toEqual([
      ["route", "Native", "/api/route", null, 0.6],
      ["future.api", "future.api", null, null, 1],
    ]);
  });
});
