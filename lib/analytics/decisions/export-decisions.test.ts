import { describe, expect, it } from "vitest";
import { EXPORT_COLUMNS, csvLine, exportRow } from "./export-decisions";
import type { DecisionRow } from "./list-decisions";

const row: DecisionRow = {
  id: "01a23bcf-598d-7b22-b21f-4a1c9a864447",
  createdAt: new Date("2026-12-03T12:09:34.349Z"),
  featureKey: "=cmd()",
  apiKeyPrefix: "sy_e2e",
  endpoint: "chat.completions",
  requestedModel: "auto, please",
  dataClass: "restricted",
  tierKey: null,
  modelAlias: null,
  simulated: false,
  status: "refused",
  httpStatus: 403,
  refusalConstraint: "data_class",
  errorCode: "data_class_forbidden",
  escalationReason: null,
  fallbackCount: 0,
  latencyMs: 12,
  ttftMs: null,
  costUsd: null,
  baselineCostUsd: null,
  findings: [{ type: "payment_card", count: 2 }, { type: "email", count: 1 }],
  dryRun: false,
  synthetic: true,
};

describe("decision export rows", () => {
  it("writes one CSV line per record in the header's order, findings as type:count, formulas defused", () => {
    const line = csvLine(exportRow(row));
    expect(line.endsWith("\r\n")).toBe(true);
    const cells = line.trimEnd().split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(cells).toHaveLength(EXPORT_COLUMNS.length);
    expect(cells[EXPORT_COLUMNS.indexOf("feature")]).toBe("'=cmd()");
    expect(cells[EXPORT_COLUMNS.indexOf("requestedModel")]).toBe('"auto, please"');
    expect(cells[EXPORT_COLUMNS.indexOf("findings")]).toBe("payment_card:2;email:1");
    expect(cells[EXPORT_COLUMNS.indexOf("costUsd")]).toBe("");
    expect(cells[EXPORT_COLUMNS.indexOf("createdAt")]).toBe("2026-12-03T12:09:34.349Z");
  });

  it("gives JSON the same fields, findings as types and counts only", () => {
    const json = exportRow(row);
    expect(Object.keys(json)).toEqual([...EXPORT_COLUMNS]);
    expect(json.findings).toEqual([{ type: "payment_card", count: 2 }, { type: "email", count: 1 }]);
  });
});
