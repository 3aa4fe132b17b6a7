// Data-rule services against a real database: the change log, optimistic concurrency, the
// class order, unsafe regexes, and that a saved rule reaches the gateway only through Publish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { detect } from "@/lib/detectors";
import { preparePolicy } from "@/lib/gateway/instance/policy-store";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { buildSnapshot } from "@/lib/config/versions/build-snapshot";
import { createClassificationRule } from "./create-classification-rule";
import { listClassificationRules } from "./list-classification-rules";
import { listDataClasses } from "./list-data-classes";
import { setDetectorRule } from "./set-detector-rule";
import { ConfigRuleError, StaleEditError } from "@/lib/forms/stale-edit";
import { updateDataClass } from "./update-data-class";
import { deleteClassificationRule, updateClassificationRule } from "./update-classification-rule";

const alice = { id: null, email: "alice@example.com" };
const bob = { id: null, email: "bob@example.com" };

async function workingDetectors() {
  return preparePolicy(await buildSnapshot(0)).detectors;
}

beforeAll(async () => {
  await seedRoutingConfig(getDb());
});
afterAll(() => disconnectDb());

describe("admin rules", () => {
  it("creates a keyword rule, logs it, and the working rules find the keyword", async () => {
    await createClassificationRule({ key: "project-nightjar", name: "Project Nightjar", kind: "keywords", keywords: ["Project Nightjar"], dataClassKey: "restricted", enabled: true }, alice);
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "classification rule", entityKey: "project-nightjar" } });
    expect(change).toMatchObject({ actorEmail: "alice@example.com", action: "create", after: { kind: "keywords", keywords: ["Project Nightjar"], dataClass: "restricted", enabled: true } });
    const findings = detect("Status of project   nightjar?", await workingDetectors());
    expect(findings).toEqual([{ type: "rule:project-nightjar", count: 1, positions: [[10, 28]], dataClass: "restricted" }]);
  });

  it("refuses a duplicate key next to the key field", async () => {
    const duplicate = createClassificationRule({ key: "project-nightjar", name: "Again", kind: "keywords", keywords: ["x"], dataClassKey: "internal", enabled: true }, alice);
    await expect(duplicate).rejects.toMatchObject({ field: "key", message: expect.stringContaining("already exists") });
  });

  it("refuses a regex RE2 cannot run with its reason, whoever calls", async () => {
    const backreference = createClassificationRule({ key: "nested", name: "Nested", kind: "regex", pattern: "(a)\\1", dataClassKey: "restricted", enabled: true }, alice);
    await expect(backreference).rejects.toBeInstanceOf(ConfigRuleError);
    await expect(backreference).rejects.toMatchObject({ field: "pattern", message: expect.stringContaining("Backreferences") });
    expect(await getDb().classificationRule.findUnique({ where: { key: "nested" } })).toBeNull();
  });

  it("updates with the version it was opened on, and refuses a stale save naming who changed it", async () => {
    await createClassificationRule({ key: "employee-id", name: "Employee IDs", kind: "regex", pattern: "EMP-\\d{6}", dataClassKey: "confidential", enabled: true }, alice);
    await updateClassificationRule({ key: "employee-id", version: 1, name: "Employee IDs", kind: "regex", pattern: "EMP-\\d{6,8}", dataClassKey: "restricted", enabled: true }, alice);
    const row = await getDb().classificationRule.findUniqueOrThrow({ where: { key: "employee-id" } });
    expect(row).toMatchObject({ version: 2, pattern: "EMP-\\d{6,8}", dataClassKey: "restricted" });

    const stale = updateClassificationRule({ key: "employee-id", version: 1, name: "Bob's idea", kind: "keywords", keywords: ["EMP"], dataClassKey: "public", enabled: false }, bob);
    await expect(stale).rejects.toBeInstanceOf(StaleEditError);
    await expect(stale).rejects.toThrow(/^This classification rule was changed by alice@example\.com at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC — reload/);
    expect((await getDb().classificationRule.findUniqueOrThrow({ where: { key: "employee-id" } })).name).toBe("Employee IDs");
  });

  it("deletes a rule only at the version it was shown, and logs what it was", async () => {
    await expect(deleteClassificationRule({ key: "employee-id", version: 1 }, bob)).rejects.toBeInstanceOf(StaleEditError);
    await deleteClassificationRule({ key: "employee-id", version: 2 }, bob);
    expect(await getDb().classificationRule.findUnique({ where: { key: "employee-id" } })).toBeNull();
    const change = await getDb().configChange.findFirstOrThrow({ where: { entityKey: "employee-id", action: "delete" } });
    expect(change.before).toMatchObject({ pattern: "EMP-\\d{6,8}" });
  });

  it("does not edit or delete built-in detectors as rules", async () => {
    await expect(deleteClassificationRule({ key: "detector-email", version: 1 }, alice)).rejects.toThrow(/detectors list/);
  });
});

