import { describe, expect, it } from "vitest";
import { featureTierTable, spendTable } from "./costs/cost-tables";
import { tableToCsv } from "./costs/report-table";
import { formatCell } from "./format-report";
import { prepareCostBreakdown } from "./costs/prepare-cost-breakdown";
import { FEATURES, TIERS, group } from "./costs/usage-fixtures";
import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and line breaks, and doubles quotes", () => {
    expect(csvCell('Legal, "contracts"')).toBe('"Legal, ""contracts"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
  });

  it("defuses spreadsheet formulas and writes numbers plainly", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(1234567.891)).toBe("1234567.891");
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("ends every line with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe("a,b\r\n1,x\r\n");
  });

  it("exports a table's rows with units in the header and raw numbers", () => {
    const table = spendTable({
      series: [{ key: "tier:local", label: "Local", tierKey: "local" }],
      points: [{ period: "2026-11-01", label: "Nov 1", costUsd: 1.234567891, baselineCostUsd: 10, savingsUsd: 8.765432109, requests: 1200, unpricedRequests: 0, partial: false, "tier:local": 1.234567891 }],
      empty: false,
    });
    expect(tableToCsv(table)).toBe(
      "Period starting,Local (USD),Cost (USD),Baseline (USD),Savings (USD),Requests,Unpriced requests\r\n2026-11-01,1.23456789,1.23456789,10,8.76543211,1200,0\r\n",
    );
  });
});

describe("feature × tier export", () => {
  it("exports exact token columns and the feature key and team, where the screen shows compact ones", () => {
    const table = featureTierTable(prepareCostBreakdown([group({ requests: 3, served: 3, inputTokens: 3_576_000_123, outputTokens: 162_000, costUsd: 1.5, baselineCostUsd: 3 })], FEATURES, TIERS));
    expect(tableToCsv(table)).toBe(
      "Feature,Feature key,Team,Tier,Requests,Input tokens,Output tokens,Cost (USD),Baseline (USD),Savings (USD),Savings share (%),Unpriced requests\r\n" +
        "Support summaries,support-summaries,Support,Local,3,3576000123,162000,1.5,3,1.5,50,0\r\n",
    );
    const pair = table.columns.find((column) => column.screenOnly)!;
    expect(formatCell(pair.kind, pair.value(table.rows[0]!))).toBe("3.58B / 162k");
  });
});
