import { describe, expect, it } from "vitest";
import type { DataClassKey, Finding } from "@/lib/routing/types";
import { classify } from "./classify";

function finding(type: string, dataClass: DataClassKey): Finding {
  return { type, count: 1, positions: [[0, 1]], dataClass };
}

describe("classify", () => {
  it.each<[string, Finding[], DataClassKey | null, DataClassKey, DataClassKey, string[]]>([
    ["nothing found: the floor", [], null, "internal", "internal", ["floor"]],
    ["a finding raises above the floor", [finding("email", "confidential")], null, "internal", "confidential", ["email"]],
    [
      "the highest finding wins",
      [finding("email", "confidential"), finding("payment_card", "restricted"), finding("secret", "restricted")],
      null,
      "public",
      "restricted",
      ["payment_card", "secret"],
    ],
    ["the caller can raise", [], "restricted", "internal", "restricted", ["declared"]],
    ["the caller cannot lower below a finding", [finding("iban", "restricted")], "public", "internal", "restricted", ["iban"]],
    ["the caller cannot lower below the floor", [], "public", "confidential", "confidential", ["floor"]],
    ["ties are all listed", [finding("email", "confidential")], "confidential", "confidential", "confidential", ["floor", "declared", "email"]],
  ])("%s", (_, findings, declared, floor, dataClass, raisedBy) => {
    expect(classify(findings, declared, floor)).toEqual({ dataClass, raisedBy });
  });

  it("ignores findings with a zero count", () => {
    expect(classify([{ type: "email", count: 0, positions: [], dataClass: "restricted" }], null, "public")).toEqual({
      dataClass: "public",
      raisedBy: ["floor"],
    });
  });
});
