// Configuration as code against a real database: export, apply (all or nothing, with the
// change log and a publish), the checks only the database can make, and roll back.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { PolicySnapshot } from "@/lib/routing/types";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { applyConfigDocument, ConfigDocumentError, previewConfigDocument } from "./apply-config-document";
import type { ConfigDocument } from "./config-document-schema";
import { loadDraftStatus } from "../versions/draft-status";
import { loadConfigDocument } from "./load-config-document";
import { compareWorkingWithLive, comparePolicyVersions } from "../versions/load-policy-comparison";
import { publishPolicy } from "../versions/publish-policy";
import { rollBackPolicy } from "../versions/roll-back-policy";
import { StaleEditError } from "@/lib/forms/stale-edit";

const ada = { id: null, email: "ada@example.com" };
const exported = async (): Promise<ConfigDocument> => JSON.parse(JSON.stringify(await loadConfigDocument()));

beforeAll(async () => {
  const db = getDb();
  await seedRoutingConfig(db);
  const feature = await db.feature.findUniqueOrThrow({ where: { key: "support-summaries" } });
  await db.apiKey.create({ data: { name: "Support app", prefix: "sy_test00", hash: "hash-0", defaultFeatureKey: "support-summaries", features: { create: [{ featureId: feature.id }] } } });
  await publishPolicy({ note: "seed", actor: ada });
});

