import { describe, expect, it } from "vitest";
import type { DecisionRecordInput } from "./record";
import { recordJson, storableJson } from "./record-json";

const parsed = (value: unknown) => JSON.parse(storableJson(JSON.stringify(value))) as unknown;

describe("storableJson", () => {
  it("drops NULs and replaces unpaired surrogates, keeping whole pairs", () => {
    expect(parsed({ a: "x\u0000y", b: ["\ud83d alone", "\ude00 alone", "pair \ud83d\ude00"] })).toEqual({ a: "xy", b: ["\ufffd alone", "\ufffd alone", "pair \ud83d\ude00"] });
  });

  it("leaves escaped backslashes and other escapes as they are", () => {
    const text = { literal: "\\u0000 and \\ud800 typed out", control: "tab\tnew\nline\u0001", quote: '"\\' };
    expect(parsed(text)).toEqual(text);
  });

  it("returns text without escapes unchanged", () => {
    const json = JSON.stringify({ a: "plain", n: 1 });
    expect(storableJson(json)).toBe(json);
  });
});

describe("recordJson", () => {
  it("serialises a record once, dates as ISO strings", () => {
    const record = { id: "r1", createdAt: new Date("2026-12-04T10:00:00.000Z"), trace: ["\u0000"] } as unknown as DecisionRecordInput;
    const first = recordJson(record);
    expect(JSON.parse(first)).toEqual({ id: "r1", createdAt: "2026-12-04T10:00:00.000Z", trace: [""] });
    expect(recordJson(record)).toBe(first);
  });
});
