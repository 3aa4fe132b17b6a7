// The traffic generator and its undo against a real, migrated and seeded database: set-based
// writes, rollups equal to the raw records they came from, ids that follow time, and a delete
// that removes synthetic rows only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { disconnectDb, getDb } from "@/lib/db";
import { uuidv7Time } from "@/lib/ledger/uuidv7";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { deleteSynthetic } from "./delete-synthetic";
import { generateTraffic } from "./generate-traffic";

const end = new Date("2026-11-21T12:00:00.000Z");
const quiet = () => {};

beforeAll(async () => {
  const db = getDb();
  await seedRoutingConfig(db);
  await publishPolicy({ note: "generator test policy", actor: { id: null, email: "test" } });
  // One real rollup row the delete must leave alone.
  await db.dailyUsageRollup.create({ data: { day: new Date("2026-11-20T00:00:00Z"), featureKey: "support-summaries", dataClass: "internal", status: "success", requests: 7 } });
}, 120_000);

afterAll(() => disconnectDb());

describe("generate-traffic", () => {
  it("writes the requested records with their hourly and daily rollups", async () => {
    const db = getDb();
    const result = await generateTraffic({ requests: 3_000, days: 2, end, unpricedShare: 0.03, seed: 0.42 }, quiet);
    expect(result.records).toBe(3_000);
    expect(await db.decisionRecord.count({ where: { synthetic: true } })).toBe(3_000);

    const [raw] = await db.$queryRaw<Array<{ requests: number; cost: number; baseline: number; tokens: number; first: Date; last: Date }>>`
      SELECT COUNT(*)::int AS requests, SUM("costUsd")::float8 AS cost, SUM("baselineCostUsd")::float8 AS baseline,
        SUM(COALESCE("inputTokens", 0) + COALESCE("outputTokens", 0))::float8 AS tokens, MIN("createdAt") AS first, MAX("createdAt") AS last
      FROM "DecisionRecord" WHERE synthetic AND NOT "dryRun"`;
    for (const table of ["UsageRollup", "DailyUsageRollup"] as const) {
      const [rolled] = await db.$queryRawUnsafe<Array<{ requests: number; cost: number; baseline: number; tokens: number }>>(
        `SELECT SUM(requests)::int AS requests, SUM("costUsd")::float8 AS cost, SUM("baselineCostUsd")::float8 AS baseline, SUM("inputTokens" + "outputTokens")::float8 AS tokens FROM "${table}" WHERE synthetic`,
      );
      expect(rolled!.requests).toBe(raw!.requests);
      expect(rolled!.cost).toBeCloseTo(raw!.cost, 6);
      expect(rolled!.baseline).toBeCloseTo(raw!.baseline, 6);
      expect(rolled!.tokens).toBe(raw!.tokens);
    }
    expect(raw!.first.getTime()).toBeGreaterThanOrEqual(end.getTime() - 2 * 86_400_000);
    expect(raw!.last.getTime()).toBeLessThan(end.getTime());

    // Several endpoints, each rolled up apart: the daily rows per endpoint add up to its raw records.
    const rawByEndpoint = await db.decisionRecord.groupBy({ by: ["endpoint"], where: { synthetic: true, dryRun: false }, _count: { _all: true } });
    const dailyByEndpoint = await db.dailyUsageRollup.groupBy({ by: ["endpoint"], where: { synthetic: true }, _sum: { requests: true } });
    expect(Object.fromEntries(dailyByEndpoint.map((row) => [row.endpoint, row._sum.requests]))).toEqual(Object.fromEntries(rawByEndpoint.map((row) => [row.endpoint, row._count._all])));
    expect(rawByEndpoint.map((row) => row.endpoint).sort()).toEqual(["chat.completions", "messages", "responses", "route"]);

    // Ids are UUIDv7 carrying the record's own creation time, so id order is time order.
    const sample = await db.decisionRecord.findMany({ where: { synthetic: true }, take: 50, select: { id: true, createdAt: true } });
    for (const row of sample) expect(uuidv7Time(row.id).getTime()).toBe(row.createdAt.getTime());

    // Served traffic is priced from the published prices; the unpriced trial model is counted, not priced.
    const unpriced = await db.dailyUsageRollup.aggregate({ where: { synthetic: true }, _sum: { unpricedRequests: true } });
    expect(unpriced._sum.unpricedRequests).toBeGreaterThan(0);
    const refused = await db.decisionRecord.findFirst({ where: { synthetic: true, status: "refused", refusalConstraint: { not: null } } });
    expect(refused).toMatchObject({ tierKey: null, costUsd: null });
    expect((refused!.trace as string[]).length).toBeGreaterThan(0);
  });

  it("deletes every synthetic row and key, and nothing else", async () => {
    const db = getDb();
    const deleted = await deleteSynthetic(quiet);
    expect(deleted.records).toBe(3_000);
    expect(deleted.keys).toBe(5);
    expect(await db.decisionRecord.count()).toBe(0);
    expect(await db.usageRollup.count({ where: { synthetic: true } })).toBe(0);
    expect(await db.dailyUsageRollup.findMany({ select: { requests: true, synthetic: true } })).toEqual([{ requests: 7, synthetic: false }]);
    expect(await db.apiKey.count({ where: { id: { startsWith: "synthetic-key-" } } })).toBe(0);
  });
});
