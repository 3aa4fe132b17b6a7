// Budgets hold under concurrency: every request reserves its worst-case cost before calling a
// model, so a burst at budget − ε cannot all pass. In one gateway (local counting, against the
// fake upstreams), and across instances through the Redis counter (two counters sharing the
// real Redis on 127.0.0.1:6379 as two instances would; each test its own key prefix).
import { Redis } from "ioredis";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { RedisSpendCounter } from "./redis-spend-counter";
import { LocalSpendCounter } from "./spend-counter";
import { startGatewayFixture, type GatewayFixture } from "../testing/gateway-fixture";

let gateway: GatewayFixture;
const clients: Redis[] = [];

beforeAll(async () => {
  gateway = await startGatewayFixture("budget-reservation");
});
afterAll(async () => {
  await gateway?.stop();
  for (const client of clients) client.disconnect();
});

describe("one gateway", () => {
  it("a burst of concurrent requests overshoots the budget by at most one request's worst case", async () => {
    // Every answer uses its whole output allowance, so a request costs what its reservation held.
    const usage = { inputTokens: 20, outputTokens: 1_000 };
    gateway.frontier.setReply({ text: "Long answer.", usage });
    const frontier = await getDb().model.findFirstOrThrow({ where: { tier: { key: "frontier" }, enabled: true }, orderBy: { priority: "asc" } });
    const perRequest = (usage.inputTokens * Number(frontier.inputPricePerMTok) + usage.outputTokens * Number(frontier.outputPricePerMTok)) / 1e6;
    const budget = perRequest * 3.5;
    await getDb().feature.update({ where: { key: "support-summaries" }, data: { monthlyBudgetUsd: budget, budgetAction: "block" } });
    await gateway.republish();

    const client = new OpenAI({ baseURL: `${gateway.origin}/api/v1`, apiKey: gateway.apiKey, maxRetries: 0 });
    const burst = await Promise.allSettled(
      Array.from({ length: 30 }, () => client.chat.completions.create({ model: `${frontier.alias}`, max_tokens: 1_000, messages: [{ role: "user", content: "Write the long report." }] }, { headers: { "x-switchyard-feature": "support-summaries" } })),
    );
    const admitted = burst.filter((outcome) => outcome.status === "fulfilled").length;
    const refused = burst.filter((outcome) => outcome.status === "rejected" && (outcome.reason as { status?: number }).status === 429).length;
    expect(admitted + refused).toBe(30);
    await gateway.flushLedger();
    const spent = await getDb().decisionRecord.aggregate({ where: { featureKey: "support-summaries", status: "success" }, _sum: { costUsd: true } });
    const total = Number(spent._sum.costUsd);
    // Without reservations all 30 would pass (spend is 0 when each is decided): 30 × the cost.
    expect(admitted).toBeLessThanOrEqual(4);
    expect(admitted).toBeGreaterThanOrEqual(3);
    expect(total - budget).toBeLessThanOrEqual(perRequest + 1e-9);
    // And once over, the next request is refused with the budget named.
    await expect(client.chat.completions.create({ model: frontier.alias, max_tokens: 1_000, messages: [{ role: "user", content: "One more." }] })).rejects.toMatchObject({ status: 429 });
  });
});

describe("across instances (Redis)", () => {
  const prefix = `switchyard:test-budget:${Date.now()}:${process.pid}`;
  const instance = () => {
    const redis = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
    clients.push(redis);
    // The database says nothing has been spent this month.
    return new RedisSpendCounter(redis, new LocalSpendCounter(60_000, async () => ({})), prefix);
  };

  it("two instances reserving at once admit exactly what the budget holds, and settle the real cost", async () => {
    const [a, b] = [instance(), instance()];
    const now = new Date();
    await Promise.all([a.ensureRead(now), b.ensureRead(now)]);
    // Budget $10, each request's worst case $1: 40 requests at once from each instance.
    const reservations = await Promise.all(Array.from({ length: 80 }, async (_, index) => {
      const counter = index % 2 === 0 ? a : b;
      return { counter, reservation: await counter.reserve("reports", 1, 10, now) };
    }));
    const admitted = reservations.filter((entry) => entry.reservation !== null);
    expect(admitted).toHaveLength(10);
    expect(a.mode()).toEqual({ shared: true, degraded: false });
    // Each settles for less than it reserved: room for more opens up, across both instances.
    for (const { counter, reservation } of admitted) counter.settle(reservation, "reports", 0.5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const more = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? b : a).reserve("reports", 1, 10, now)));
    expect(more.filter((reservation) => reservation !== null)).toHaveLength(5);
  });

  it("counts locally from the last known totals when Redis is unreachable, and says so", async () => {
    const down = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    clients.push(down);
    const counter = new RedisSpendCounter(down, new LocalSpendCounter(60_000, async () => ({ reports: 9.5 })), prefix);
    const now = new Date();
    await counter.ensureRead(now);
    const first = await counter.reserve("reports", 1, 10, now);
    expect(first).not.toBeNull();
    expect(counter.mode()).toEqual({ shared: false, degraded: true });
    expect(await counter.reserve("reports", 1, 10, now)).toBeNull();
  });
});
