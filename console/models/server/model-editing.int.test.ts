// Models, tiers and providers edited through the services the console's actions call, against
// a real database seeded with the default configuration.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { testProviderConnection } from "@/console/providers/server/test-provider-connection";
import { startFakeOpenAIServer } from "@/lib/providers/testing";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { buildSnapshot } from "@/lib/config/versions/build-snapshot";
import { modelInputSchema, type ModelInput } from "../schema";
import { providerInputSchema } from "@/console/providers/schema";
import { createModel, updateModel } from "./save-model";
import { createProvider, updateProvider } from "@/console/providers/server/save-provider";
import { updateTier } from "./save-tier";
import { StaleEditError } from "@/lib/forms/stale-edit";

const ada = { id: null, email: "ada@example.com", role: "admin" as const };
const eli = { id: null, email: "eli@example.com", role: "engineer" as const };

async function editable(alias: string): Promise<ModelInput> {
  const model = await getDb().model.findUniqueOrThrow({ where: { alias }, include: { tier: true, provider: true, licence: true, hardwareProfile: true } });
  const profile = model.hardwareProfile;
  return modelInputSchema.parse({
    alias, version: model.version, providerModelId: model.providerModelId, tierKey: model.tier.key, providerKey: model.provider.key, licenceKey: model.licence?.key ?? "",
    enabled: model.enabled, priority: model.priority, contextWindow: model.contextWindow,
    pricing: profile
      ? { source: "hardware", profile: { id: profile.id, version: profile.version, name: profile.name, purchasePriceUsd: profile.purchasePriceUsd.toNumber(), amortisationMonths: profile.amortisationMonths, watts: profile.watts, usdPerKwh: profile.usdPerKwh.toNumber(), tokensPerDay: profile.tokensPerDay } }
      : { source: "list", inputPricePerMTok: model.inputPricePerMTok?.toNumber() ?? "", outputPricePerMTok: model.outputPricePerMTok?.toNumber() ?? "" },
  });
}

beforeAll(async () => {
  await seedRoutingConfig(getDb());
});

describe("models", () => {
  it("moves a model to another tier, bumps its version and logs before → after in document terms", async () => {
    const input = await editable("mistral-7b");
    const result = await updateModel({ ...input, tierKey: "hosted-open" }, ada);
    expect(result).toMatchObject({ changed: true, version: input.version + 1 });
    const snapshot = await buildSnapshot(0);
    expect(snapshot.models.find((model) => model.alias === "mistral-7b")?.tierKey).toBe("hosted-open");
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "model", entityKey: "mistral-7b" }, orderBy: { at: "desc" } });
    expect(change).toMatchObject({ actorEmail: "ada@example.com", action: "update", before: expect.objectContaining({ tier: "local" }), after: expect.objectContaining({ tier: "hosted-open" }) });
  });

  it("refuses the second of two saves from the same version and keeps the first", async () => {
    const opened = await editable("gemma-2-9b");
    await updateModel({ ...opened, priority: 25 }, ada);
    const stale = updateModel({ ...opened, priority: 26 }, eli);
    await expect(stale).rejects.toBeInstanceOf(StaleEditError);
    await expect(stale).rejects.toThrow(/changed by ada@example\.com at .* — reload/);
    expect((await getDb().model.findUniqueOrThrow({ where: { alias: "gemma-2-9b" } })).priority).toBe(25);
  });

  it("lets only one of two simultaneous saves through", async () => {
    const opened = await editable("claude-opus");
    const results = await Promise.allSettled([updateModel({ ...opened, priority: 51 }, ada), updateModel({ ...opened, priority: 52 }, eli)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(StaleEditError);
  });

  it("saves a hardware profile with the model, so the snapshot's effective price follows", async () => {
    const input = await editable("llama-3.1-8b");
    if (input.pricing.source !== "hardware") throw new Error("seed prices llama by hardware");
    await updateModel({ ...input, pricing: { source: "hardware", profile: { ...input.pricing.profile, tokensPerDay: 6_000_000 } } }, ada);
    const price = (await buildSnapshot(0)).models.find((model) => model.alias === "llama-3.1-8b")?.inputPricePerMTok;
    expect(price).toBeCloseTo(0.5133, 3);
    const log = await getDb().configChange.findMany({ where: { entity: { in: ["hardware profile", "model"] }, entityKey: { in: ["llama-3.1-8b", input.pricing.profile.name] } } });
    expect(log.map((entry) => entry.entity)).toEqual(["hardware profile"]);
  });

  it("adds a model with unknown prices (null, never zero) and refuses a duplicate alias next to the field", async () => {
    const input = modelInputSchema.parse({
      alias: "qwen-3-32b", version: 0, providerModelId: "qwen3:32b", tierKey: "hosted-open", providerKey: "simulated-hosted-open", licenceKey: "qwen",
      enabled: true, priority: "60", contextWindow: "32768", pricing: { source: "list", inputPricePerMTok: "", outputPricePerMTok: "" },
    });
    await createModel(input, ada);
    expect((await buildSnapshot(0)).models.find((model) => model.alias === "qwen-3-32b")).toMatchObject({ inputPricePerMTok: null, tierKey: "hosted-open" });
    await expect(createModel(input, ada)).rejects.toMatchObject({ field: "alias" });
  });
});

