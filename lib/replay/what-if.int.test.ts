// What-if on a seeded history in a real, migrated database: the replay's totals against sums the
// database computes itself, a draft with uniform prices whose cost is known by hand, a
// configuration document replayed without writing anything, and records without replay inputs
// counted as skipped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfigDocument } from "@/lib/config/documents/load-config-document";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { disconnectDb, getDb } from "@/lib/db";
import { generateTraffic } from "@/prisma/tools/generate-traffic";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { runWhatIf } from "./run-what-if";

// A window in the past no other test writes to; the replay is anchored at its end.
const end = new Date("2026-03-10T12:00:00.000Z");
const DAYS = 3;
const from = new Date(end.getTime() - DAYS * 86_400_000);
const UNIFORM_PRICE = 2;
const WITHOUT_INPUT = 100;
let version: number;

beforeAll(async () => {
  const db = getDb();
  await seedRoutingConfig(db);
  version = await publishPolicy({ note: "what-if test policy", actor: { id: null, email: "test" } });
  await generateTraffic({ requests: 4_000, days: DAYS, end, unpricedShare: 0, seed: 0.3 }, () => {});
  // As if decided before replay inputs were stored.
  await db.$executeRaw`UPDATE "DecisionRecord" SET "replayInput" = NULL WHERE id IN (
    SELECT id FROM "DecisionRecord" WHERE "replayInput" IS NOT NULL AND NOT "dryRun" ORDER BY id LIMIT ${WITHOUT_INPUT})`;
}, 180_000);

afterAll(() => disconnectDb());

async function sums() {
  const [row] = await getDb().$queryRaw<Array<{ replayable: number; skipped: number; cost: number; baseline: number; tokens: number }>>`
    SELECT count(*) FILTER (WHERE "replayInput" IS NOT NULL)::int AS replayable,
      count(*) FILTER (WHERE "replayInput" IS NULL)::int AS skipped,
      COALESCE(sum("costUsd") FILTER (WHERE "replayInput" IS NOT NULL AND "inputTokens" IS NOT NULL), 0)::float8 AS cost,
      COALESCE(sum("baselineCostUsd") FILTER (WHERE "replayInput" IS NOT NULL AND "inputTokens" IS NOT NULL), 0)::float8 AS baseline,
      COALESCE(sum("inputTokens" + "outputTokens") FILTER (WHERE "replayInput" IS NOT NULL), 0)::float8 AS tokens
    FROM "DecisionRecord"
    WHERE "createdAt" >= ${from} AND "createdAt" < ${end} AND NOT "dryRun" AND "dataClass" <> 'unclassified'`;
  return row!;
}

/** Every model at one price, no cache or long-context prices, no hardware profile, no budgets. */
async function uniformPricesInDraft() {
  const db = getDb();
  await db.model.updateMany({
    data: { inputPricePerMTok: UNIFORM_PRICE, outputPricePerMTok: UNIFORM_PRICE, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContextThresholdTokens: null, longContextInputPricePerMTok: null, longContextOutputPricePerMTok: null, hardwareProfileId: null },
  });
  await db.feature.updateMany({ data: { monthlyBudgetUsd: null } });
}

describe("what-if on a seeded history", () => {
  it("replays the published policy: counts and recorded costs equal the database's own sums", async () => {
    const expected = await sums();
    const result = await runWhatIf({ source: { kind: "version", number: version }, days: DAYS, now: end });
    expect(expected.replayable).toBeGreaterThan(3_000);
    expect(result.summary.replayed).toBe(expected.replayable);
    expect(result.summary.skipped).toBe(WITHOUT_INPUT);
    expect(result.summary.skippedBy.no_replay_input).toBe(WITHOUT_INPUT);
    expect(result.summary.actualCostUsd).toBeCloseTo(expected.cost, 6);
    expect(result.summary.recordedBaselineCostUsd).toBeCloseTo(expected.baseline, 6);
    expect(result.summary.dataClassViolations).toBe(0);
    expect(result.sample).toBeNull();
    // Per feature adds up to the total.
    expect(result.summary.features.reduce((sum, feature) => sum + feature.replayed, 0)).toBe(result.summary.replayed);
    expect(result.summary.groups).toBeLessThan(result.summary.replayed / 10);
  });

  it("prices a draft with uniform prices at price × actual tokens, and its baseline the same", async () => {
    await uniformPricesInDraft();
    const expected = await sums();
    const result = await runWhatIf({ source: { kind: "draft" }, days: DAYS, now: end });
    expect(result.summary.newlyRefused).toBe(0);
    expect(result.summary.unpricedReplay).toBe(0);
    expect(result.summary.replayCostUsd).toBeCloseTo((UNIFORM_PRICE * expected.tokens) / 1e6, 6);
    expect(result.summary.baselineCostUsd).toBeCloseTo((UNIFORM_PRICE * expected.tokens) / 1e6, 6);
    expect(result.summary.dataClassViolations).toBe(0);
  });

  it("replays a configuration document without changing anything", async () => {
    const db = getDb();
    const document = await loadConfigDocument();
    const draft = await runWhatIf({ source: { kind: "draft" }, days: DAYS, now: end });
    // The document moves every hosted-open model to frontier.
    const moved = { ...document, models: document.models.map((model) => (model.tier === "hosted-open" ? { ...model, tier: "frontier" } : model)) };
    const changesBefore = await db.configChange.count();
    const modelsBefore = await db.model.findMany({ select: { alias: true, tier: { select: { key: true } } }, orderBy: { alias: "asc" } });
    const result = await runWhatIf({ source: { kind: "document", text: JSON.stringify(moved) }, days: DAYS, now: end });
    expect(await db.configChange.count()).toBe(changesBefore);
    expect(await db.model.findMany({ select: { alias: true, tier: { select: { key: true } } }, orderBy: { alias: "asc" } })).toEqual(modelsBefore);
    const servedHostedOpen = draft.summary.matrix.filter((cell) => cell.to.tierKey === "hosted-open").reduce((sum, cell) => sum + cell.count, 0);
    expect(servedHostedOpen).toBeGreaterThan(0);
    expect(result.summary.matrix.filter((cell) => cell.to.tierKey === "hosted-open")).toEqual([]);
    expect(result.summary.dataClassViolations).toBe(0);
  });
});
