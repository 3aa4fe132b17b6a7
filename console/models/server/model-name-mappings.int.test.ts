// Model-name mapping services: targets checked against the configuration, optimistic
// concurrency, the change log, and the published snapshot carrying the mappings in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { readStoredSnapshot } from "@/lib/routing/stored-snapshot";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { applyConfigDocument } from "@/lib/config/documents/apply-config-document";
import { listModelNameMappings } from "./list-model-name-mappings";
import { loadConfigDocument } from "@/lib/config/documents/load-config-document";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { createModelNameMapping, deleteModelNameMapping, updateModelNameMapping } from "./save-model-name-mapping";
import { StaleEditError } from "@/lib/forms/stale-edit";

const admin = { id: null, email: "admin@example.com" };

beforeAll(async () => {
  await seedRoutingConfig(getDb());
});
afterAll(() => disconnectDb());

describe("model-name mappings", () => {
  it("are seeded for the Claude and GPT families, opus first and hard", async () => {
    const rows = await listModelNameMappings();
    expect(rows[0]).toMatchObject({ pattern: "claude-opus-*", target: "auto", difficulty: "hard", priority: 10 });
    expect(rows.map((row) => row.pattern)).toEqual(expect.arrayContaining(["claude-*", "gpt-*", "o3*"]));
  });

  it("creates, edits and deletes a mapping, each in the change log", async () => {
    const { id } = await createModelNameMapping({ pattern: "gemini-*", target: "tier:hosted-open", difficulty: null, priority: 50 }, admin);
    await updateModelNameMapping({ id, version: 1, pattern: "gemini-2*", target: "llama-3.3-70b", difficulty: "standard", priority: 40 }, admin);
    expect(await getDb().modelNameMapping.findUniqueOrThrow({ where: { id } })).toMatchObject({ pattern: "gemini-2*", target: "llama-3.3-70b", difficulty: "standard", version: 2 });
    await expect(updateModelNameMapping({ id, version: 1, pattern: "gemini-2*", target: "auto", difficulty: null, priority: 40 }, admin)).rejects.toBeInstanceOf(StaleEditError);
    await deleteModelNameMapping({ id, version: 2 }, admin);
    expect(await getDb().modelNameMapping.findUnique({ where: { id } })).toBeNull();
    const changes = await getDb().configChange.findMany({ where: { entity: "model-name mapping" }, orderBy: { at: "asc" } });
    expect(changes.map((change) => [change.action, change.entityKey])).toEqual([
      ["create", "gemini-*"],
      ["update", "gemini-2*"],
      ["delete", "gemini-2*"],
    ]);
  });

  it("refuses an unknown target or a pattern that already has a mapping, naming the field", async () => {
    await expect(createModelNameMapping({ pattern: "x-*", target: "tier:moon", difficulty: null, priority: 1 }, admin)).rejects.toMatchObject({ field: "target" });
    await expect(createModelNameMapping({ pattern: "x-*", target: "no-such-model", difficulty: null, priority: 1 }, admin)).rejects.toMatchObject({ field: "target" });
    await expect(createModelNameMapping({ pattern: "claude-*", target: "auto", difficulty: null, priority: 1 }, admin)).rejects.toMatchObject({ field: "pattern" });
  });

  it("are part of the published policy snapshot", async () => {
    await createModelNameMapping({ pattern: "mistral-medium-*", target: "tier:hosted-open", difficulty: "routine", priority: 5 }, admin);
    const number = await publishPolicy({ note: "mappings", actor: admin });
    const row = await getDb().policyVersion.findUniqueOrThrow({ where: { number } });
    const snapshot = readStoredSnapshot(row.snapshot, number);
    expect(snapshot.modelNameMappings).toContainEqual({ pattern: "mistral-medium-*", target: "tier:hosted-open", difficulty: "routine", priority: 5 });
    expect(snapshot.modelNameMappings).toContainEqual({ pattern: "claude-opus-*", target: "auto", difficulty: "hard", priority: 10 });
  });

  it("travel in the configuration document: exported, and applied with changes logged", async () => {
    const doc = JSON.parse(JSON.stringify(await loadConfigDocument()));
    expect(doc.modelNameMappings[0]).toEqual({ pattern: "mistral-medium-*", target: "tier:hosted-open", difficulty: "routine", priority: 5 });
    doc.modelNameMappings = doc.modelNameMappings.filter((mapping: { pattern: string }) => mapping.pattern !== "mistral-medium-*");
    doc.modelNameMappings.push({ pattern: "gpt-5-codex*", target: "tier:frontier", difficulty: "hard", priority: 1 });
    const { version, plan } = await applyConfigDocument(JSON.stringify(doc), { actor: admin, note: "codex to frontier" });
    expect(version).not.toBeNull();
    expect(plan.changes.map((change) => change.text)).toEqual(["model-name mapping mistral-medium-* removed", "model-name mapping gpt-5-codex* added"]);
    expect(await getDb().modelNameMapping.findUnique({ where: { pattern: "mistral-medium-*" } })).toBeNull();
    expect(await getDb().modelNameMapping.findUniqueOrThrow({ where: { pattern: "gpt-5-codex*" } })).toMatchObject({ target: "tier:frontier", difficulty: "hard" });
    const logged = await getDb().configChange.findMany({ where: { entity: "model-name mapping", entityKey: { in: ["mistral-medium-*", "gpt-5-codex*"] } }, orderBy: { at: "asc" } });
    expect(logged.map((change) => [change.action, change.entityKey])).toEqual([
      ["create", "mistral-medium-*"],
      ["create", "gpt-5-codex*"],
      ["delete", "mistral-medium-*"],
    ]);
  });
});
