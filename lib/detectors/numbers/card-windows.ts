// Which windows of consecutive digit groups read as a payment card number, however the groups
// are sized: 12-19 digits, an issuer prefix (IIN) of a scheme that issues that length, and a
// valid Luhn digit — and none of the shapes that make such digits something else: a decimal
// fraction ("0.5134…", "51.50735090000001"), an amount with thousands separators, an E.164
// phone number, an OID or version ("1.2.840.113549.1.1.11"), a barcode after a product word.
//
// Found with a running Luhn sum over at most 19 digits from a group, so the cost is linear in
// the number of groups asked about.
import type { DetectionBudget } from "../budget";
import * as digitGroups from "../normalise/digit-groups";
import type { DigitGroups } from "../normalise/digit-groups";
import { readsAsOneNumber } from "./card-layout";
import * as schemes from "./card-schemes";
import { passesGs1 } from "./gs1";

// Local copies: module bindings are read through accessors in some bundles, too slow for the
// per-group loops below.
const { GAP_NONE, gapText, groupSize } = digitGroups;
const { cardSchemeFor, IIN_DIGITS } = schemes;

export const MIN_CARD_DIGITS = 12;
export const MAX_CARD_DIGITS = 19;
/** A window spans at most this many groups (19 one-digit groups). */
export const MAX_WINDOW_GROUPS = MAX_CARD_DIGITS;

// Words that say a 12-14 digit number is a product code (EAN-13, UPC-A, GTIN-14), not a card.
const BARCODE_CONTEXT = /\b(?:ean(?:-?1[34])?|upc(?:-?a)?|gtin(?:-?1[34])?|barcodes?|bar code|isbn|sku|product|item|article)\b/;
const CONTEXT_CHARS = 48;

/** "0.5134228187919463": a lone group right after "<1-3 digits>." is a decimal fraction. */
function isDecimalFraction(text: string, groups: DigitGroups, index: number): boolean {
  if (index === 0 || groups.gaps[index - 1] === GAP_NONE) return false;
  const start = groups.starts[index] ?? 0;
  return (groups.ends[index - 1] ?? 0) === start - 1 && text[start - 1] === "." && groupSize(groups, index - 1) <= 3;
}

/**
 * Groups first..last joined by single "." or "," that read as one number rather than a card:
 * "51.50735090000001" (1-3 integer digits, then a fraction), "4,234,567,890,123.45" (groups of
 * three after the first, an optional fraction), "1.2.840.113549.1.1.11" (an OID or version: three
 * or more dots after a single digit 0-2).
 */
function isPlainNumber(text: string, groups: DigitGroups, first: number, last: number): boolean {
  if (first === last) return false;
  const separator = gapText(text, groups, first);
  if (separator !== "." && separator !== ",") return false;
  for (let i = first; i < last; i++) {
    const gap = gapText(text, groups, i);
    if (gap !== "." && gap !== ",") return false;
  }
  if (groupSize(groups, first) > 3) return false;
  if (last === first + 1) return true;
  let thousands = true;
  for (let i = first + 1; i <= last; i++) {
    const fraction = i === last && gapText(text, groups, i - 1) !== separator;
    if (groupSize(groups, i) !== 3 && !fraction) thousands = false;
  }
  if (thousands) return true;
  const leading = text.charCodeAt(groups.starts[first] ?? 0);
  return separator === "." && last - first >= 3 && groupSize(groups, first) === 1 && leading <= 50;
}

function isBarcode(text: string, groups: DigitGroups, first: number, last: number, total: number): boolean {
  if (total < 12 || total > 14) return false;
  const start = groups.starts[first] ?? 0;
  const digits = text.slice(start, groups.ends[last]).replace(/\D+/g, "");
  if (!passesGs1(digits)) return false;
  return BARCODE_CONTEXT.test(text.slice(Math.max(0, start - CONTEXT_CHARS), start).toLowerCase());
}

