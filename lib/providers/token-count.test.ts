import { countTokens } from "gpt-tokenizer";
import { describe, expect, it } from "vitest";
import { countTextTokens, LONGEST_RUN, tokenizerPieces, truncateToTokens } from "./token-count";

const exact = (text: string) => countTokens(text, { disallowedSpecial: new Set() });

describe("token counts of hostile text (found by fuzzing: one long run blocked the event loop)", () => {
  it.each([
    ["100,000 latin letters", "hello" + "a".repeat(100_000)],
    ["30,000 CJK characters", "中".repeat(30_000)],
    ["30,000 spaces", " ".repeat(30_000)],
    ["30,000 punctuation marks", "!".repeat(30_000)],
    ["15,000 emoji", "😀".repeat(15_000)],
  ])("%s: counted in well under a second, close to the exact count", (_what, text) => {
    const started = performance.now();
    const counted = countTextTokens(text);
    expect(performance.now() - started).toBeLessThan(1_000);
    const slices = Math.ceil(text.length / LONGEST_RUN);
    // The exact count of the same text is too slow to take here; each slice is exact, give or take a token at its edges.
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(Buffer.byteLength(text) + slices);
  });

  it("counts ordinary text exactly, as before", () => {
    const text = "The quick brown fox jumps over the lazy dog. ".repeat(200) + "https://example.com/" + "x".repeat(LONGEST_RUN - 20);
    expect(countTextTokens(text)).toBe(exact(text));
  });

  it("a long run in slices is at most one token per slice off the exact count", () => {
    const text = `before ${"ab".repeat(400)} after`;
    const slices = Math.ceil(800 / LONGEST_RUN);
    expect(Math.abs(countTextTokens(text) - exact(text))).toBeLessThanOrEqual(slices);
  });

  it("the pieces are the text, in order, with no surrogate pair split", () => {
    const text = `a ${"😀".repeat(300)} b${" ".repeat(500)}c${"x".repeat(129)}`;
    const pieces = [...tokenizerPieces(text)];
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) {
      expect(/^[\udc00-\udfff]/.test(piece)).toBe(false);
      expect(/[\ud800-\udbff]$/.test(piece)).toBe(false);
    }
  });

  it("truncates a long run quickly, to a prefix that fits", () => {
    const started = performance.now();
    const { text, truncated } = truncateToTokens("中".repeat(50_000), 100);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(truncated).toBe(true);
    expect("中".repeat(50_000).startsWith(text)).toBe(true);
    expect(countTextTokens(text)).toBeLessThanOrEqual(100);
  });
});
