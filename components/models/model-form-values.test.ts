import { describe, expect, it } from "vitest";
import type { CatalogueModel, HardwareProfileView } from "@/lib/config/load-model-catalogue";
import { modelInputSchema } from "@/lib/config/model-schema";
import { initialModelValues, toModelInput } from "./model-form-values";

const profile: HardwareProfileView = { id: "hw1", name: "24 GB card", version: 3, purchasePriceUsd: 1600, amortisationMonths: 36, watts: 450, usdPerKwh: 0.15, tokensPerDay: 3_000_000, usedBy: ["llama"] };

const model: CatalogueModel = {
  alias: "llama", version: 7, providerModelId: "llama3.1:8b", provider: { key: "ollama", name: "Ollama", kind: "openai_compatible", region: "on-prem" }, contextWindow: 8192,
  listInputPricePerMTok: null, listOutputPricePerMTok: null, inputPricePerMTok: 1.03, outputPricePerMTok: 1.03, priceSource: "hardware", hardwareProfileId: "hw1",
  hardwareProfileName: "24 GB card", licence: null, enabled: true, priority: 10, isBaseline: false,
};

describe("the model form's values", () => {
  it("open a hardware-priced model on its profile and send what the schema reads", () => {
    const values = initialModelValues(model, "local", [profile]);
    expect(values).toMatchObject({ pricingSource: "hardware", profileId: "hw1", profileVersion: 3, watts: "450", licenceKey: "" });
    const input = modelInputSchema.parse(toModelInput({ ...values, watts: "400" }, model.version));
    expect(input).toMatchObject({ version: 7, licenceKey: null, contextWindow: 8192, pricing: { source: "hardware", profile: { id: "hw1", version: 3, watts: 400 } } });
  });

  it("start a new model in its tier with unknown prices that stay unknown", () => {
    const values = { ...initialModelValues(null, "frontier", [profile]), alias: "gpt-6", providerModelId: "gpt-6", providerKey: "openai", contextWindow: "400000" };
    const input = modelInputSchema.parse(toModelInput(values, 0));
    expect(input).toMatchObject({ tierKey: "frontier", priority: 100, pricing: { source: "list", inputPricePerMTok: null, outputPricePerMTok: null } });
  });

  it("name the field of a bad value by the schema's path", () => {
    const values = { ...initialModelValues(model, "local", [profile]), tokensPerDay: "lots" };
    const result = modelInputSchema.safeParse(toModelInput(values, 7));
    expect(result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["pricing.profile.tokensPerDay", "The sustained tokens per day must be a number."]]);
  });
});
