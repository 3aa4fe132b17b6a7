import { describe, expect, it } from "vitest";
import { featureTierTable } from "./cost-tables";
import { tableToCsv } from "./report-table";
import { featureTierLines, negativeSavingsNote } from "./feature-tier-totals";
import { prepareCostBreakdown } from "./prepare-cost-breakdown";
import { FEATURES, TIERS, group } from "./usage-fixtures";

const groups = [
  group({ requests: 10, served: 10, costUsd: 1, baselineCostUsd: 10, inputTokens: 1000, outputTokens: 100 }),
  // Dearer than the baseline: an Opus-class model against a gpt-4o baseline.
  group({ tierKey: "frontier", modelAlias: "claude-opus", requests: 2, served: 2, costUsd: 6, baselineCostUsd: 4 }),
  group({ featureKey: "code-assist", team: "Platform", tierKey: "hosted-open", modelAlias: "kimi-k2", requests: 3, served: 3, costUsd: 0.3, baselineCostUsd: 3 }),
];

describe("featureTierLines", () => {
  const lines = featureTierLines(prepareCostBreakdown(groups, FEATURES, TIERS).featureTiers, "gpt-4o");

  it("follows each feature served on several tiers with its subtotal, and ends with the grand total", () => {
    expect(lines.map((line) => [line.kind, line.featureName, line.tierName, line.requests, line.costUsd, line.baselineCostUsd])).toEqual([
      ["tier", "Support summaries", "Local", 10, 1, 10],
      ["tier", "Support summaries", "Frontier", 2, 6, 4],
      ["subtotal", "Support summaries", "Subtotal", 12, 7, 14],
      ["tier", "Code assistant", "Hosted open", 3, 0.3, 3],
      ["total", "Total", "All tiers", 15, 7.3, 17],
    ]);
  });

  it("recomputes savings and their share on the summary rows instead of adding shares", () => {
    const total = lines.at(-1)!;
    expect(total.savingsUsd).toBeCloseTo(9.7, 10);
    expect(total.savingsShare).toBeCloseTo(9.7 / 17, 10);
    expect(lines[2]!.savingsShare).toBeCloseTo(7 / 14, 10);
  });

  it("says why a row saved less than nothing: its model is dearer than the baseline", () => {
    expect(lines.map((line) => line.savingsNote)).toEqual([null, "Dearer than the baseline model gpt-4o", null, null, null]);
    expect(negativeSavingsNote({ savingsUsd: -1 }, null)).toBe("Dearer than the baseline model");
    expect(negativeSavingsNote({ savingsUsd: 0 }, "gpt-4o")).toBeNull();
  });

  it("adds nothing to a single row (it is its own total) and nothing to an empty range", () => {
    const one = featureTierLines(prepareCostBreakdown(groups.slice(0, 1), FEATURES, TIERS).featureTiers, "gpt-4o");
    expect(one.map((line) => line.kind)).toEqual(["tier"]);
    expect(featureTierLines([], "gpt-4o")).toEqual([]);
  });

  it("shows the summary rows at the table's foot and keeps them out of the CSV, whose rows add up to the total", () => {
    const table = featureTierTable(prepareCostBreakdown(groups, FEATURES, TIERS), "gpt-4o");
    expect(table.rows.every((row) => row.kind === "tier")).toBe(true);
    expect(table.summary?.map((row) => row.kind)).toEqual(lines.filter((line) => line.kind !== "tier").map((line) => line.kind));
    const csv = tableToCsv(table).trim().split("\r\n");
    expect(csv).toHaveLength(1 + table.rows.length);
    expect(csv.some((line) => /,Subtotal,|^Total,/.test(line))).toBe(false);
    expect(table.rows.reduce((sum, row) => sum + row.requests, 0)).toBe(table.summary?.at(-1)?.requests);
  });
});
