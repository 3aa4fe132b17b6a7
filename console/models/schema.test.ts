import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms/field-errors";
import { modelLimitProblems } from "@/lib/config/model-limits";
import { modelInputSchema } from "./schema";

const base = {
  alias: "claude-sonnet", version: 3, providerModelId: "claude-sonnet-4-5", tierKey: "frontier", providerKey: "anthropic", licenceKey: "",
  enabled: true, priority: "10", contextWindow: "200000",
};
const list = (extra: Record<string, unknown> = {}) => ({ source: "list", inputPricePerMTok: "3", outputPricePerMTok: "15", ...extra });
const errorsOf = (input: unknown) => {
  const result = modelInputSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
};

describe("the model schema's new fields", () => {
  it("reads capabilities, max output, cache prices and a long-context tier as typed", () => {
    const parsed = modelInputSchema.parse({
      ...base, capabilities: ["reasoning", "tools", "tools"], maxOutputTokens: "64000", catalogueRef: " anthropic/claude-sonnet-4-5 ",
      pricing: list({ cachedInputPricePerMTok: "0.3", cacheWritePricePerMTok: "3.75", longContext: { thresholdTokens: "200000", inputPricePerMTok: "6", outputPricePerMTok: "22.5" } }),
    });
    expect(parsed).toMatchObject({
      capabilities: ["tools", "reasoning"], maxOutputTokens: 64_000, catalogueRef: "anthropic/claude-sonnet-4-5",
      pricing: { cachedInputPricePerMTok: 0.3, cacheWritePricePerMTok: 3.75, longContext: { thresholdTokens: 200_000, inputPricePerMTok: 6, outputPricePerMTok: 22.5 } },
    });
  });

  it("leaves fields a caller did not send undefined (the save keeps what is stored), blanks become null", () => {
    const omitted = modelInputSchema.parse({ ...base, pricing: list() });
    expect(omitted.capabilities).toBeUndefined();
    expect(omitted.maxOutputTokens).toBeUndefined();
    expect(omitted.pricing).not.toHaveProperty("longContext");
    const blank = modelInputSchema.parse({ ...base, maxOutputTokens: "", catalogueRef: "", pricing: list({ cachedInputPricePerMTok: "", longContext: null }) });
    expect(blank).toMatchObject({ maxOutputTokens: null, catalogueRef: null, pricing: { cachedInputPricePerMTok: null, longContext: null } });
  });

  it("accepts a cache price without an input price", () => {
    expect(errorsOf({ ...base, pricing: list({ inputPricePerMTok: "", cachedInputPricePerMTok: "0.1" }) })).toEqual({});
  });

  it("refuses a max output above the context window, next to the max output", () => {
    expect(errorsOf({ ...base, contextWindow: "8192", maxOutputTokens: "16384", pricing: list() })).toEqual({ maxOutputTokens: "The max output (16384 tokens) cannot exceed the context window (8192)." });
    expect(errorsOf({ ...base, maxOutputTokens: "0", pricing: list() })).toEqual({ maxOutputTokens: "The max output must be at least 1." });
  });

  it("needs a long-context tier to have a threshold above zero and at least one price", () => {
    expect(errorsOf({ ...base, pricing: list({ longContext: { thresholdTokens: "0", inputPricePerMTok: "6", outputPricePerMTok: "" } }) })).toEqual({
      "pricing.longContext.thresholdTokens": "The long-context threshold must be at least 1.",
    });
    expect(errorsOf({ ...base, pricing: list({ longContext: { thresholdTokens: "", inputPricePerMTok: "6", outputPricePerMTok: "" } }) })).toEqual({
      "pricing.longContext.thresholdTokens": "Enter the long-context threshold.",
    });
    expect(errorsOf({ ...base, pricing: list({ longContext: { thresholdTokens: "200000", inputPricePerMTok: "", outputPricePerMTok: "" } }) })).toEqual({
      "pricing.longContext.inputPricePerMTok": "A long-context tier needs an input price, an output price or both.",
    });
  });

  it("refuses a capability the engine does not know", () => {
    expect(errorsOf({ ...base, capabilities: ["telepathy"], pricing: list() })).toEqual({ "capabilities.0": "Unknown capability." });
  });
});

describe("modelLimitProblems", () => {
  it("finds nothing in a consistent model and names the field of each problem", () => {
    expect(modelLimitProblems({ contextWindow: 8192, maxOutputTokens: 8192, longContext: null })).toEqual([]);
    expect(modelLimitProblems({ contextWindow: 8192, maxOutputTokens: 9000, longContext: { thresholdTokens: 4000, inputPricePerMTok: null, outputPricePerMTok: null } }).map((problem) => problem.field)).toEqual([
      "maxOutputTokens",
      "longContext",
    ]);
  });

  it("reads an embedding model's kind and dimensions, and refuses a kind it does not know", () => {
    expect(modelInputSchema.parse({ ...base, kind: "embedding", embeddingDimensions: "768", pricing: list() })).toMatchObject({ kind: "embedding", embeddingDimensions: 768 });
    expect(modelInputSchema.parse({ ...base, pricing: list() }).kind).toBeUndefined();
    expect(errorsOf({ ...base, kind: "rerank", pricing: list() })).toMatchObject({ kind: "Choose chat or embedding." });
    expect(errorsOf({ ...base, kind: "embedding", embeddingDimensions: "0", pricing: list() })).toHaveProperty("embeddingDimensions");
  });
});
