import { describe, expect, it } from "vitest";
import { charClass, DIGIT_ZERO } from "./char-map";
import { normaliseForDetection } from "./normalise";

describe("normaliseForDetection", () => {
  it.each([
    ["full-width digits and letters", "ＡＢ４２", "AB42"],
    ["Arabic-Indic digits", "٤١١١", "4111"],
    ["Devanagari digits", "४१११", "4111"],
    ["mathematical bold digits", "\u{1D7D2}\u{1D7CF}", "41"],
    ["NBSP, thin, narrow no-break, ideographic spaces", "a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"],
    ["en, em, figure dashes, minus sign, non-breaking hyphen", "1\u20132\u20143\u20124\u22125\u20116", "1-2-3-4-5-6"],
    ["zero-width characters, soft hyphens, BOM, word joiner", "4\u200b1\u200c1\u200d1\u00ad1\ufeff1\u20601", "4111111"],
    ["ligatures", "ﬁle", "file"],
    ["composition of a letter and its mark", "Ü".normalize("NFD"), "Ü"],
    ["marks on digits", "4\u03321\u0332", "41"],
    ["line separators", "a\u2028b", "a\nb"],
    ["keycaps (a variation selector, then an enclosing mark)", "4\ufe0f\u20e31\ufe0f\u20e3", "41"],
    ["dingbat digits", "\u2779\u2776\u2783\u278a\u24f5\u24ff\u{1f10b}\u{1f10c}", "41411000"],
    ["marks after a letter stay", "a\u200b\u0301", "a\u0301"],
  ])("%s", (_, input, expected) => {
    expect(normaliseForDetection(input).text).toBe(expected);
  });

  it("leaves ASCII text as it is, with an identity map", () => {
    const normalised = normaliseForDetection("card 4111 1111");
    expect(normalised.text).toBe("card 4111 1111");
    expect(normalised.toOriginal([5, 14])).toEqual([5, 14]);
  });

  it("maps positions back to the original text", () => {
    const original = "id ４\u200b１\u00ad１１ end";
    const normalised = normaliseForDetection(original);
    expect(normalised.text).toBe("id 4111 end");
    const [start, end] = normalised.toOriginal([3, 7]);
    expect(original.slice(start, end)).toBe("４\u200b１\u00ad１１");
  });

  it("maps an expansion back to the whole original character", () => {
    const original = "a ﬁ b";
    const normalised = normaliseForDetection(original);
    expect(normalised.text).toBe("a fi b");
    expect(normalised.toOriginal([3, 4])).toEqual([2, 3]);
  });

  it("reads every Unicode decimal digit as its ASCII digit", () => {
    const digits = /\p{Nd}/u;
    let checked = 0;
    for (let codePoint = 0x80; codePoint <= 0x1ffff; codePoint++) {
      const char = String.fromCodePoint(codePoint);
      if (!digits.test(char)) continue;
      checked++;
      const value = charClass(codePoint) - DIGIT_ZERO;
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(9);
      // Digit sets are ten consecutive code points from 0: the value is the offset in its set.
      const zero = codePoint - value;
      expect(digits.test(String.fromCodePoint(zero))).toBe(true);
    }
    expect(checked).toBeGreaterThan(500);
  });
});
