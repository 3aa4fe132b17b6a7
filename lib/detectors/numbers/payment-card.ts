// Payment card numbers (PANs): 12-19 digits with a scheme's issuer prefix, a length that scheme
// issues and a valid Luhn check digit, however they are written: compact, in groups split by
// any separator ("4111.1111.1111.1111", "4111 / 1111", tabs, line breaks, double spaces, and
// after normalisation Unicode dashes, NBSPs and zero-width characters), glued to letters
// ("card_4111…"), or followed by an expiry or CVV ("4111 1111 1111 1111 12/29").
//
// A card is read from whole digit groups (digit-groups.ts). Tables of numbers are full of
// Luhn-valid windows, so a window of several groups must look like a card layout: groups of one
// size with a shorter or equal last group (4-4-4-4, 4-4-4-4-3, 4-4-4, digit by digit), or
// Amex/Diners' 4-6-5 and 4-6-4; and a run of equal groups is read from its first group or up
// to its last, not from the middle of a table.
import type { DetectionBudget } from "../budget";
import { cardSchemeOf } from "./card-schemes";
import { findDigitGroups, type DigitGroups } from "../normalise/digit-groups";
import { passesGs1 } from "./gs1";
import { passesLuhn } from "./luhn";
import { mergeSpans, type Span } from "../span";

const MIN_DIGITS = 12;
const MAX_DIGITS = 19;
// Words that say a 12-14 digit number is a product code (EAN-13, UPC-A, GTIN-14), not a card.
const BARCODE_CONTEXT = /\b(?:ean(?:-?1[34])?|upc(?:-?a)?|gtin(?:-?1[34])?|barcodes?|bar code|isbn|sku|product|item|article)\b/;
const CONTEXT_CHARS = 48;

/** True for ASCII digits with a known scheme prefix, a length that scheme issues, and a valid Luhn digit. */
export function isPaymentCardNumber(digits: string): boolean {
  return digits.length >= MIN_DIGITS && digits.length <= MAX_DIGITS && cardSchemeOf(digits) !== undefined && passesLuhn(digits);
}

function size(groups: DigitGroups, index: number): number {
  return (groups.ends[index] ?? 0) - (groups.starts[index] ?? 0);
}

/** "0.5134228187919463": a lone group right after "<1-3 digits>." is a decimal fraction. */
function isDecimalFraction(text: string, groups: DigitGroups, index: number): boolean {
  if (index === 0 || groups.joined[index - 1] === 0) return false;
  const start = groups.starts[index] ?? 0;
  return (groups.ends[index - 1] ?? 0) === start - 1 && text[start - 1] === "." && size(groups, index - 1) <= 3;
}

function isBarcode(text: string, start: number, digits: string): boolean {
  if (digits.length < 12 || digits.length > 14 || !passesGs1(digits)) return false;
  return BARCODE_CONTEXT.test(text.slice(Math.max(0, start - CONTEXT_CHARS), start).toLowerCase());
}

/** For each group, the last group of the run of equal-sized, joined groups it belongs to. */
function runEnds(groups: DigitGroups): Int32Array {
  const ends = new Int32Array(groups.count);
  for (let i = groups.count - 1; i >= 0; i--) {
    const continues = i < groups.count - 1 && groups.joined[i] === 1 && size(groups, i + 1) === size(groups, i);
    ends[i] = continues ? (ends[i + 1] ?? i) : i;
  }
  return ends;
}

export function findPaymentCards(text: string, budget?: DetectionBudget): Span[] {
  const groups = findDigitGroups(text, budget);
  const runEnd = runEnds(groups);
  // Digits in groups 0..i-1, so a window's digit count is one subtraction.
  const before = new Float64Array(groups.count + 1);
  for (let i = 0; i < groups.count; i++) before[i + 1] = (before[i] ?? 0) + size(groups, i);
  const spans: Span[] = [];
  const consider = (first: number, last: number) => {
    if (budget) budget.steps++;
    const start = groups.starts[first] ?? 0;
    const end = groups.ends[last] ?? start;
    const total = (before[last + 1] ?? 0) - (before[first] ?? 0);
    if (total < MIN_DIGITS || total > MAX_DIGITS) return;
    if (first === last && isDecimalFraction(text, groups, first)) return;
    // "+49 151 …": a phone number in E.164 (at most 15 digits), not a card.
    if (text[start - 1] === "+" && total <= 15) return;
    const digits = text.slice(start, end).replace(/\D+/g, "");
    if (isPaymentCardNumber(digits) && !isBarcode(text, start, digits)) spans.push([start, end]);
  };
  const joinedUpTo = (first: number, last: number) => {
    for (let i = first; i < last; i++) if (groups.joined[i] !== 1) return false;
    return last < groups.count;
  };
  for (let first = 0; first < groups.count; first++) {
    const lead = size(groups, first);
    consider(first, first);
    if (lead > MAX_DIGITS / 2) continue;
    // Amex / Diners as printed: 4-6-5 or 4-6-4 (or 4-6-6).
    if (lead === 4 && joinedUpTo(first, first + 2) && size(groups, first + 1) === 6 && size(groups, first + 2) >= 4 && size(groups, first + 2) <= 6) consider(first, first + 2);
    const end = runEnd[first] ?? first;
    const startsRun = first === 0 || (runEnd[first - 1] ?? -1) !== end;
    // Equal groups, read from the run's first group on, or up to its last one; either way a
    // shorter group right after the run may end the number (4-4-4-4-3).
    if (startsRun) {
      for (let last = first + 1; last <= Math.min(end, first + MAX_DIGITS); last++) consider(first, last);
    } else {
      consider(first, end);
    }
    if (end + 1 < groups.count && groups.joined[end] === 1 && size(groups, end + 1) < lead && (startsRun || end > first)) consider(first, end + 1);
  }
  return mergeSpans(spans);
}