describe("built-in detectors", () => {
  it("switches a detector off and back on at another class", async () => {
    const email = (await listClassificationRules()).find((rule) => rule.key === "detector-email")!;
    await setDetectorRule({ detector: "email", enabled: false, dataClassKey: "confidential", version: email.version }, alice);
    expect(detect("mail ada@example.com", await workingDetectors())).toEqual([]);
    await setDetectorRule({ detector: "email", enabled: true, dataClassKey: "restricted", version: email.version + 1 }, alice);
    expect(detect("mail ada@example.com", await workingDetectors())[0]).toMatchObject({ type: "email", dataClass: "restricted" });
    const actions = await getDb().configChange.findMany({ where: { entityKey: "detector-email" }, orderBy: { at: "asc" }, select: { action: true } });
    expect(actions.map((entry) => entry.action)).toEqual(["disable", "enable"]);
  });

  it("creates the rule of a detector that has none", async () => {
    await getDb().classificationRule.delete({ where: { key: "detector-phone" } });
    await setDetectorRule({ detector: "phone", enabled: true, dataClassKey: "confidential", version: null }, alice);
    expect(await getDb().classificationRule.findUnique({ where: { key: "detector-phone" } })).toMatchObject({ kind: "detector", detector: "phone", version: 1 });
  });
});

describe("data classes", () => {
  it("changes a class's tiers and regions and logs before → after", async () => {
    const confidential = (await listDataClasses()).find((entry) => entry.key === "confidential")!;
    await updateDataClass({ key: "confidential", version: confidential.version, tierKeys: ["local"], allowedRegions: ["on-prem", "eu"] }, alice);
    const after = (await listDataClasses()).find((entry) => entry.key === "confidential")!;
    expect(after).toMatchObject({ tiers: [{ key: "local" }], allowedRegions: ["on-prem", "eu"], version: confidential.version + 1 });
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "data class", entityKey: "confidential" } });
    expect(change).toMatchObject({ before: { tiers: ["local", "hosted-open"], allowedRegions: ["on-prem", "us", "eu"] }, after: { tiers: ["local"], allowedRegions: ["on-prem", "eu"] } });
  });

  it("refuses a more sensitive class a tier a less sensitive one may not use, and changes nothing", async () => {
    const restricted = (await listDataClasses()).find((entry) => entry.key === "restricted")!;
    const widen = updateDataClass({ key: "restricted", version: restricted.version, tierKeys: ["local", "frontier"], allowedRegions: ["on-prem"] }, alice);
    await expect(widen).rejects.toMatchObject({ field: "tierKeys", message: expect.stringContaining("Restricted would be allowed frontier while the less sensitive Confidential is not") });
    expect((await listDataClasses()).find((entry) => entry.key === "restricted")).toEqual(restricted);
  });

  it("refuses a stale class edit and an unknown tier", async () => {
    await expect(updateDataClass({ key: "public", version: 99, tierKeys: ["local"], allowedRegions: [] }, bob)).rejects.toBeInstanceOf(StaleEditError);
    await expect(updateDataClass({ key: "public", version: 1, tierKeys: ["local", "moon"], allowedRegions: [] }, bob)).rejects.toMatchObject({ field: "tierKeys" });
  });
});