/** Whether groups first..last, whose digits already pass IIN, length and Luhn, are something else. */
function isOtherNumber(text: string, groups: DigitGroups, first: number, last: number, total: number): boolean {
  const start = groups.starts[first] ?? 0;
  if (first === last && isDecimalFraction(text, groups, first)) return true;
  // "+49 151 …": a phone number in E.164 (at most 15 digits), not a card.
  if (text[start - 1] === "+" && total <= 15) return true;
  return isPlainNumber(text, groups, first, last) || isBarcode(text, groups, first, last, total);
}

const doubled = (digit: number) => (digit * 2 > 9 ? digit * 2 - 9 : digit * 2);

/**
 * The card windows of one text's digit groups, found from each group the first time a caller
 * asks: the printed-layout rules ask about a few windows per group and the covers only about
 * the groups they reach, so a million groups that are no card cost a million cheap looks.
 */
export class CardWindows {
  // Digits in groups 0..i-1, so a window's digit count is one subtraction.
  private readonly before: Int32Array;
  // ends[p] bit k: groups p..p+k read as one card number, written as one (card-layout.ts).
  private readonly ends: Int32Array;
  private readonly known: Uint8Array;

  constructor(
    private readonly text: string,
    private readonly groups: DigitGroups,
    private readonly budget?: DetectionBudget,
  ) {
    this.before = new Int32Array(groups.count + 1);
    for (let i = 0; i < groups.count; i++) this.before[i + 1] = (this.before[i] ?? 0) + groupSize(groups, i);
    this.ends = new Int32Array(groups.count);
    this.known = new Uint8Array(groups.count);
  }

  /** Whether groups first..last read as one card number. */
  has(first: number, last: number): boolean {
    const offset = last - first;
    if (offset < 0 || offset >= MAX_WINDOW_GROUPS || last >= this.groups.count) return false;
    const total = this.digits(first, last);
    if (total < MIN_CARD_DIGITS || total > MAX_CARD_DIGITS) return false;
    return (this.from(first) & (1 << offset)) !== 0;
  }

  /** How many digits groups first..last hold. */
  digits(first: number, last: number): number {
    return (this.before[last + 1] ?? 0) - (this.before[first] ?? 0);
  }

  /** The windows from `first` that end at or before group `last`: bit k is groups first..first+k. */
  upTo(first: number, last: number): number {
    if (first > last || this.digits(first, last) < MIN_CARD_DIGITS) return 0;
    const mask = this.from(first);
    return last - first >= 30 ? mask : mask & ((1 << (last - first + 1)) - 1);
  }

  private from(first: number): number {
    if (this.known[first] === 1) return this.ends[first] ?? 0;
    const mask = this.find(first);
    this.known[first] = 1;
    this.ends[first] = mask;
    return mask;
  }

  private find(first: number): number {
    const { text, groups, budget } = this;
    // Luhn sums of the digits so far: `plain` with the last digit as the check digit, `shifted`
    // with it doubled; appending a digit swaps their roles.
    let plain = 0;
    let shifted = 0;
    let total = 0;
    // The first IIN_DIGITS digits, as a number, and how many of them are in.
    let prefix = 0;
    let prefixDigits = 0;
    let mask = 0;
    for (let last = first; last < groups.count && last - first < MAX_WINDOW_GROUPS; last++) {
      if (last > first && groups.gaps[last - 1] === GAP_NONE) break;
      const from = groups.starts[last] ?? 0;
      const to = groups.ends[last] ?? 0;
      if (total + (to - from) > MAX_CARD_DIGITS) break;
      if (budget) budget.steps += to - from;
      for (let at = from; at < to; at++) {
        const digit = text.charCodeAt(at) - 48;
        const nextPlain = digit + shifted;
        shifted = doubled(digit) + plain;
        plain = nextPlain;
        if (prefixDigits < IIN_DIGITS) {
          prefix = prefix * 10 + digit;
          prefixDigits++;
        }
      }
      total += to - from;
      if (total < MIN_CARD_DIGITS || plain % 10 !== 0 || cardSchemeFor(prefix, total) === undefined) continue;
      if (!isOtherNumber(text, groups, first, last, total) && readsAsOneNumber(text, groups, first, last)) mask |= 1 << (last - first);
    }
    return mask;
  }
}
