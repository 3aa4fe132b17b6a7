// The read-only console pages' queries against a real, migrated database seeded with the
// default configuration: what each page shows, and what it must never show.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleConditionWords, ruleOutcomeWords } from "@/console/routing/rule-words";
import { listApiKeys } from "@/console/api-keys/server/list-api-keys";
import { listClassificationRules } from "@/console/data-rules/server/list-classification-rules";
import { listConfigChanges } from "@/console/changes/server/list-config-changes";
import { listDataClasses } from "@/console/data-rules/server/list-data-classes";
import { listDifficultyTiers } from "@/console/routing/server/list-difficulty-tiers";
import { listFeatures } from "@/console/features/server/list-features";
import { listLicences } from "@/console/licences/server/list-licences";
import { listPolicyVersions } from "@/console/versions/server/list-policy-versions";
import { listRoutingRules } from "@/console/routing/server/list-routing-rules";
import { listUsers } from "@/console/users/server/list-users";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { disconnectDb, getDb } from "@/lib/db";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { resolveCostFilters } from "../lib/analytics/costs/cost-filters";
import { resolveDecisionFilters } from "../lib/analytics/decisions/decision-filters";
import { listDecisions } from "../lib/analytics/decisions/list-decisions";
import { loadCostReport } from "../lib/analytics/costs/load-cost-report";
import { sumFeatureSpend } from "../lib/analytics/costs/sum-feature-spend";
import { startOfUtcMonth } from "../lib/analytics/costs/utc-month";

const monthStart = startOfUtcMonth(new Date());
const lastMonth = new Date(monthStart.getTime() - 60 * 60 * 1000);

function decision(overrides: { createdAt: Date; providerKey: string | null; findings: unknown; status?: "success" | "refused" }) {
  return {
    id: randomUUID(),
    endpoint: "/api/v1/chat/completions",
    requestedModel: "auto",
    dataClass: "confidential",
    promptSha256: "0".repeat(64),
    estimatedInputTokens: 12,
    candidates: [],
    rejected: [],
    trace: [],
    fallbacks: [],
    status: overrides.status ?? "success",
    httpStatus: overrides.status === "refused" ? 422 : 200,
    latencyMs: 40,
    createdAt: overrides.createdAt,
    providerKey: overrides.providerKey,
    modelAlias: overrides.providerKey ? "llama-3.1-8b" : null,
    tierKey: overrides.providerKey ? "local" : null,
    findings: overrides.findings as object,
  };
}

beforeAll(async () => {
  const db = getDb();
  await seedRoutingConfig(db);
  const admin = await db.user.create({ data: { email: "it-admin@example.com", name: "It Admin", role: "admin", passwordHash: "not-a-real-hash" } });
  await publishPolicy({ note: "integration test policy", actor: { id: admin.id, email: admin.email } });
  await db.provider.create({ data: { key: "it-simulator", name: "IT simulator", kind: "simulator", region: "on-prem" } });
  await db.apiKey.create({ data: { name: "IT key", prefix: "sy_itkey00", hash: "secret-hash-value", createdById: admin.id, defaultFeatureKey: "code-assist" } });
  const rollup = { dataClass: "internal", status: "success" as const, tierKey: "local", modelAlias: "llama-3.1-8b" };
  await db.usageRollup.createMany({
    data: [
      { ...rollup, hour: monthStart, featureKey: "support-summaries", requests: 10, costUsd: 0.5, baselineCostUsd: 5 },
      { ...rollup, hour: monthStart, featureKey: "support-summaries", tierKey: "hosted-open", modelAlias: "mistral-large", requests: 2, unpricedRequests: 2, synthetic: true },
      { ...rollup, hour: lastMonth, featureKey: "support-summaries", requests: 99, costUsd: 99, baselineCostUsd: 990 },
    ],
  });
  // The cost dashboards read the daily rollups (written with the hourly ones by the ledger).
  const lastMonthDay = new Date(Date.UTC(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth(), lastMonth.getUTCDate()));
  await db.dailyUsageRollup.createMany({
    data: [
      { ...rollup, day: monthStart, featureKey: "support-summaries", requests: 10, costUsd: 0.5, baselineCostUsd: 5 },
      { ...rollup, day: monthStart, featureKey: "support-summaries", tierKey: "hosted-open", modelAlias: "mistral-large", requests: 2, unpricedRequests: 2, synthetic: true },
      { ...rollup, day: lastMonthDay, featureKey: "support-summaries", requests: 99, costUsd: 99, baselineCostUsd: 990 },
    ],
  });
  await db.decisionRecord.createMany({
    data: [
      decision({ createdAt: new Date(Date.now() - 60_000), providerKey: "it-simulator", findings: [{ type: "email", count: 2, value: "a@b.example" }] }),
      decision({ createdAt: new Date(), providerKey: null, findings: [], status: "refused" }),
    ],
  });
});

