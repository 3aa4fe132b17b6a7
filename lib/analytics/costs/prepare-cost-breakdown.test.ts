import { describe, expect, it } from "vitest";
import { prepareCostBreakdown } from "./prepare-cost-breakdown";
import { FEATURES, TIERS, group } from "./usage-fixtures";

describe("prepareCostBreakdown", () => {
  const groups = [
    group({ requests: 10, served: 10, costUsd: 1, baselineCostUsd: 10, inputTokens: 1000, outputTokens: 100 }),
    group({ modelAlias: "gemma-2-9b", requests: 5, served: 5, costUsd: 0.5, baselineCostUsd: 5 }),
    group({ tierKey: "frontier", modelAlias: "claude-sonnet", requests: 2, served: 2, costUsd: 4, baselineCostUsd: 4 }),
    group({ featureKey: "code-assist", team: "Platform", tierKey: "hosted-open", modelAlias: "kimi-k2-trial", requests: 3, served: 3, unpricedRequests: 3 }),
    group({ featureKey: "code-assist", team: "Platform", tierKey: "", modelAlias: "", requests: 4, refused: 4 }),
    group({ featureKey: "", team: "", tierKey: "local", requests: 1, served: 1, costUsd: 0.1, baselineCostUsd: 0.2 }),
  ];

  it("totals cost, baseline, savings and the priced share of served traffic", () => {
    const { totals } = prepareCostBreakdown(groups, FEATURES, TIERS);
    expect(totals).toMatchObject({ requests: 25, served: 21, unpricedRequests: 3, costUsd: 5.6, baselineCostUsd: 19.2 });
    expect(totals.savingsUsd).toBeCloseTo(13.6, 10);
    expect(totals.savingsShare).toBeCloseTo(13.6 / 19.2, 10);
    expect(totals.pricedShare).toBeCloseTo(18 / 21, 10);
  });

  it("answers “what did each feature cost, on which tiers”: models folded, dearest feature first, tiers cheapest first", () => {
    const { featureTiers } = prepareCostBreakdown(groups, FEATURES, TIERS);
    expect(featureTiers.map((row) => [row.featureName, row.tierName, row.requests, row.costUsd])).toEqual([
      ["Support summaries", "Local", 15, 1.5],
      ["Support summaries", "Frontier", 2, 4],
      ["No feature", "Local", 1, 0.1],
      ["Code assistant", "Hosted open", 3, 0],
      ["Code assistant", "Not served", 4, 0],
    ]);
  });

  it("ranks savings per feature by baseline and never prices unpriced traffic", () => {
    const { features } = prepareCostBreakdown(groups, FEATURES, TIERS);
    expect(features.map((row) => row.featureKey)).toEqual(["support-summaries", "", "code-assist"]);
    expect(features[2]).toMatchObject({ costUsd: 0, unpricedRequests: 3, pricedShare: 0, savingsShare: null });
  });

  it("is zero, with no shares, for no traffic", () => {
    expect(prepareCostBreakdown([], FEATURES, TIERS).totals).toMatchObject({ requests: 0, savingsShare: null, pricedShare: null });
  });
});
