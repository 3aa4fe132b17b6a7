// Payment card numbers (PANs): 12-19 digits with a scheme's issuer prefix, a length that scheme
// issues and a valid Luhn check digit, however they are written: compact, in groups of any
// sizes split by any separator ("4111.1111.1111.1111", "41111111 1111 1111", "4111-1111 1111.1111",
// tabs, line breaks, commas, JSON array items, and after normalisation Unicode dashes, spaces,
// digits of other scripts and zero-width characters), glued to letters ("card_4111…"), or
// followed by an expiry or CVV ("4111 1111 1111 1111 12/29").
//
// IIN + length + Luhn is the gate (card-windows.ts); what remains is which windows of digit
// groups to put through it. Tables of numbers are full of Luhn-valid windows, so:
//   - a segment that is nothing but card numbers (and their expiry, a list marker) is read
//     whatever its groups' sizes (card-cover.ts): "41111111 1111 1111" alone is a card, and a
//     table, which holds more digits than any card, is not a cover;
//   - inside a longer run of groups, only printed card layouts are read: groups of one size with
//     a shorter or equal last group (4-4-4-4, 4-4-4-4-3, 4-4-4, digit by digit), or Amex/Diners'
//     4-6-5 and 4-6-4, and a run of equal groups from its first group or up to its last, not
//     from the middle of a table ("1234 4111 1111 1111 1111", two cards in a row).
import type { DetectionBudget } from "../budget";
import * as digitGroups from "../normalise/digit-groups";
import type { DigitGroups } from "../normalise/digit-groups";
import { mergeSpans, type Span } from "../span";
import { cardSchemeOf } from "./card-schemes";
import { coverSegment } from "./card-cover";
import * as cardWindows from "./card-windows";
import { passesLuhn } from "./luhn";

// Local copies: module bindings are read through accessors in some bundles, too slow for the
// per-group loops below.
const { findDigitGroups, GAP_INNER, GAP_LINE, GAP_LIST, groupSize } = digitGroups;
const { CardWindows, MAX_CARD_DIGITS, MIN_CARD_DIGITS } = cardWindows;
type CardWindows = cardWindows.CardWindows;

/** True for ASCII digits with a known scheme prefix, a length that scheme issues, and a valid Luhn digit. */
export function isPaymentCardNumber(digits: string): boolean {
  return digits.length >= MIN_CARD_DIGITS && digits.length <= MAX_CARD_DIGITS && cardSchemeOf(digits) !== undefined && passesLuhn(digits);
}

/** For each group, the last group of the run of equal-sized, joined groups it belongs to. */
function runEnds(groups: DigitGroups): Int32Array {
  const ends = new Int32Array(groups.count);
  for (let i = groups.count - 1; i >= 0; i--) {
    const continues = i < groups.count - 1 && groups.joined[i] === 1 && groupSize(groups, i + 1) === groupSize(groups, i);
    ends[i] = continues ? (ends[i + 1] ?? i) : i;
  }
  return ends;
}

/** Windows in printed card layouts, inside runs of groups joined by INNER and LINE gaps. */
function printedLayouts(groups: DigitGroups, windows: CardWindows, budget?: DetectionBudget): Array<[number, number]> {
  const runEnd = runEnds(groups);
  const found: Array<[number, number]> = [];
  const consider = (first: number, last: number) => {
    if (budget) budget.steps++;
    if (windows.has(first, last)) found.push([first, last]);
  };
  const joinedUpTo = (first: number, last: number) => {
    for (let i = first; i < last; i++) if (groups.joined[i] !== 1) return false;
    return last < groups.count;
  };
  for (let first = 0; first < groups.count; first++) {
    const lead = groupSize(groups, first);
    consider(first, first);
    if (lead > MAX_CARD_DIGITS / 2) continue;
    // Amex / Diners as printed: 4-6-5 or 4-6-4 (or 4-6-6).
    const third = groupSize(groups, first + 2);
    if (lead === 4 && joinedUpTo(first, first + 2) && groupSize(groups, first + 1) === 6 && third >= 4 && third <= 6) consider(first, first + 2);
    const end = runEnd[first] ?? first;
    const startsRun = first === 0 || (runEnd[first - 1] ?? -1) !== end;
    // Equal groups, read from the run's first group on, or up to its last one; either way a
    // shorter group right after the run may end the number (4-4-4-4-3).
    if (startsRun) {
      for (let last = first + 1; last <= Math.min(end, first + MAX_CARD_DIGITS); last++) consider(first, last);
    } else {
      consider(first, end);
    }
    if (end + 1 < groups.count && groups.joined[end] === 1 && groupSize(groups, end + 1) < lead && (startsRun || end > first)) consider(first, end + 1);
  }
  return found;
}

/** Card windows of every segment that is a cover, at each gap strength. */
function coveredSegments(text: string, groups: DigitGroups, windows: CardWindows, budget?: DetectionBudget): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const strength of [GAP_INNER, GAP_LINE, GAP_LIST]) {
    let first = 0;
    for (let last = 0; last < groups.count; last++) {
      const gap = groups.gaps[last] ?? 0;
      if (last + 1 < groups.count && gap !== 0 && gap <= strength) continue;
      // Most segments are too short to hold a card; and one that no gap of this strength split
      // is the same segment as one strength down, read already.
      const worthReading = windows.digits(first, last) >= MIN_CARD_DIGITS && (strength === GAP_INNER || hasGap(groups, first, last, strength));
      if (worthReading) coverSegment(text, groups, windows, first, last, found, budget);
      first = last + 1;
    }
  }
  return found;
}

function hasGap(groups: DigitGroups, first: number, last: number, strength: number): boolean {
  for (let i = first; i < last; i++) if (groups.gaps[i] === strength) return true;
  return false;
}

export function findPaymentCards(text: string, budget?: DetectionBudget): Span[] {
  const groups = findDigitGroups(text, budget);
  const windows = new CardWindows(text, groups, budget);
  const spans: Span[] = [];
  for (const [first, last] of [...printedLayouts(groups, windows, budget), ...coveredSegments(text, groups, windows, budget)]) {
    spans.push([groups.starts[first] ?? 0, groups.ends[last] ?? 0]);
  }
  return mergeSpans(spans);
}