afterAll(() => disconnectDb());

describe("routing", () => {
  it("shows the policy in force, the difficulty map and the rules in words", async () => {
    const [current] = await listPolicyVersions({ take: 4 });
    expect(current).toMatchObject({ number: 1, note: "integration test policy", publishedBy: "it-admin@example.com" });
    expect((await listDifficultyTiers()).map((row) => [row.difficulty, row.tier?.key])).toEqual([
      ["routine", "local"],
      ["standard", "hosted-open"],
      ["hard", "frontier"],
    ]);
    const rules = await listRoutingRules();
    expect(rules.map((rule) => rule.key)).toEqual(["long-context-to-hosted", "proofs-to-frontier"]);
    expect(ruleConditionWords(rules[0]!.when)).toEqual(["estimated tokens ≥ 6,000"]);
    expect(ruleConditionWords(rules[1]!.when)).toEqual(["mentions any of “proof”, “prove”, “legal opinion”"]);
    expect(ruleOutcomeWords(rules[1]!.then)).toEqual(["at least tier frontier"]);
  });

  it("does not flag rules as unpublished when the seed runs again after a publish", async () => {
    await seedRoutingConfig(getDb());
    const [current] = await listPolicyVersions({ take: 1 });
    for (const rule of await listRoutingRules()) expect(rule.updatedAt <= current!.publishedAt).toBe(true);
  });
});

describe("data rules", () => {
  it("lists classes by rank with their tiers and regions, detectors strictest first", async () => {
    const classes = await listDataClasses();
    expect(classes.map((row) => row.key)).toEqual(["public", "internal", "confidential", "restricted"]);
    expect(classes[0]).toMatchObject({ allowedRegions: [], tiers: [{ key: "local" }, { key: "hosted-open" }, { key: "frontier" }] });
    expect(classes[3]).toMatchObject({ allowedRegions: ["on-prem"], tiers: [{ key: "local" }] });
    const rules = await listClassificationRules();
    expect(rules).toHaveLength(6);
    expect(rules[0]?.dataClass.key).toBe("restricted");
    expect(rules.at(-1)?.dataClass.key).toBe("confidential");
  });
});

describe("licences", () => {
  it("names the model × feature pairs the router excludes, and only those", async () => {
    const licences = await listLicences();
    const research = licences.find((licence) => licence.key === "mistral-research");
    expect(research?.models.map((model) => model.alias)).toEqual(["mistral-large"]);
    // Every commercial seeded feature clashes; the non-commercial research notebook does not.
    expect(research?.conflicts.map((conflict) => conflict.featureKey).sort()).toEqual(["code-assist", "contract-review", "support-summaries"]);
    expect(licences.filter((licence) => licence.key !== "mistral-research").flatMap((licence) => licence.conflicts)).toEqual([]);
  });
});

