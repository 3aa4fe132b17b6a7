// The overview against a real, migrated database: empty, it is a newcomer's (nothing served, nothing
// set up); with configuration, rollups and a record it shows each role's figures from the rollups.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { disconnectDb, getDb } from "@/lib/db";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { loadRoleOverview } from "./load-overview";

afterAll(() => disconnectDb());

describe("loadRoleOverview", () => {
  it("on an empty database: the newcomer view with nothing set up, and zeros rather than rates", async () => {
    const overview = await loadRoleOverview("admin", new Date());
    expect(overview.newcomer).toBe(true);
    expect(overview.checklist.map((step) => [step.key, step.done])).toEqual([["providers", false], ["models", false], ["key", false], ["publish", false]]);
    expect(overview.engineering).toMatchObject({ requests: 0, errorRate: null, refusalRate: null, providers: [] });
    expect(overview.finance?.monthToDate).toMatchObject({ costUsd: 0, baselineCostUsd: 0 });
    expect(overview.audit).toMatchObject({ refused: 0, recentChanges: [] });
  });

  it("with traffic: role figures from the rollups, only the sections the role may see, and no newcomer view", async () => {
    const db = getDb();
    await seedRoutingConfig(db);
    const admin = await db.user.create({ data: { email: "ov-admin@example.com", name: "Ov Admin", role: "admin", passwordHash: "not-a-real-hash" } });
    await publishPolicy({ note: "overview test policy", actor: { id: admin.id, email: admin.email } });
    const now = new Date();
    const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 3_600_000);
    const day = new Date(Date.UTC(hour.getUTCFullYear(), hour.getUTCMonth(), hour.getUTCDate()));
    const row = { dataClass: "internal", featureKey: "support-summaries", tierKey: "local", modelAlias: "llama-3.1-8b" };
    await db.usageRollup.createMany({
      data: [
        { ...row, hour, status: "success", requests: 8, costUsd: 0.4, baselineCostUsd: 4 },
        { ...row, hour, status: "error", requests: 2 },
        { ...row, hour, status: "refused", tierKey: "", modelAlias: "", refusalConstraint: "data_class", requests: 5 },
      ],
    });
    await db.dailyUsageRollup.createMany({
      data: [
        { ...row, day, status: "success", requests: 8, costUsd: 0.4, baselineCostUsd: 4 },
        { ...row, day, status: "error", requests: 2 },
        { ...row, day, status: "refused", tierKey: "", modelAlias: "", refusalConstraint: "data_class", requests: 5 },
      ],
    });
    await db.decisionRecord.create({
      data: { id: randomUUID(), endpoint: "/api/v1/chat/completions", requestedModel: "auto", dataClass: "internal", promptSha256: "0".repeat(64), estimatedInputTokens: 3, candidates: [], rejected: [], trace: [], fallbacks: [], status: "success", httpStatus: 200, latencyMs: 40, createdAt: hour, findings: [] },
    });

    const overview = await loadRoleOverview("admin", now);
    expect(overview.newcomer).toBe(false);
    expect(overview.checklist.find((step) => step.key === "publish")?.done).toBe(true);
    expect(overview.engineering).toMatchObject({ requests: 15 });
    expect(overview.engineering!.errorRate).toBeCloseTo(2 / 15, 10);
    expect(overview.engineering!.refusalRate).toBeCloseTo(5 / 15, 10);
    expect(overview.finance!.monthToDate).toMatchObject({ costUsd: 0.4, baselineCostUsd: 4 });
    expect(overview.finance!.monthToDate.savingsUsd).toBeCloseTo(3.6, 10);
    expect(overview.audit!.refusalConstraints.map((cause) => [cause.cause, cause.requests])).toEqual([["data_class", 5]]);
    expect(overview.audit!.recentChanges.length).toBeGreaterThan(0);

    const finance = await loadRoleOverview("finance", now);
    expect([finance.engineering, finance.audit, finance.finance === null]).toEqual([null, null, false]);
    const auditor = await loadRoleOverview("auditor", now);
    expect([auditor.engineering, auditor.finance, auditor.audit === null]).toEqual([null, null, false]);
  });
});
