import { describe, expect, it } from "vitest";
import { prepareCostSummary, type CostGroup } from "./prepare-cost-summary";

const group = (overrides: Partial<CostGroup>): CostGroup => ({
  featureKey: "support-summaries",
  tierKey: "local",
  modelAlias: "llama-3.1-8b",
  synthetic: false,
  requests: 1,
  unpricedRequests: 0,
  costUsd: 0,
  baselineCostUsd: 0,
  ...overrides,
});

describe("prepareCostSummary", () => {
  it("sums savings against the baseline and folds models into feature × tier rows", () => {
    const summary = prepareCostSummary(
      [
        group({ requests: 10, costUsd: 1, baselineCostUsd: 10 }),
        group({ modelAlias: "gemma-2-9b", requests: 5, costUsd: 0.5, baselineCostUsd: 5 }),
        group({ tierKey: "frontier", modelAlias: "claude-sonnet", requests: 2, costUsd: 4, baselineCostUsd: 4, synthetic: true }),
      ],
      new Set(["gemma-2-9b"]),
    );
    expect(summary.totals).toMatchObject({ requests: 17, costUsd: 5.5, baselineCostUsd: 19, savingsUsd: 13.5 });
    expect(summary.totals.savingsShare).toBeCloseTo(13.5 / 19);
    expect(summary.synthetic).toEqual({ requests: 2, costUsd: 4 });
    expect(summary.rows.map((row) => [row.tierKey, row.requests, row.simulated])).toEqual([
      ["frontier", 2, false],
      ["local", 15, true],
    ]);
  });

  it("counts unpriced requests and has no savings share without a baseline", () => {
    const summary = prepareCostSummary([group({ requests: 3, unpricedRequests: 3 })], new Set());
    expect(summary.totals).toMatchObject({ requests: 3, unpricedRequests: 3, costUsd: 0, savingsShare: null });
  });

  it("is empty for no traffic", () => {
    expect(prepareCostSummary([], new Set()).totals.requests).toBe(0);
  });
});
