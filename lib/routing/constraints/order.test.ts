import { describe, it, expect } from "vitest";
import { decide } from "../decide";
import { OLLAMA_LAB_PRICE, fixtureAnalysis, fixtureLive, fixtureSnapshot } from "../fixtures";
import type { ModelView } from "../model-view";
import { orderCandidates } from "./order";
import { tierOrder } from "../snapshot-index";
import type { ModelPolicy } from "../types";

function view(alias: string, tierPosition: number, priority: number): ModelView {
  const model: ModelPolicy = {
    alias,
    providerModelId: alias,
    providerKey: "p",
    tierKey: `t${tierPosition}`,
    contextWindow: 8_192,
    inputPricePerMTok: null,
    outputPricePerMTok: null,
    licenceKey: null,
    enabled: true,
    priority,
    capabilities: [],
    maxOutputTokens: null,
    cachedInputPricePerMTok: null,
    cacheWritePricePerMTok: null,
    longContext: null,
  };
  return { model, provider: undefined, tierPosition };
}

describe("tierOrder", () => {
  it("sorts by rank, then key, without touching the snapshot", () => {
    const snapshot = fixtureSnapshot();
    snapshot.tiers = [
      { key: "frontier", name: "Frontier", rank: 2 },
      { key: "local", name: "Local", rank: 0 },
      { key: "edge", name: "Edge", rank: 0 },
      { key: "hosted-open", name: "Hosted", rank: 1 },
    ];
    expect(tierOrder(snapshot).map((tier) => tier.key)).toEqual(["edge", "local", "hosted-open", "frontier"]);
    expect(snapshot.tiers[0]?.key).toBe("frontier");
  });
});

describe("candidate order", () => {
  it("tier first, then priority, then estimated cost, unknown prices last, alias last of all", () => {
    const ordered = orderCandidates([
      { view: view("frontier-cheap", 2, 1), estimatedCostUsd: 0.0001 },
      { view: view("unknown-price", 0, 1), estimatedCostUsd: null },
      { view: view("dear", 0, 1), estimatedCostUsd: 0.02 },
      { view: view("cheap", 0, 1), estimatedCostUsd: 0.01 },
      { view: view("preferred-but-dear", 0, 0), estimatedCostUsd: 0.5 },
      { view: view("b-twin", 1, 1), estimatedCostUsd: 0.01 },
      { view: view("a-twin", 1, 1), estimatedCostUsd: 0.01 },
    ]);
    expect(ordered.map((item) => item.view.model.alias)).toEqual([
      "preferred-but-dear",
      "cheap",
      "dear",
      "unknown-price",
      "a-twin",
      "b-twin",
      "frontier-cheap",
    ]);
  });

  it("carries each candidate's estimated cost for this request (local models at their hardware price)", () => {
    const decision = decide(
      fixtureAnalysis({ featureKey: "support-bot", estimatedPromptTokens: 2_000, requestedOutputTokens: 500 }),
      fixtureSnapshot(),
      fixtureLive(),
    );
    expect(decision.candidates.map((candidate) => candidate.alias)).toEqual([
      "llama-3.1-8b",
      "gemma-2-9b",
      "deepseek-v3",
      "llama-3.1-70b",
      "gpt-4o",
      "claude-sonnet",
    ]);
    const cost = Object.fromEntries(decision.candidates.map((candidate) => [candidate.alias, candidate.estimatedCostUsd]));
    expect(cost["llama-3.1-8b"]).toBeCloseTo((2_500 * OLLAMA_LAB_PRICE) / 1e6, 12);
    expect(cost["deepseek-v3"]).toBeCloseTo((2_000 * 0.27 + 500 * 1.1) / 1e6, 12);
    expect(cost["gpt-4o"]).toBeCloseTo((2_000 * 2.5 + 500 * 10) / 1e6, 12);
    expect(OLLAMA_LAB_PRICE).toBeGreaterThan(0);
  });

  it("within a tier, an unpriced model goes after a priced one of equal priority", () => {
    const snapshot = fixtureSnapshot();
    snapshot.models = snapshot.models.map((model) =>
      model.alias === "deepseek-v3" ? { ...model, priority: 2, inputPricePerMTok: null } : model,
    );
    const decision = decide(fixtureAnalysis(), snapshot, fixtureLive());
    expect(decision.candidates.slice(0, 2)).toEqual([
      expect.objectContaining({ alias: "llama-3.1-70b" }),
      expect.objectContaining({ alias: "deepseek-v3", estimatedCostUsd: null }),
    ]);
    expect(decision.trace).toContain(
      "Candidates, in order: llama-3.1-70b (hosted-open, est. $0.00133), deepseek-v3 (hosted-open, price unknown), gpt-4o (frontier, est. $0.00762), claude-sonnet (frontier, est. $0.0107).",
    );
  });
});
