import { describe, expect, it } from "vitest";
import { classifySample, highlightSegments, positionWords, type WorkingRule } from "./sample-classification";

const rules: WorkingRule[] = [
  { key: "detector-email", name: "Email addresses", kind: "detector", detector: "email", pattern: null, keywords: [], dataClassKey: "confidential", enabled: true },
  { key: "detector-payment-card", name: "Cards", kind: "detector", detector: "payment_card", pattern: null, keywords: [], dataClassKey: "restricted", enabled: true },
  { key: "project-nightjar", name: "Project Nightjar", kind: "keywords", detector: null, pattern: null, keywords: ["Project Nightjar"], dataClassKey: "restricted", enabled: true },
  { key: "old-ids", name: "Old IDs", kind: "regex", detector: null, pattern: "ID-\\d+", keywords: [], dataClassKey: "internal", enabled: false },
  // A backreference: RE2 (the linear-time engine rules run on) cannot compile it, so it is skipped.
  { key: "bad", name: "Bad", kind: "regex", detector: null, pattern: "(a)\\1", keywords: [], dataClassKey: "restricted", enabled: true },
];

describe("classifySample", () => {
  it("finds what the gateway would find and names the resulting class", () => {
    const result = classifySample("Mail ada@example.com about project nightjar, ID-42", rules);
    expect(result.findings.map(({ type, count, label }) => ({ type, count, label }))).toEqual([
      { type: "email", count: 1, label: "Email addresses" },
      { type: "rule:project-nightjar", count: 1, label: "Project Nightjar" },
    ]);
    expect(result.dataClass).toBe("restricted");
    expect(result.raisedBy).toEqual(["rule:project-nightjar"]);
  });

  it("says public when nothing is found, and lists rules the gateway would skip", () => {
    const result = classifySample("Nothing to see", rules);
    expect(result.findings).toEqual([]);
    expect(result.dataClass).toBe("public");
    expect(result.skipped.map((rule) => rule.key)).toEqual(["bad"]);
  });
});

describe("highlightSegments", () => {
  it("marks the found spans, merging overlaps, and keeps every character", () => {
    const text = "abc DEF ghi JKL";
    const segments = highlightSegments(text, [{ positions: [[4, 7]] }, { positions: [[6, 8], [12, 15]] }]);
    expect(segments).toEqual([
      { text: "abc ", marked: false },
      { text: "DEF ", marked: true },
      { text: "ghi ", marked: false },
      { text: "JKL", marked: true },
    ]);
    expect(segments.map((segment) => segment.text).join("")).toBe(text);
  });

  it("handles empty text and out-of-range spans", () => {
    expect(highlightSegments("", [])).toEqual([{ text: "", marked: false }]);
    expect(highlightSegments("abc", [{ positions: [[1, 99]] }])).toEqual([
      { text: "a", marked: false },
      { text: "bc", marked: true },
    ]);
  });
});

describe("positionWords", () => {
  it("counts from 1 and shortens long lists", () => {
    expect(positionWords([[0, 5], [10, 12]])).toBe("1–5, 11–12");
    expect(positionWords([[0, 1], [2, 3], [4, 5]], 2)).toBe("1–1, 3–3 and 1 more");
  });
});
