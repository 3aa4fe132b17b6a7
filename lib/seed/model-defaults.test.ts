// The demo's promises about capabilities, checked on the values the seed will write.
import { describe, expect, it } from "vitest";
import { MODELS } from "./catalogue";
import { seededModelValues } from "./model-defaults";

const seeded = MODELS.map((model) => ({ model, values: seededModelValues(model) }));
const on = (tier: string, capability: string) => seeded.filter(({ model, values }) => model.tierKey === tier && values.capabilities.includes(capability as never)).map(({ model }) => model.alias);

describe("seeded models", () => {
  it("take their values from the catalogue where it has the model", () => {
    expect(seeded.find(({ model }) => model.alias === "claude-opus")?.values).toEqual({
      contextWindow: 200_000, maxOutputTokens: 32_000, capabilities: ["tools", "structured_output", "images", "reasoning"], inputPricePerMTok: 15, outputPricePerMTok: 75,
      cachedInputPricePerMTok: 1.5, cacheWritePricePerMTok: 18.75, longContext: null, catalogueRef: "anthropic/claude-opus-4-1",
    });
    expect(seeded.find(({ model }) => model.alias === "claude-sonnet")?.values).toMatchObject({ inputPricePerMTok: 3, outputPricePerMTok: 15, cachedInputPricePerMTok: 0.3, longContext: { thresholdTokens: 200_000 } });
    // The catalogues list no embedding models; those are typed by hand too.
    expect(seeded.filter(({ values }) => values.catalogueRef === null).map(({ model }) => model.alias)).toEqual(["qwen-2.5-72b", "nomic-embed-text", "text-embedding-3-small"]);
  });

  it("keep local models priced by hardware, with the local server's window", () => {
    for (const { values } of seeded.filter(({ model }) => model.local)) {
      expect(values).toMatchObject({ contextWindow: 8192, inputPricePerMTok: null, outputPricePerMTok: null, cachedInputPricePerMTok: null, longContext: null });
    }
  });

  it("give the demo what the gateway's capability checks need", () => {
    expect(on("local", "tools")).toContain("llama-3.1-8b");
    expect(on("hosted-open", "tools").length).toBeGreaterThan(0);
    expect(seeded.find(({ model }) => model.alias === "gemma-2-9b")?.values.capabilities).not.toContain("tools");
    // Confidential (where images are raised to) may use local and hosted-open.
    expect([...on("local", "images"), ...on("hosted-open", "images")]).toContain("qwen-2.5-vl-7b");
    for (const tier of ["local", "hosted-open", "frontier"]) expect(on(tier, "structured_output").length, tier).toBeGreaterThan(0);
  });

  it("never promise more output than the window holds", () => {
    for (const { model, values } of seeded) if (values.maxOutputTokens !== null) expect(values.maxOutputTokens, model.alias).toBeLessThanOrEqual(values.contextWindow);
  });
});
