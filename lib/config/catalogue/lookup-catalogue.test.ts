import { describe, expect, it } from "vitest";
import type { ModelInfo } from "@pydantic/genai-prices";
import { describeSources, suggestedTierKeys } from "./catalogue-entry";
import { currentPrice, genaiPricesOf } from "./genai-prices";
import { catalogueDefaults, catalogueProviderFor, findCatalogueEntry, searchCatalogue } from "./lookup-catalogue";
import { modelsDevCapabilities, modelsDevLimits, modelsDevPrices, type ModelsDevModel } from "./models-dev";

const NOW = new Date("2026-12-01T12:00:00Z");

describe("catalogue defaults for a provider model id", () => {
  it("merges models.dev's capabilities and limits with genai-prices' prices, finding the dated release", () => {
    expect(catalogueDefaults("anthropic", "claude-opus-4-1", NOW)).toEqual({
      ref: "anthropic/claude-opus-4-1-20250805", provider: "anthropic", providerName: "Anthropic", modelId: "claude-opus-4-1-20250805", name: "Claude Opus 4.1",
      capabilities: ["tools", "structured_output", "images", "reasoning"], contextWindow: 200_000, maxOutputTokens: 32_000,
      inputPricePerMTok: 15, outputPricePerMTok: 75, cachedInputPricePerMTok: 1.5, cacheWritePricePerMTok: 18.75, longContext: null,
      openWeights: false, sources: { capabilities: "models.dev", prices: "genai-prices" },
    });
  });

  it("carries a long-context price tier, and says so when only prices are known", () => {
    const sonnet = catalogueDefaults("anthropic", "claude-sonnet-4-5", NOW);
    expect(sonnet).toMatchObject({ capabilities: null, contextWindow: 200_000, inputPricePerMTok: 3, cachedInputPricePerMTok: 0.3, cacheWritePricePerMTok: 3.75, longContext: { thresholdTokens: 200_000, inputPricePerMTok: 6, outputPricePerMTok: 22.5 } });
    expect(describeSources(sonnet!)).toBe("genai-prices (prices)");
    expect(catalogueDefaults("google", "gemini-2.5-pro", NOW)?.longContext).toEqual({ thresholdTokens: 200_000, inputPricePerMTok: 2.5, outputPricePerMTok: 15 });
  });

  it("suggests the full price, not an off-peak discount that holds only part of the day", () => {
    expect(catalogueDefaults("deepseek", "deepseek-chat", NOW)).toMatchObject({ inputPricePerMTok: 0.27, outputPricePerMTok: 1.1, cachedInputPricePerMTok: 0.07, contextWindow: 128_000, maxOutputTokens: 8192 });
  });

  it("reads open-weight models with the same weights at any host, and knows nothing of an unknown id", () => {
    expect(catalogueDefaults("groq", "llama-3.1-8b-instant", NOW)).toMatchObject({ capabilities: ["tools", "structured_output"], openWeights: true, contextWindow: 131_072, maxOutputTokens: 8192 });
    expect(catalogueDefaults("openai", "gpt-does-not-exist", NOW)).toBeNull();
    expect(catalogueDefaults("no-such-provider", "gpt-5", NOW)).toBeNull();
  });

  it("opens a stored reference whose model id has slashes in it", () => {
    expect(findCatalogueEntry("togetherai/meta-llama/Llama-3.3-70B-Instruct-Turbo", NOW)).toMatchObject({ provider: "togetherai", modelId: "meta-llama/Llama-3.3-70B-Instruct-Turbo", inputPricePerMTok: 0.88 });
    expect(findCatalogueEntry("not-a-ref")).toBeNull();
    expect(findCatalogueEntry("openai/")).toBeNull();
  });
});

describe("catalogueProviderFor", () => {
  it("knows vendors by kind and hosted APIs by base URL, never a simulator or a local server", () => {
    expect(catalogueProviderFor({ kind: "openai", baseUrl: null })).toBe("openai");
    expect(catalogueProviderFor({ kind: "anthropic", baseUrl: "https://api.anthropic.com/v1" })).toBe("anthropic");
    expect(catalogueProviderFor({ kind: "openai-compatible", baseUrl: "https://api.together.xyz/v1" })).toBe("togetherai");
    expect(catalogueProviderFor({ kind: "openai-compatible", baseUrl: "https://api.groq.com/openai/v1" })).toBe("groq");
    expect(catalogueProviderFor({ kind: "openai-compatible", baseUrl: "https://openrouter.ai/api/v1" })).toBe("openrouter");
    expect(catalogueProviderFor({ kind: "openai-compatible", baseUrl: "http://localhost:11434/v1" })).toBeNull();
    expect(catalogueProviderFor({ kind: "openai-compatible", baseUrl: "http://127.0.0.1:1234/v1" })).toBeNull();
    expect(catalogueProviderFor({ kind: "simulator", baseUrl: null })).toBeNull();
  });
});

