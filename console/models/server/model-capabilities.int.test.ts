// Model capabilities, max output, cache and long-context prices against a real database: saved
// through the services the console's actions call, carried by the snapshot and the
// configuration document, and brought in line with the catalogue by a second seed.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { applyConfigDocument } from "@/lib/config/documents/apply-config-document";
import { buildSnapshot } from "@/lib/config/versions/build-snapshot";
import type { ConfigDocument } from "@/lib/config/documents/config-document-schema";
import { loadConfigDocument } from "@/lib/config/documents/load-config-document";
import { compareWorkingWithLive } from "@/lib/config/versions/load-policy-comparison";
import { modelInputSchema } from "../schema";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { createModel, updateModel } from "./save-model";

const ada = { id: null, email: "ada@example.com" };
const modelOf = async (alias: string) => (await buildSnapshot(0)).models.find((model) => model.alias === alias);
const exported = async (): Promise<ConfigDocument> => JSON.parse(JSON.stringify(await loadConfigDocument()));

async function listInput(alias: string, extra: Record<string, unknown>) {
  const model = await getDb().model.findUniqueOrThrow({ where: { alias }, include: { tier: true, provider: true, licence: true } });
  const { pricing, ...rest } = extra as { pricing?: Record<string, unknown> };
  return modelInputSchema.parse({
    alias, version: model.version, providerModelId: model.providerModelId, tierKey: model.tier.key, providerKey: model.provider.key, licenceKey: model.licence?.key ?? "",
    enabled: model.enabled, priority: model.priority, contextWindow: model.contextWindow,
    pricing: { source: "list", inputPricePerMTok: model.inputPricePerMTok?.toNumber() ?? "", outputPricePerMTok: model.outputPricePerMTok?.toNumber() ?? "", ...pricing },
    ...rest,
  });
}

beforeAll(async () => {
  await seedRoutingConfig(getDb());
  await publishPolicy({ note: "seed", actor: ada });
});

describe("seeded capabilities", () => {
  it("come from the catalogue: gemma cannot call tools, a local model reads images, every tier has JSON output", async () => {
    const snapshot = await buildSnapshot(0);
    const by = (alias: string) => snapshot.models.find((model) => model.alias === alias)!;
    expect(by("gemma-2-9b").capabilities).toEqual(["structured_output"]);
    expect(by("llama-3.1-8b")).toMatchObject({ capabilities: ["tools", "structured_output"], maxOutputTokens: 8192, contextWindow: 8192 });
    expect(by("qwen-2.5-vl-7b")).toMatchObject({ tierKey: "local", capabilities: ["tools", "structured_output", "images"] });
    expect(by("claude-opus")).toMatchObject({ cachedInputPricePerMTok: 1.5, cacheWritePricePerMTok: 18.75, maxOutputTokens: 32_000 });
    expect(by("claude-sonnet").longContext).toEqual({ thresholdTokens: 200_000, inputPricePerMTok: 6, outputPricePerMTok: 22.5 });
    expect(snapshot.unscannableDataClass).toBe("confidential");
    for (const tier of ["local", "hosted-open", "frontier"]) expect(snapshot.models.some((model) => model.tierKey === tier && model.capabilities.includes("structured_output"))).toBe(true);
  });

  it("are brought back in line by a second seed, which leaves every other field alone", async () => {
    await getDb().model.update({ where: { alias: "deepseek-v3" }, data: { supportsTools: false, maxOutputTokens: 100, priority: 99 } });
    const before = await getDb().model.findUniqueOrThrow({ where: { alias: "deepseek-v3" } });
    expect(await seedRoutingConfig(getDb())).toEqual({ updatedModels: ["deepseek-v3"] });
    const after = await getDb().model.findUniqueOrThrow({ where: { alias: "deepseek-v3" } });
    expect(after).toMatchObject({ supportsTools: true, maxOutputTokens: 8192, priority: 99, version: before.version + 1 });
    expect(await seedRoutingConfig(getDb())).toEqual({ updatedModels: [] });
  });
});