describe("tiers", () => {
  it("renames a tier and refuses a stale rename", async () => {
    const tier = await getDb().tier.findUniqueOrThrow({ where: { key: "frontier" } });
    await updateTier({ key: "frontier", version: tier.version, name: "Frontier APIs", description: tier.description }, ada);
    await expect(updateTier({ key: "frontier", version: tier.version, name: "Other", description: "" }, eli)).rejects.toBeInstanceOf(StaleEditError);
    expect((await getDb().tier.findUniqueOrThrow({ where: { key: "frontier" } })).name).toBe("Frontier APIs");
  });
});

describe("providers", () => {
  it("creates a provider with a key variable name and never a key", async () => {
    const input = providerInputSchema.parse({ key: "groq", version: 0, name: "Groq", kind: "openai-compatible", baseUrl: "https://api.groq.com/openai/v1", apiKeyEnv: "GROQ_API_KEY", region: "us", enabled: true, simulatedLatencyMs: "0", simulatedFailureRate: "0" });
    await createProvider(input, ada);
    expect(providerInputSchema.safeParse({ ...input, apiKeyEnv: "gsk_live_abcdefghijklmnop" }).success).toBe(false);
    const row = await getDb().provider.findUniqueOrThrow({ where: { key: "groq" } });
    await updateProvider({ ...input, version: row.version, enabled: false }, ada);
    await expect(updateProvider({ ...input, version: row.version, region: "eu" }, eli)).rejects.toBeInstanceOf(StaleEditError);
  });

  it("saves an embedding model's kind and dimensions into the snapshot and the change log; a chat save keeps none", async () => {
    const created = await createModel(modelInputSchema.parse({
      alias: "bge-small", version: 0, providerModelId: "bge-small-en", tierKey: "local", providerKey: "simulated-local", licenceKey: "", enabled: true, priority: 500, contextWindow: 512,
      pricing: { source: "list", inputPricePerMTok: 0.01, outputPricePerMTok: 0 }, kind: "embedding", embeddingDimensions: 384,
    }), ada);
    expect(created.alias).toBe("bge-small");
    const snapshot = await buildSnapshot(0);
    expect(snapshot.models.find((model) => model.alias === "bge-small")).toMatchObject({ kind: "embedding", embeddingDimensions: 384 });
    expect(snapshot.models.find((model) => model.alias === "llama-3.1-8b")).toMatchObject({ kind: "chat", embeddingDimensions: null });
    // An edit that does not send the kind keeps it; turning it into a chat model drops the dimensions.
    const opened = await editable("bge-small");
    await updateModel({ ...opened, priority: 501 }, ada);
    expect(await getDb().model.findUniqueOrThrow({ where: { alias: "bge-small" } })).toMatchObject({ kind: "embedding", embeddingDimensions: 384 });
    await updateModel({ ...(await editable("bge-small")), kind: "chat" }, ada);
    expect(await getDb().model.findUniqueOrThrow({ where: { alias: "bge-small" } })).toMatchObject({ kind: "chat", embeddingDimensions: null });
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "model", entityKey: "bge-small" }, orderBy: { at: "desc" } });
    expect(change).toMatchObject({ before: expect.objectContaining({ kind: "embedding", embeddingDimensions: 384 }), after: expect.objectContaining({ kind: "chat", embeddingDimensions: null }) });
  });

  it("tests an embedding model's connection by embedding a text", async () => {
    const ok = await testProviderConnection("simulated-local", "nomic-embed-text");
    expect(ok).toMatchObject({ ok: true, simulated: true, modelAlias: "nomic-embed-text", reply: "A 768-dimension embedding." });
  });

  it("tests a connection with one real call through the provider layer", async () => {
    const ok = await testProviderConnection("simulated-local", null);
    expect(ok).toMatchObject({ ok: true, simulated: true, modelAlias: "llama-3.1-8b" });
    if (ok.ok) expect(ok.reply).toMatch(/^\[Simulated llama/);

    const failing = await testProviderConnection("groq", null).catch((error: Error) => error.message);
    expect(failing).toMatch(/No model uses Groq yet/);
    // A real HTTP call to a local fake upstream that wants a key the environment does not hold…
    const upstream = await startFakeOpenAIServer({ apiKey: "sk-test-groq" });
    try {
      await getDb().provider.update({ where: { key: "groq" }, data: { baseUrl: upstream.baseUrl, apiKeyEnv: "SWITCHYARD_IT_GROQ_KEY" } });
      await getDb().model.update({ where: { alias: "qwen-3-32b" }, data: { provider: { connect: { key: "groq" } } } });
      const refused = await testProviderConnection("groq", null);
      expect(refused).toMatchObject({ ok: false, kind: "auth", modelAlias: "qwen-3-32b" });
      // …then with the key in the environment (the database still holds only its name).
      process.env.SWITCHYARD_IT_GROQ_KEY = "sk-test-groq";
      const connected = await testProviderConnection("groq", null);
      expect(connected).toMatchObject({ ok: true, simulated: false });
      expect(upstream.requests.at(-1)?.body).toMatchObject({ model: "qwen3:32b", max_tokens: 16 });
    } finally {
      delete process.env.SWITCHYARD_IT_GROQ_KEY;
      await upstream.stop();
    }
  });
});