describe("features, costs and keys", () => {
  it("sums this month's spend per feature and leaves last month out", async () => {
    expect(await listFeatures()).toHaveLength(4);
    const spend = await sumFeatureSpend({ since: monthStart });
    expect(spend["support-summaries"]).toEqual({ costUsd: 0.5, requests: 12, unpricedRequests: 2 });
    expect(spend["code-assist"]).toBeUndefined();
  });

  it("summarises month-to-date costs with savings, counts unpriced requests and splits synthetic traffic", async () => {
    const now = new Date();
    const report = await loadCostReport(resolveCostFilters({ preset: "mtd" }, now), now);
    // Served and unpriced: the rollup rows above are all "success".
    expect(report.breakdown?.totals).toMatchObject({ requests: 12, unpricedRequests: 2, costUsd: 0.5, baselineCostUsd: 5, savingsUsd: 4.5, savingsShare: 0.9 });
    expect(report.breakdown?.featureTiers.map((row) => row.tierKey)).toEqual(["local", "hosted-open"]);
    const synthetic = await loadCostReport(resolveCostFilters({ preset: "mtd", traffic: "synthetic" }, now), now, ["usage"]);
    expect(synthetic.breakdown?.totals).toMatchObject({ requests: 2, costUsd: 0 });
  });

  it("splits costs by endpoint and filters every table (and its export) by one", async () => {
    const db = getDb();
    const day = new Date("2025-06-10T00:00:00.000Z");
    const row = { day, dataClass: "internal", status: "success" as const, tierKey: "frontier", modelAlias: "claude-sonnet", featureKey: "code-assist" };
    await db.dailyUsageRollup.createMany({
      data: [
        { ...row, endpoint: "messages", requests: 4, inputTokens: 4_000, cachedInputTokens: 3_000, outputTokens: 400, costUsd: 0.8, baselineCostUsd: 2, cacheSavingsUsd: 0.5 },
        { ...row, endpoint: "responses", requests: 3, costUsd: 0.6, baselineCostUsd: 1 },
        { ...row, endpoint: "chat.completions", tierKey: "local", modelAlias: "llama-3.1-8b", requests: 5, costUsd: 0.1, baselineCostUsd: 1 },
      ],
    });
    const now = new Date();
    const range = { from: "2025-06-10", to: "2025-06-10" };
    const all = await loadCostReport(resolveCostFilters(range, now), now);
    expect(all.endpoints?.map((entry) => [entry.endpoint, entry.requests, entry.cachedInputTokens])).toEqual([
      ["chat.completions", 5, 0],
      ["messages", 4, 3_000],
      ["responses", 3, 0],
    ]);
    expect(all.endpoints?.find((entry) => entry.endpoint === "messages")?.costShare).toBeCloseTo(0.8 / 1.5, 10);
    const messages = await loadCostReport(resolveCostFilters({ ...range, endpoint: "messages" }, now), now);
    expect(messages.breakdown?.totals).toMatchObject({ requests: 4, costUsd: 0.8, baselineCostUsd: 2, cachedInputTokens: 3_000 });
    expect(messages.spend?.points.reduce((sum, point) => sum + point.costUsd, 0)).toBeCloseTo(0.8, 10);
    expect(messages.endpoints?.map((entry) => entry.endpoint)).toEqual(["messages"]);
    expect(messages.tables["feature-tier"]?.rows).toHaveLength(1);
    // Budgets are per feature: an endpoint filter must not understate a feature's month.
    const budgetsAll = await loadCostReport(resolveCostFilters({ preset: "mtd" }, now), now, ["budgets"]);
    const budgetsMessages = await loadCostReport(resolveCostFilters({ preset: "mtd", endpoint: "messages" }, now), now, ["budgets"]);
    expect(budgetsMessages.budgets).toEqual(budgetsAll.budgets);
  });

  it("never returns a key's hash", async () => {
    const [key] = await listApiKeys();
    expect(key).toMatchObject({ prefix: "sy_itkey00", createdBy: "it-admin@example.com", lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(key)).not.toContain("secret-hash-value");
  });
});

describe("audit", () => {
  it("lists decisions newest first with finding types and counts only", async () => {
    const { rows } = await listDecisions(resolveDecisionFilters({}), { direction: "older", cursor: null });
    const [refused, served] = rows;
    expect(refused).toMatchObject({ status: "refused", modelAlias: null, simulated: false, costUsd: null });
    expect(served).toMatchObject({ simulated: true, findings: [{ type: "email", count: 2 }] });
    expect(JSON.stringify(served)).not.toContain("a@b.example");
  });

  it("lists config changes and users without password hashes", async () => {
    const [change] = await listConfigChanges({ take: 100 });
    expect(change).toMatchObject({ entity: "policy", entityKey: "1", action: "publish", actorEmail: "it-admin@example.com" });
    const users = await listUsers();
    expect(JSON.stringify(users)).not.toContain("not-a-real-hash");
  });
});