describe("searchCatalogue", () => {
  it("ignores punctuation, so an Ollama tag finds the hosted entries of the same weights", () => {
    expect(searchCatalogue("llama3.1 8b", { limit: 3 })[0]?.ref).toBe("groq/llama-3.1-8b-instant");
    expect(searchCatalogue("gemma2:9b", { limit: 1 })[0]?.ref).toBe("groq/gemma2-9b-it");
  });

  it("puts the exact id and the preferred provider first, and returns nothing for an empty query", () => {
    expect(searchCatalogue("gpt-5", { limit: 1 })[0]?.ref).toBe("openai/gpt-5");
    expect(searchCatalogue("gpt-5", { preferProvider: "azure", limit: 1 })[0]?.ref).toBe("azure/gpt-5");
    expect(searchCatalogue("   ")).toEqual([]);
    expect(searchCatalogue("llama", { limit: 5 })).toHaveLength(5);
  });
});

describe("the catalogue's rules", () => {
  const model = (over: Partial<ModelsDevModel>): ModelsDevModel => ({
    id: "m", name: "M", tool_call: false, reasoning: false, attachment: false, modalities: { input: ["text"], output: ["text"] }, open_weights: true, limit: { context: 8192, output: 4096 }, ...over,
  });

  it("infers structured output from tool calling and images from the input modalities", () => {
    expect(modelsDevCapabilities(model({ tool_call: true, attachment: true }))).toEqual(["tools", "structured_output"]);
    expect(modelsDevCapabilities(model({ modalities: { input: ["text", "image"], output: ["text"] }, reasoning: true }))).toEqual(["images", "reasoning"]);
  });

  it("leaves a 0/0 price unknown and caps the output limit at the context window", () => {
    expect(modelsDevPrices(model({ cost: { input: 0, output: 0 } }))).toBeNull();
    expect(modelsDevPrices(model({ cost: { input: 0.2, output: 0.4, cache_read: 0.05 } }))).toEqual({ inputPricePerMTok: 0.2, outputPricePerMTok: 0.4, cachedInputPricePerMTok: 0.05, cacheWritePricePerMTok: null });
    expect(modelsDevLimits(model({ limit: { context: 8000, output: 16_000 } }))).toEqual({ contextWindow: 8000, maxOutputTokens: 8000 });
  });

  it("takes the newest started price change, and the full price among time-of-day alternatives", () => {
    const dated: ModelInfo["prices"] = [
      { prices: { input_mtok: 1, output_mtok: 2 } },
      { constraint: { type: "start_date", start_date: "2026-06-01" }, prices: { input_mtok: 0.5, output_mtok: 1 } },
      { constraint: { type: "start_date", start_date: "2027-06-01" }, prices: { input_mtok: 0.1, output_mtok: 0.2 } },
    ];
    expect(currentPrice(dated, NOW)).toEqual({ input_mtok: 0.5, output_mtok: 1 });
    const offPeak: ModelInfo["prices"] = [{ prices: { input_mtok: 0.135 } }, { constraint: { type: "time_of_date", start_time: "00:30:00Z", end_time: "16:30:00Z" }, prices: { input_mtok: 0.27 } }];
    expect(currentPrice(offPeak, NOW)).toEqual({ input_mtok: 0.27 });
  });

  it("turns a tiered price into the long-context tier", () => {
    const info = { id: "x", match: { equals: "x" }, prices: { input_mtok: { base: 1, tiers: [{ start: 128_000, price: 2 }] }, output_mtok: 4 } } as unknown as ModelInfo;
    expect(genaiPricesOf(info, NOW)).toMatchObject({ inputPricePerMTok: 1, outputPricePerMTok: 4, longContext: { thresholdTokens: 128_000, inputPricePerMTok: 2, outputPricePerMTok: null } });
  });

  it("suggests a tier from the weights", () => {
    expect(suggestedTierKeys({ openWeights: true })).toEqual(["local", "hosted-open"]);
    expect(suggestedTierKeys({ openWeights: false })).toEqual(["frontier"]);
    expect(suggestedTierKeys({ openWeights: null })).toEqual([]);
  });
});
