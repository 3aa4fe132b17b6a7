// What the normaliser does with each code point, computed once from Unicode properties the
// JavaScript engine ships (so it follows the engine's Unicode version, not a table we keep).

export const KEEP = 0; // unchanged, NFKC-stable, not a combining mark
export const REMOVE = 1; // format (Cf) and other default-ignorable characters: ZWSP, ZWJ, soft hyphen, BOM, ...
export const SPACE = 2; // any space separator (Zs): NBSP, thin, narrow no-break, ideographic, ...
export const NEWLINE = 3; // line and paragraph separators (U+2028, U+2029)
export const DASH = 4; // dash punctuation (Pd) and the minus sign
export const MARK = 5; // combining marks: they belong to the cluster before them
export const COMPAT = 6; // NFKC changes it (full-width forms, ligatures, circled digits, ...)
export const DIGIT_ZERO = 10; // DIGIT_ZERO + n: a decimal digit (Nd) of value n in any script

const IGNORABLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const SPACE_SEPARATOR = /^\p{Zs}$/u;
const DASH_LIKE = /^[\p{Pd}\u2212]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const COMBINING = /^\p{M}$/u;

// Dingbat digits (❶ ➀ ➊ ⓵, ⓿ 🄋 🄌): symbols, not decimal digits, and NFKC leaves them alone, but
// a card written in them reads as its digits. Each run is 1-9 (its tenth is "10"); the zeros
// stand alone.
const DINGBAT_ONE = [0x2776, 0x2780, 0x278a, 0x24f5];
const DINGBAT_ZERO = [0x24ff, 0x1f10b, 0x1f10c];

function dingbatDigit(codePoint: number): number {
  if (DINGBAT_ZERO.includes(codePoint)) return 0;
  for (const one of DINGBAT_ONE) if (codePoint >= one && codePoint < one + 9) return codePoint - one + 1;
  return -1;
}

function classify(codePoint: number, previousDigitValue: () => number): number {
  if (codePoint < 0x80) return KEEP;
  const dingbat = dingbatDigit(codePoint);
  if (dingbat >= 0) return DIGIT_ZERO + dingbat;
  const char = String.fromCodePoint(codePoint);
  if (IGNORABLE.test(char)) return REMOVE;
  if (SPACE_SEPARATOR.test(char)) return SPACE;
  if (codePoint === 0x2028 || codePoint === 0x2029) return NEWLINE;
  if (DASH_LIKE.test(char)) return DASH;
  // Unicode encodes every decimal digit set as ten consecutive code points, 0 to 9, so a digit's
  // value is one more than the digit before it (or 0 where a set starts).
  if (DECIMAL_DIGIT.test(char)) return DIGIT_ZERO + previousDigitValue();
  if (COMBINING.test(char)) return MARK;
  if (char.normalize("NFKC") !== char) return COMPAT;
  return KEEP;
}

const UNKNOWN = 0xff;
// Filled on first sight of each code point: most prompts use a few hundred distinct ones.
const bmp = new Uint8Array(0x10000).fill(UNKNOWN, 0x80);

function digitValueAfter(previousClass: number): number {
  return previousClass >= DIGIT_ZERO && previousClass < DIGIT_ZERO + 9 ? previousClass - DIGIT_ZERO + 1 : 0;
}

const astral = new Map<number, number>();

/** The normaliser's class of a code point (see the constants above). */
export function charClass(codePoint: number): number {
  if (codePoint < 0x80) return KEEP;
  if (codePoint < 0x10000) {
    const known = bmp[codePoint] ?? KEEP;
    if (known !== UNKNOWN) return known;
    // Lone surrogates stay as they are.
    const computed = codePoint >= 0xd800 && codePoint <= 0xdfff ? KEEP : classify(codePoint, () => digitValueAfter(charClass(codePoint - 1)));
    bmp[codePoint] = computed;
    return computed;
  }
  let known = astral.get(codePoint);
  if (known === undefined) {
    known = classify(codePoint, () => digitValueAfter(codePoint > 0x10000 ? charClass(codePoint - 1) : KEEP));
    if (astral.size < 4096) astral.set(codePoint, known);
  }
  return known;
}
