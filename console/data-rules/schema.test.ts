import { describe, expect, it } from "vitest";
import { createRuleSchema, keywordList } from "./schema";

describe("classification rule forms", () => {
  it("reads keywords one per line", () => {
    expect(keywordList.parse("Project Nightjar\n\n  project   nightjar \nFalcon, Inc.")).toEqual(["Project Nightjar", "project nightjar", "Falcon, Inc."]);
    expect(keywordList.safeParse("\n").error?.issues[0]?.message).toBe("Enter at least one keyword or phrase, one per line.");
  });

  it("refuses a pattern RE2 cannot run with its reason, and accepts nested repeats (linear on RE2)", () => {
    const base = { key: "x-rule", name: "X rule", dataClassKey: "restricted", enabled: true, kind: "regex" };
    expect(createRuleSchema.safeParse({ ...base, pattern: "(\\w+\\s?)+$" }).success).toBe(true);
    const backreference = createRuleSchema.safeParse({ ...base, pattern: "(a)\\1" });
    expect(backreference.error?.issues[0]).toMatchObject({ path: ["pattern"], message: expect.stringContaining("Backreferences") });
    expect(createRuleSchema.safeParse({ ...base, pattern: "([a-z]" }).error?.issues[0]?.message).toMatch(/^The pattern is not a valid regular expression/);
    expect(createRuleSchema.safeParse({ ...base, pattern: "EMP-\\d{6}" }).success).toBe(true);
  });
});
