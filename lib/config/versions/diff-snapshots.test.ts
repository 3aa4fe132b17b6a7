import { describe, expect, it } from "vitest";
import type { PolicySnapshot } from "@/lib/routing/types";
import { diffSnapshots } from "./diff-snapshots";

function snapshot(): PolicySnapshot {
  return {
    version: 1,
    tiers: [
      { key: "local", name: "Local", rank: 0 },
      { key: "hosted-open", name: "Hosted open-weight", rank: 1 },
      { key: "frontier", name: "Frontier", rank: 2 },
    ],
    providers: [{ key: "anthropic", name: "Anthropic", kind: "anthropic", baseUrl: null, apiKeyEnv: "ANTHROPIC_API_KEY", region: "us", enabled: true }],
    models: [
      { alias: "claude-sonnet", providerModelId: "claude-sonnet-4-5", providerKey: "anthropic", tierKey: "frontier", contextWindow: 200_000, inputPricePerMTok: 3, outputPricePerMTok: 15, licenceKey: null, enabled: true, priority: 10, capabilities: [], maxOutputTokens: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null },
      { alias: "mistral-7b", providerModelId: "mistral:7b", providerKey: "anthropic", tierKey: "local", contextWindow: 8192, inputPricePerMTok: 0.27, outputPricePerMTok: 0.27, licenceKey: null, enabled: true, priority: 30, capabilities: [], maxOutputTokens: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null },
    ],
    licences: [],
    dataClasses: [{ key: "restricted", rank: 3, allowedTierKeys: ["local"], allowedRegions: ["on-prem"] }],
    classificationRules: [],
    routingRules: [
      {
        key: "long-context-to-hosted", name: "Long prompts", position: 10, enabled: true,
        when: { featureKey: null, minEstimatedTokens: 6000, maxEstimatedTokens: null, keywords: [], difficulty: null },
        then: { minTierKey: "hosted-open", maxTierKey: null, pinModelAlias: null },
      },
    ],
    features: [],
    difficultyMinTier: { routine: "local", standard: "hosted-open", hard: "frontier" },
    baselineModelAlias: "claude-sonnet",
    unscannableDataClass: "confidential",
    maxLoggedDataClass: "confidential",
    maskedAnswerFindings: [],
  };
}

describe("diffSnapshots", () => {
  it("finds nothing between a snapshot and itself, whatever the version number", () => {
    expect(diffSnapshots(snapshot(), { ...snapshot(), version: 9 })).toEqual([]);
  });

  it("describes field changes in words, with both sides for a side-by-side view", () => {
    const after = snapshot();
    after.models[0] = { ...after.models[0]!, outputPricePerMTok: 12 };
    after.routingRules[0] = { ...after.routingRules[0]!, when: { ...after.routingRules[0]!.when, minEstimatedTokens: 7000 } };
    const changes = diffSnapshots(snapshot(), after);
    expect(changes.map((change) => change.text)).toEqual(["claude-sonnet: output price $15 → $12", "rule long-context-to-hosted: min tokens 6000 → 7000"]);
    expect(changes[0]).toMatchObject({ section: "Models", key: "claude-sonnet", kind: "changed", field: "output price", before: "$15", after: "$12" });
  });

  it("names added and removed models, tier moves, disabling and the difficulty map", () => {
    const after = snapshot();
    after.models = [
      { ...after.models[1]!, tierKey: "hosted-open", enabled: false },
      { ...after.models[1]!, alias: "qwen-3", tierKey: "hosted-open", inputPricePerMTok: null },
    ];
    after.difficultyMinTier = { ...after.difficultyMinTier, standard: "local" };
    after.baselineModelAlias = null;
    expect(diffSnapshots(snapshot(), after).map((change) => change.text)).toEqual([
      "model claude-sonnet removed",
      "mistral-7b: tier local → hosted-open",
      "mistral-7b: disabled",
      "model qwen-3 added (tier hosted-open, provider anthropic)",
      "baseline: model claude-sonnet → none",
      "difficulty standard: minimum tier hosted-open → local",
    ]);
  });

  it("reads lists and unknown prices plainly", () => {
    const after = snapshot();
    after.dataClasses[0] = { ...after.dataClasses[0]!, allowedTierKeys: ["local", "hosted-open"], allowedRegions: [] };
    after.models[1] = { ...after.models[1]!, inputPricePerMTok: null };
    expect(diffSnapshots(snapshot(), after).map((change) => change.text)).toEqual([
      "mistral-7b: input price $0.27 → no price",
      "data class restricted: allowed tiers local → local, hosted-open",
      "data class restricted: allowed regions on-prem → any",
    ]);
  });

  it("words capability switches, the new prices and the unscannable-content class", () => {
    const after = snapshot();
    after.models[1] = {
      ...after.models[1]!, capabilities: ["tools", "images"], maxOutputTokens: 4096, cachedInputPricePerMTok: 0.1,
      longContext: { thresholdTokens: 128_000, inputPricePerMTok: 0.5, outputPricePerMTok: null },
    };
    after.unscannableDataClass = "restricted";
    const before = snapshot();
    before.models[1] = { ...before.models[1]!, capabilities: ["images", "reasoning"] };
    expect(diffSnapshots(before, after).map((change) => change.text)).toEqual([
      "mistral-7b: tools on",
      "mistral-7b: reasoning off",
      "mistral-7b: max output tokens none → 4096",
      "mistral-7b: cached input price no price → $0.1",
      "mistral-7b: long-context threshold none → 128000",
      "mistral-7b: long-context input price no price → $0.5",
      "unscannable content: confidential → restricted",
    ]);
  });

  it("reads a snapshot published before capabilities existed as a model with none", () => {
    const old = snapshot() as unknown as { models: Array<Record<string, unknown>>; unscannableDataClass?: string };
    for (const model of old.models) for (const field of ["capabilities", "maxOutputTokens", "cachedInputPricePerMTok", "cacheWritePricePerMTok", "longContext"]) delete model[field];
    delete old.unscannableDataClass;
    const after = snapshot();
    after.models[0] = { ...after.models[0]!, capabilities: ["tools"] };
    expect(diffSnapshots(old as unknown as PolicySnapshot, after).map((change) => change.text)).toEqual(["claude-sonnet: tools on"]);
  });

  it("tolerates a snapshot from older code that lacks a section", () => {
    const old = { ...snapshot(), features: undefined } as unknown as PolicySnapshot;
    expect(diffSnapshots(old, snapshot())).toEqual([]);
  });
});
