import { describe, expect, it } from "vitest";
import type { CatalogueModel, HardwareProfileView } from "@/console/models/server/load-model-catalogue";
import { modelInputSchema } from "@/console/models/schema";
import type { CatalogueEntry } from "@/lib/config/catalogue/catalogue-entry";
import { aliasFrom, applyCatalogueEntry, initialModelValues, toModelInput } from "./model-form-values";

const profile: HardwareProfileView = { id: "hw1", name: "24 GB card", version: 3, purchasePriceUsd: 1600, amortisationMonths: 36, watts: 450, usdPerKwh: 0.15, tokensPerDay: 3_000_000, usedBy: ["llama"] };

const model: CatalogueModel = {
  alias: "llama", version: 7, providerModelId: "llama3.1:8b", provider: { key: "ollama", name: "Ollama", kind: "openai_compatible", region: "on-prem" }, contextWindow: 8192,
  listInputPricePerMTok: null, listOutputPricePerMTok: null, inputPricePerMTok: 1.03, outputPricePerMTok: 1.03, priceSource: "hardware", hardwareProfileId: "hw1",
  hardwareProfileName: "24 GB card", licence: null, enabled: true, priority: 10, isBaseline: false,
  capabilities: ["tools", "structured_output"], maxOutputTokens: 4096, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null, catalogueRef: "groq/llama-3.1-8b-instant", kind: "chat", embeddingDimensions: null,
};

const opus: CatalogueEntry = {
  ref: "anthropic/claude-opus-4-1-20250805", provider: "anthropic", providerName: "Anthropic", modelId: "claude-opus-4-1-20250805", name: "Claude Opus 4.1",
  capabilities: ["tools", "structured_output", "images", "reasoning"], contextWindow: 200_000, maxOutputTokens: 32_000, inputPricePerMTok: 15, outputPricePerMTok: 75,
  cachedInputPricePerMTok: 1.5, cacheWritePricePerMTok: 18.75, longContext: null, openWeights: false, sources: { capabilities: "models.dev", prices: "genai-prices" },
};

describe("the model form's values", () => {
  it("open a hardware-priced model on its profile and send what the schema reads", () => {
    const values = initialModelValues(model, "local", [profile]);
    expect(values).toMatchObject({ pricingSource: "hardware", profileId: "hw1", profileVersion: 3, watts: "450", licenceKey: "" });
    const input = modelInputSchema.parse(toModelInput({ ...values, watts: "400" }, model.version));
    expect(input).toMatchObject({
      version: 7, licenceKey: null, contextWindow: 8192, capabilities: ["tools", "structured_output"], maxOutputTokens: 4096, catalogueRef: "groq/llama-3.1-8b-instant",
      pricing: { source: "hardware", profile: { id: "hw1", version: 3, watts: 400 } },
    });
  });

  it("start a new model in its tier with unknown prices that stay unknown", () => {
    const values = { ...initialModelValues(null, "frontier", [profile]), alias: "gpt-6", providerModelId: "gpt-6", providerKey: "openai", contextWindow: "400000" };
    const input = modelInputSchema.parse(toModelInput(values, 0));
    expect(input).toMatchObject({
      tierKey: "frontier", priority: 100, capabilities: [], maxOutputTokens: null, catalogueRef: null,
      pricing: { source: "list", inputPricePerMTok: null, outputPricePerMTok: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null },
    });
  });

  it("send a long-context tier only while it is switched on", () => {
    const values = { ...initialModelValues(null, "frontier", []), alias: "gemini", providerModelId: "gemini-2.5-pro", providerKey: "google", contextWindow: "1048576", longContextThreshold: "200000", longContextInputPrice: "2.5" };
    expect(modelInputSchema.parse(toModelInput(values, 0)).pricing).toMatchObject({ longContext: null });
    expect(modelInputSchema.parse(toModelInput({ ...values, longContextOn: true }, 0)).pricing).toMatchObject({ longContext: { thresholdTokens: 200_000, inputPricePerMTok: 2.5, outputPricePerMTok: null } });
  });

  it("fill from a catalogue entry: capabilities, limits and prices, the id only at that provider, an alias for a new model", () => {
    const blank = { ...initialModelValues(null, "frontier", []), providerKey: "anthropic", cachedInputPrice: "9" };
    const patch = applyCatalogueEntry(blank, opus, { providerCatalogue: "anthropic", creating: true });
    expect(patch).toMatchObject({
      catalogueRef: opus.ref, providerModelId: "claude-opus-4-1-20250805", alias: "claude-opus-4-1-20250805", capabilities: opus.capabilities, contextWindow: "200000", maxOutputTokens: "32000",
      inputPrice: "15", outputPrice: "75", cachedInputPrice: "1.5", cacheWritePrice: "18.75", longContextOn: false,
    });
    // A local server's own id is kept: the catalogue entry only describes the same weights.
    const local = { ...initialModelValues(model, "local", [profile]) };
    expect(applyCatalogueEntry(local, opus, { providerCatalogue: null, creating: false })).not.toHaveProperty("providerModelId");
    expect(applyCatalogueEntry(local, opus, { providerCatalogue: null, creating: false })).not.toHaveProperty("alias");
  });

  it("leave what the catalogue does not know as it is", () => {
    const values = { ...initialModelValues(model, "local", [profile]) };
    const pricesOnly: CatalogueEntry = { ...opus, capabilities: null, maxOutputTokens: null, sources: { capabilities: null, prices: "genai-prices" } };
    const patch = applyCatalogueEntry(values, pricesOnly, { providerCatalogue: null, creating: false });
    expect(patch).not.toHaveProperty("capabilities");
    expect(patch).not.toHaveProperty("maxOutputTokens");
  });

  it("suggest aliases people can type", () => {
    expect(aliasFrom("meta-llama/Llama-3.3-70B-Instruct-Turbo")).toBe("llama-3.3-70b-instruct-turbo");
    expect(aliasFrom("claude-opus-4@20250514")).toBe("claude-opus-4-20250514");
  });

  it("name the field of a bad value by the schema's path", () => {
    const values = { ...initialModelValues(model, "local", [profile]), tokensPerDay: "lots" };
    const result = modelInputSchema.safeParse(toModelInput(values, 7));
    expect(result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["pricing.profile.tokensPerDay", "The sustained tokens per day must be a number."]]);
  });

  it("send an embedding model's kind and dimensions, and no dimensions for a chat model", () => {
    const embedding = { ...initialModelValues({ ...model, kind: "embedding", embeddingDimensions: 768 }, "local", [profile]) };
    expect(embedding).toMatchObject({ kind: "embedding", embeddingDimensions: "768" });
    expect(toModelInput(embedding, 7)).toMatchObject({ kind: "embedding", embeddingDimensions: "768" });
    expect(toModelInput({ ...embedding, kind: "chat" }, 7)).toMatchObject({ kind: "chat", embeddingDimensions: "" });
  });
});
