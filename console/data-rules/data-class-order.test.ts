import { describe, expect, it } from "vitest";
import { checkDataClassOrder, type DataClassAllowance } from "./data-class-order";

const seed: DataClassAllowance[] = [
  { key: "public", name: "Public", rank: 0, tierKeys: ["local", "hosted-open", "frontier"], allowedRegions: [] },
  { key: "internal", name: "Internal", rank: 1, tierKeys: ["local", "hosted-open", "frontier"], allowedRegions: [] },
  { key: "confidential", name: "Confidential", rank: 2, tierKeys: ["local", "hosted-open"], allowedRegions: ["on-prem", "us", "eu"] },
  { key: "restricted", name: "Restricted", rank: 3, tierKeys: ["local"], allowedRegions: ["on-prem"] },
];

const edit = (key: string, change: Partial<DataClassAllowance>) => seed.map((entry) => (entry.key === key ? { ...entry, ...change } : entry));

describe("checkDataClassOrder", () => {
  it("accepts the seed's classes, and any class that only tightens", () => {
    expect(checkDataClassOrder(seed, "restricted")).toBeNull();
    expect(checkDataClassOrder(edit("confidential", { tierKeys: ["local"] }), "confidential")).toBeNull();
    expect(checkDataClassOrder(edit("restricted", { tierKeys: [] }), "restricted")).toBeNull();
  });

  it("refuses a higher class a tier a lower class may not use, and says what to change", () => {
    const problem = checkDataClassOrder(edit("restricted", { tierKeys: ["local", "frontier"] }), "restricted");
    expect(problem?.field).toBe("tierKeys");
    expect(problem?.message).toContain("Restricted would be allowed frontier while the less sensitive Confidential is not");
    expect(problem?.message).toContain("Remove frontier from Restricted");
  });

  it("refuses taking a tier from a lower class that a higher class still uses", () => {
    const problem = checkDataClassOrder(edit("internal", { tierKeys: ["local", "frontier"] }), "internal");
    expect(problem?.message).toContain("Confidential would be allowed hosted-open while the less sensitive Internal is not");
    expect(problem?.message).toContain("first");
  });

  it("treats no regions as any region, and refuses a higher class wider regions", () => {
    expect(checkDataClassOrder(edit("restricted", { allowedRegions: [] }), "restricted")).toMatchObject({
      field: "allowedRegions",
      message: expect.stringContaining("Restricted would be allowed any region while the less sensitive Confidential is limited to on-prem, us and eu"),
    });
    expect(checkDataClassOrder(edit("restricted", { allowedRegions: ["on-prem", "cn"] }), "restricted")?.message).toContain("allowed cn");
    expect(checkDataClassOrder(edit("confidential", { allowedRegions: [] }), "confidential")).toBeNull();
    expect(checkDataClassOrder(edit("public", { allowedRegions: ["on-prem"] }), "public")?.message).toContain("Internal would be allowed any region while the less sensitive Public is limited to on-prem");
  });

  it("ignores pairs the edit does not touch (an old inconsistency does not block unrelated edits)", () => {
    const broken = edit("restricted", { tierKeys: ["local", "frontier"] });
    expect(checkDataClassOrder(broken, "public")).toBeNull();
  });
});