describe("configuration as code", () => {
  it("round-trips: an export applied back changes nothing and publishes nothing", async () => {
    const result = await applyConfigDocument(JSON.stringify(await exported()), { actor: ada, note: "no-op" });
    expect(result).toMatchObject({ version: null, plan: { total: 0 } });
  });

  it("applies an edited export: the rows change, each change is logged and a version is published", async () => {
    const doc = await exported();
    doc.models.find((model) => model.alias === "claude-sonnet")!.outputPricePerMTok = 12;
    doc.models.find((model) => model.alias === "mistral-7b")!.tier = "hosted-open";
    doc.routingRules.find((rule) => rule.key === "long-context-to-hosted")!.when.minEstimatedTokens = 7000;
    doc.tiers.push({ key: "edge", name: "Edge devices", rank: 5, description: "" });

    const preview = await previewConfigDocument(doc);
    expect(preview.plan.changes.map((change) => change.text)).toEqual([
      "tier edge added",
      "claude-sonnet: output price $15 → $12",
      "mistral-7b: tier local → hosted-open",
      "rule long-context-to-hosted: min tokens 6000 → 7000",
    ]);

    const { version } = await applyConfigDocument(doc, { actor: ada, note: "Cheaper sonnet", basis: preview.basis });
    expect(version).toBe(2);
    const published = await getDb().policyVersion.findUniqueOrThrow({ where: { number: 2 } });
    const snapshot = published.snapshot as unknown as PolicySnapshot;
    expect(snapshot.models.find((model) => model.alias === "claude-sonnet")?.outputPricePerMTok).toBe(12);
    expect(published.note).toBe("Cheaper sonnet");
    // Applied and published together: nothing is left waiting in the publish bar.
    expect((await loadDraftStatus()).unpublishedChanges).toBe(0);
    const log = await getDb().configChange.findMany({ where: { note: { startsWith: "Applied from a configuration document" } }, select: { entity: true, entityKey: true, action: true } });
    expect(log).toEqual(
      expect.arrayContaining([
        { entity: "model", entityKey: "claude-sonnet", action: "update" },
        { entity: "tier", entityKey: "edge", action: "create" },
        { entity: "routing rule", entityKey: "long-context-to-hosted", action: "update" },
      ]),
    );
    expect((await comparePolicyVersions(1, 2))?.changes.map((change) => change.text)).toContain("claude-sonnet: output price $15 → $12");
    // The stale basis from before this apply is refused now.
    await expect(applyConfigDocument(doc, { actor: ada, note: "again", basis: preview.basis })).rejects.toBeInstanceOf(StaleEditError);
  });

  it("changes nothing when any part is invalid", async () => {
    const before = await loadConfigDocument();
    const doc = await exported();
    doc.models[0]!.priority = 1;
    doc.models[1]!.tier = "nowhere";
    doc.classificationRules.push({ key: "bad", name: "Bad", kind: "regex", detector: null, pattern: "(a)\\1", keywords: [], dataClass: "restricted", enabled: true });
    const failure = await applyConfigDocument(doc, { actor: ada, note: "broken" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigDocumentError);
    expect((failure as ConfigDocumentError).issues.map((issue) => issue.path)).toEqual(["models[1].tier", `classificationRules[${doc.classificationRules.length - 1}].pattern`]);
    expect({ ...(await loadConfigDocument()), exportedAt: before.exportedAt }).toEqual(before);
  });

  it("check refuses what apply would: an app setting as a key variable for anyone, a moved provider for an engineer", async () => {
    const exfil = await exported();
    exfil.providers[0] = { ...exfil.providers[0]!, kind: "openai-compatible", baseUrl: "https://attacker.example/v1", apiKeyEnv: "NEXTAUTH_SECRET", simulator: null };
    await expect(previewConfigDocument(exfil)).rejects.toMatchObject({ issues: [{ path: "providers[0].apiKeyEnv", message: expect.stringContaining("own settings") }] });
    // The seed's providers are simulators here: pointing one at the network is an admin's change.
    const moved = await exported();
    moved.providers[0] = { ...moved.providers[0]!, kind: "openai-compatible", baseUrl: "https://attacker.example/v1", apiKeyEnv: "TOGETHER_API_KEY", simulator: null };
    await expect(previewConfigDocument(moved, "engineer")).rejects.toMatchObject({ issues: [{ path: "providers[0].kind", message: expect.stringMatching(/Only an admin can set or change a provider.s kind, base URL, key variable/) }] });
    expect((await previewConfigDocument(moved, "admin")).plan.total).toBe(1);
  });

  it("refuses to remove a feature an API key still uses, and removes rows otherwise", async () => {
    const doc = await exported();
    doc.features = doc.features.filter((feature) => feature.key !== "support-summaries");
    await expect(previewConfigDocument(doc)).rejects.toMatchObject({ issues: [{ path: "features", message: expect.stringContaining('API key "Support app"') }] });

    const smaller = await exported();
    smaller.tiers = smaller.tiers.filter((tier) => tier.key !== "edge");
    smaller.routingRules = smaller.routingRules.filter((rule) => rule.key !== "proofs-to-frontier");
    const { plan, version } = await applyConfigDocument(smaller, { actor: ada, note: "Drop edge tier and proofs rule" });
    expect(plan.changes.map((change) => change.text)).toEqual(["tier edge removed", "rule proofs-to-frontier removed"]);
    expect(version).toBe(3);
    expect(await getDb().tier.findUnique({ where: { key: "edge" } })).toBeNull();
  });

  it("rolls back by publishing an old snapshot again, and shows what the working configuration would change", async () => {
    const number = await rollBackPolicy({ toVersion: 1, note: "sonnet price not agreed", actor: ada });
    const row = await getDb().policyVersion.findUniqueOrThrow({ where: { number } });
    expect(row).toMatchObject({ rolledBackFrom: 1, note: "Roll back to version 1: sonnet price not agreed" });
    expect((row.snapshot as unknown as PolicySnapshot).version).toBe(number);
    expect((await comparePolicyVersions(1, number))?.changes).toEqual([]);
    const working = await compareWorkingWithLive();
    expect(working?.changes.map((change) => change.text)).toContain("claude-sonnet: output price $15 → $12");
    await expect(rollBackPolicy({ toVersion: number, note: null, actor: ada })).rejects.toThrow(/already the policy in force/);
  });
});
