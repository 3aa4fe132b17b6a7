// Feature services: create with an immutable key, edit with optimistic concurrency, logged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { buildSnapshot } from "@/lib/config/versions/build-snapshot";
import { listFeatures } from "./list-features";
import { createFeature, updateFeature } from "./save-feature";
import { createFeatureSchema, updateFeatureSchema } from "../schema";
import { StaleEditError } from "@/lib/forms/stale-edit";

const editor = { id: null, email: "eng@example.com" };

beforeAll(async () => {
  await seedRoutingConfig(getDb());
});
afterAll(() => disconnectDb());

describe("features", () => {
  it("creates a feature from what the form sends, and the working snapshot carries it", async () => {
    const input = createFeatureSchema.parse({
      key: "sales-email",
      name: "Sales email drafts",
      team: "Sales",
      owner: "sam@example.com",
      monthlyBudgetUsd: "250.50",
      budgetAction: "block",
      defaultDifficulty: "routine",
      defaultDataClassKey: "confidential",
      allowPromptLogging: false,
      commercial: true,
      monthlyActiveUsers: "1,200",
      jurisdictions: "us, eu",
    });
    await createFeature(input, editor);
    const feature = (await buildSnapshot(0)).features.find((entry) => entry.key === "sales-email");
    expect(feature).toMatchObject({ monthlyBudgetUsd: 250.5, budgetAction: "block", defaultDataClass: "confidential", monthlyActiveUsers: 1200, jurisdictions: ["US", "EU"] });
    expect(await getDb().configChange.count({ where: { entity: "feature", entityKey: "sales-email", action: "create" } })).toBe(1);
  });

  it("edits everything but the key, logging before and after; a stale save changes nothing", async () => {
    const row = (await listFeatures()).find((entry) => entry.key === "sales-email")!;
    const edit = updateFeatureSchema.parse({ ...row, defaultDataClassKey: row.defaultDataClass.key, monthlyBudgetUsd: "", monthlyActiveUsers: "", name: "Sales drafts" });
    await updateFeature(edit, editor);
    const after = (await listFeatures()).find((entry) => entry.key === "sales-email")!;
    expect(after).toMatchObject({ name: "Sales drafts", monthlyBudgetUsd: null, monthlyActiveUsers: null, version: row.version + 1 });
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "feature", action: "update" } });
    expect(change).toMatchObject({ before: { name: "Sales email drafts", monthlyBudgetUsd: 250.5 }, after: { name: "Sales drafts", monthlyBudgetUsd: null } });

    await expect(updateFeature({ ...edit, name: "Someone else's" }, { id: null, email: "late@example.com" })).rejects.toBeInstanceOf(StaleEditError);
    expect((await listFeatures()).find((entry) => entry.key === "sales-email")?.name).toBe("Sales drafts");
  });

  it("refuses a duplicate key and explains invalid budgets", async () => {
    const duplicate = createFeatureSchema.parse({ key: "code-assist", name: "Dup", team: "Platform", owner: "me@example.com", monthlyBudgetUsd: "", budgetAction: "downgrade", defaultDifficulty: "standard", defaultDataClassKey: "internal", allowPromptLogging: false, commercial: true, monthlyActiveUsers: "", jurisdictions: "" });
    await expect(createFeature(duplicate, editor)).rejects.toMatchObject({ field: "key" });
    const invalid = createFeatureSchema.safeParse({ ...duplicate, monthlyBudgetUsd: "12.345" });
    expect(invalid.error?.issues[0]?.message).toBe("The monthly budget can have at most two decimals (cents).");
  });
});
