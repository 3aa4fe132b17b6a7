import { describe, expect, it } from "vitest";
import { jurisdictionList, keyField, optionalUsd, optionalUrl, optionalWholeNumber, regionList, suggestKey, versionField, versionOrNewField } from "./fields";

describe("form fields", () => {
  it("suggests keys from names", () => {
    expect(suggestKey("Project Nightjar!")).toBe("project-nightjar");
    expect(suggestKey("  Über  Secret -- IDs ")).toBe("uber-secret-ids");
    expect(keyField.safeParse(suggestKey("Ça va")).success).toBe(true);
  });

  it("reads numbers typed into text boxes, blank meaning none", () => {
    const users = optionalWholeNumber(0, 1_000_000, "Users");
    expect(users.parse("")).toBeNull();
    expect(users.parse(" 1,200 ")).toBe(1200);
    expect(users.safeParse("12.5").error?.issues[0]?.message).toBe("Users must be a whole number.");
    expect(users.safeParse("lots").error?.issues[0]?.message).toBe("Users must be a whole number.");
    const budget = optionalUsd("The budget");
    expect(budget.parse("$1,250.50")).toBe(1250.5);
    expect(budget.parse(null)).toBeNull();
    expect(budget.safeParse("-1").error?.issues[0]?.message).toBe("The budget cannot be negative.");
  });

  it("normalises code and region lists", () => {
    expect(jurisdictionList.parse("us, eu;\nus-ca")).toEqual(["US", "EU", "US-CA"]);
    expect(jurisdictionList.safeParse("United States").success).toBe(false);
    expect(regionList.parse("On-Prem, us  eu")).toEqual(["on-prem", "us", "eu"]);
    expect(regionList.parse("")).toEqual([]);
  });

  it("accepts only full http(s) addresses", () => {
    expect(optionalUrl.parse("")).toBeNull();
    expect(optionalUrl.parse(" https://llama.meta.com/licence ")).toBe("https://llama.meta.com/licence");
    expect(optionalUrl.safeParse("javascript:alert(1)").success).toBe(false);
  });
});

describe("version fields", () => {
  it("take a stored row's version (1 or more), and 0 only where the form may create the row", () => {
    expect(versionField.safeParse(1).success).toBe(true);
    expect(versionField.safeParse(0).success).toBe(false);
    expect(versionOrNewField.safeParse(0).success).toBe(true);
    expect(versionOrNewField.safeParse(-1).success).toBe(false);
    expect(versionOrNewField.safeParse(1.5).success).toBe(false);
  });
});