describe("saving a model with capabilities", () => {
  it("creates one with capabilities, max output, cache prices and a long-context tier, logged in document terms", async () => {
    const input = modelInputSchema.parse({
      alias: "gemini-pro", version: 0, providerModelId: "gemini-2.5-pro", tierKey: "frontier", providerKey: "simulated-frontier", licenceKey: "", enabled: true, priority: "60",
      contextWindow: "1048576", maxOutputTokens: "65536", capabilities: ["tools", "structured_output", "images", "reasoning"], catalogueRef: "google/gemini-2.5-pro",
      pricing: { source: "list", inputPricePerMTok: "1.25", outputPricePerMTok: "10", cachedInputPricePerMTok: "0.125", cacheWritePricePerMTok: "", longContext: { thresholdTokens: "200000", inputPricePerMTok: "2.5", outputPricePerMTok: "15" } },
    });
    await createModel(input, ada);
    expect(await modelOf("gemini-pro")).toMatchObject({
      capabilities: ["tools", "structured_output", "images", "reasoning"], maxOutputTokens: 65_536, cachedInputPricePerMTok: 0.125, cacheWritePricePerMTok: null,
      longContext: { thresholdTokens: 200_000, inputPricePerMTok: 2.5, outputPricePerMTok: 15 },
    });
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "model", entityKey: "gemini-pro", action: "create" } });
    expect(change.after).toMatchObject({ capabilities: ["tools", "structured_output", "images", "reasoning"], catalogueRef: "google/gemini-2.5-pro", longContext: { thresholdTokens: 200_000 } });
  });

  it("switches a capability off, and the publish bar's comparison says so in words", async () => {
    await updateModel(await listInput("deepseek-v3", { capabilities: ["structured_output"] }), ada);
    expect((await modelOf("deepseek-v3"))?.capabilities).toEqual(["structured_output"]);
    const texts = (await compareWorkingWithLive())?.changes.map((change) => change.text) ?? [];
    expect(texts).toContain("deepseek-v3: tools off");
  });

  it("keeps what a caller does not send, and refuses a max output the window cannot hold", async () => {
    const kept = await listInput("claude-opus", { priority: 55 });
    await updateModel(kept, ada);
    expect(await modelOf("claude-opus")).toMatchObject({ priority: 55, capabilities: ["tools", "structured_output", "images", "reasoning"], cacheWritePricePerMTok: 18.75, maxOutputTokens: 32_000 });
    // The window shrinks below the stored max output, which the form did not send.
    await expect(updateModel(await listInput("claude-opus", { contextWindow: 16_000 }), ada)).rejects.toMatchObject({ field: "maxOutputTokens" });
    expect((await modelOf("claude-opus"))?.contextWindow).toBe(200_000);
  });
});

describe("configuration as code", () => {
  it("round-trips the new fields: an export applied back changes nothing", async () => {
    const doc = await exported();
    expect(doc.models.find((model) => model.alias === "claude-sonnet")).toMatchObject({ capabilities: ["tools", "structured_output", "images", "reasoning"], longContext: { thresholdTokens: 200_000 } });
    expect(doc.unscannableDataClass).toBe("confidential");
    expect(await applyConfigDocument(JSON.stringify(doc), { actor: ada, note: "no-op" })).toMatchObject({ version: null, plan: { total: 0 } });
  });

  it("applies capability and settings changes, and an older document without the fields gets the defaults", async () => {
    const doc = await exported();
    doc.models.find((model) => model.alias === "gemma-2-9b")!.capabilities = ["tools", "structured_output"];
    doc.unscannableDataClass = "restricted";
    doc.maxLoggedDataClass = "public";
    doc.maskedAnswerFindings = ["secret", "payment_card"];
    const { plan, version } = await applyConfigDocument(doc, { actor: ada, note: "Gemma tools via a new template" });
    expect(plan.changes.map((change) => change.text)).toEqual([
      "gemma-2-9b: tools on",
      "unscannable content: confidential → restricted",
      "prompts stored up to: confidential → public",
      "masked in answers: nothing → payment_card, secret",
    ]);
    const published = await getDb().policyVersion.findUniqueOrThrow({ where: { number: version! } });
    expect(published.snapshot).toMatchObject({ unscannableDataClass: "restricted", maxLoggedDataClass: "public", maskedAnswerFindings: ["payment_card", "secret"] });
    expect(await getDb().configChange.findFirst({ where: { entity: "data rule setting", entityKey: "unscannable content" } })).toMatchObject({ after: { unscannableDataClass: "restricted" } });

    const older = (await exported()) as unknown as { models: Array<Record<string, unknown>>; unscannableDataClass?: string };
    for (const model of older.models) for (const field of ["capabilities", "maxOutputTokens", "cachedInputPricePerMTok", "cacheWritePricePerMTok", "longContext", "catalogueRef"]) delete model[field];
    delete older.unscannableDataClass;
    delete (older as Record<string, unknown>).maxLoggedDataClass;
    delete (older as Record<string, unknown>).maskedAnswerFindings;
    await applyConfigDocument(older, { actor: ada, note: "An older document" });
    const snapshot = await buildSnapshot(0);
    expect(snapshot.models.every((model) => model.capabilities.length === 0 && model.maxOutputTokens === null && model.longContext === null)).toBe(true);
    expect(snapshot).toMatchObject({ unscannableDataClass: "confidential", maxLoggedDataClass: "confidential", maskedAnswerFindings: [] });
  });

  it("refuses a document that would store restricted prompts, naming the field", async () => {
    const doc = { ...(await exported()), maxLoggedDataClass: "restricted" };
    await expect(applyConfigDocument(JSON.stringify(doc), { actor: ada, note: "no" })).rejects.toMatchObject({
      issues: [{ path: "maxLoggedDataClass", message: expect.stringContaining("Restricted prompts are never stored") }],
    });
  });
});
