// Building blocks for the corpus: fake secrets with the right shape, made at test time from a
// seed so no credential-looking literal sits in the repository (push protection scans for those),
// and Luhn-completed numbers for cases that must fail on something other than the check digit.

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const HEX = "0123456789abcdef";
export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const DIGITS = "0123456789";
export const BASE64 = `${ALNUM}+/`;
export const URL_SAFE = `${ALNUM}_-`;

/** `length` characters of `alphabet`, the same for the same seed (mulberry32). */
export function fake(alphabet: string, length: number, seed: number): string {
  let state = seed >>> 0;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out += alphabet[(((t ^ (t >>> 14)) >>> 0) % alphabet.length)];
  }
  return out;
}

/** Joins parts, so that a token's prefix and body are never one literal in the source. */
export const join = (...parts: string[]): string => parts.join("");

/** `prefix` plus the Luhn check digit that makes it valid. */
export function withLuhnDigit(prefix: string): string {
  for (let check = 0; check <= 9; check++) {
    const candidate = prefix + check;
    let sum = 0;
    for (let i = candidate.length - 1, doubled = false; i >= 0; i--, doubled = !doubled) {
      let digit = candidate.charCodeAt(i) - 48;
      if (doubled) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error("unreachable");
}

/** Rewrites ASCII digits in another script's decimal digits (zero = that script's 0). */
export function inScript(text: string, zero: number): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCodePoint(zero + Number(digit)));
}

/** Full-width forms (U+FF01…) of printable ASCII. */
export function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}
