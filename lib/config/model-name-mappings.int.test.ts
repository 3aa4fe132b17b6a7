// Model-name mapping services: targets checked against the configuration, optimistic
// concurrency, the change log, and the published snapshot carrying the mappings in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { readStoredSnapshot } from "@/lib/routing/stored-snapshot";
import { seedRoutingConfig } from "@/prisma/seed/routing-config";
import { listModelNameMappings } from "./list-model-name-mappings";
import { publishPolicy } from "./publish-policy";
import { createModelNameMapping, deleteModelNameMapping, updateModelNameMapping } from "./save-model-name-mapping";
import { StaleEditError } from "./stale-edit";

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
});
