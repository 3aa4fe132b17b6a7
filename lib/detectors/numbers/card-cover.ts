// Segments that are nothing but card numbers. A segment is a stretch of digit groups between
// two things that are not separators (words, other punctuation, the start or end of the text),
// read at three strengths: across INNER gaps only, across INNER and LINE gaps, and across every
// gap a number can be split by (see digit-groups.ts). A segment is a card when its groups,
// however they are sized ("41111111 1111 1111", "41 11111111111111", "411 111 111 111 1111"),
// read as one card number written as one (card-layout.ts), or as several in a row, optionally
// after a list marker ("2. ") and each followed by an expiry ("12/29", "12 / 2029") and a CVV.
//
// Any grouping counts here because the whole segment must be used: a table or a list of
// numbers holds more digits than its cards, so it is not a cover, while a card written any way,
// alone or with its expiry, is. Windows inside longer segments are the printed-layout rules'
// business (payment-card.ts).
//
// The cover is found with reachability forwards and backwards over the segment's groups, visiting
// only the card windows found from each group (at most MAX_WINDOW_GROUPS), so linear in the
// number of groups.
import type { DetectionBudget } from "../budget";
import * as digitGroups from "../normalise/digit-groups";
import type { DigitGroups } from "../normalise/digit-groups";
import type { CardWindows } from "./card-windows";

// Local copies: module bindings are read through accessors in some bundles, too slow for the
// per-group loops below.
const { gapText, groupSize } = digitGroups;

// States between tokens, as bits: nothing yet, after the list marker, after a card, after its
// expiry, after the CVV.
const START = 1;
const MARKER = 2;
const CARD = 4;
const EXPIRY = 8;
const CVV = 16;
const ANY = START | MARKER | CARD | EXPIRY | CVV;
const ENDS_COVER = CARD | EXPIRY | CVV;

const LIST_MARKER_GAP = /^\.[ \t]+$/;
const EXPIRY_GAP = /^[ \t]{0,2}\/[ \t]{0,2}$/;

/** "2. " before the first card of a list. */
function isListMarker(text: string, groups: DigitGroups, index: number, last: number): boolean {
  return index < last && groupSize(groups, index) <= 3 && LIST_MARKER_GAP.test(gapText(text, groups, index));
}

/** "12/29", "1/2029", "12 / 29": a month, a slash, a two- or four-digit year. */
function isExpiry(text: string, groups: DigitGroups, index: number, last: number): boolean {
  if (index + 1 > last) return false;
  const monthDigits = groupSize(groups, index);
  const yearDigits = groupSize(groups, index + 1);
  if (monthDigits > 2 || (yearDigits !== 2 && yearDigits !== 4)) return false;
  const month = Number(text.slice(groups.starts[index], groups.ends[index]));
  return month >= 1 && month <= 12 && EXPIRY_GAP.test(gapText(text, groups, index));
}

const isCvv = (groups: DigitGroups, index: number) => groupSize(groups, index) === 3 || groupSize(groups, index) === 4;

/** The lowest set bit's index (mask !== 0). */
const lowestBit = (mask: number) => 31 - Math.clz32(mask & -mask);

// Scratch space reused by every segment: detect() runs one cover at a time.
let reach = new Uint8Array(64);
let finish = new Uint8Array(64);

/**
 * Appends to `cards` the card windows [first group, last group] of a cover of groups
 * first..last, if the segment has one. `windows` holds which windows read as a card number.
 */
export function coverSegment(text: string, groups: DigitGroups, windows: CardWindows, first: number, last: number, cards: Array<[number, number]>, budget?: DetectionBudget): void {
  // A cover starts with a card, or a list marker and a card: most segments are over here.
  if (windows.upTo(first, last) === 0 && (first === last || windows.upTo(first + 1, last) === 0)) return;
  const length = last - first + 2;
  if (reach.length < length) {
    reach = new Uint8Array(length * 2);
    finish = new Uint8Array(length * 2);
  }
  // reach[i]: states in which the groups before first + i can be read; finish[i]: states from
  // which the groups from first + i to last can be read to a complete cover.
  reach.fill(0, 0, length);
  finish.fill(0, 0, length);
  reach[0] = START;
  for (let i = 0; i < length - 1; i++) {
    const state = reach[i] ?? 0;
    if (state === 0) continue;
    const group = first + i;
    if (budget) budget.steps++;
    if (state & START && isListMarker(text, groups, group, last)) reach[i + 1] = (reach[i + 1] ?? 0) | MARKER;
    if (state & CARD && isExpiry(text, groups, group, last)) reach[i + 2] = (reach[i + 2] ?? 0) | EXPIRY;
    if (state & EXPIRY && isCvv(groups, group)) reach[i + 1] = (reach[i + 1] ?? 0) | CVV;
    for (let ends = windows.upTo(group, last); ends !== 0; ends &= ends - 1) {
      const next = i + lowestBit(ends) + 1;
      reach[next] = (reach[next] ?? 0) | CARD;
    }
  }
  if (((reach[length - 1] ?? 0) & ENDS_COVER) === 0) return;

  finish[length - 1] = ENDS_COVER;
  for (let i = length - 2; i >= 0; i--) {
    const group = first + i;
    if (budget) budget.steps++;
    let states = 0;
    for (let ends = windows.upTo(group, last); ends !== 0 && states !== ANY; ends &= ends - 1) {
      if ((finish[i + lowestBit(ends) + 1] ?? 0) & CARD) states = ANY;
    }
    if ((finish[i + 1] ?? 0) & MARKER && isListMarker(text, groups, group, last)) states |= START;
    if ((finish[i + 2] ?? 0) & EXPIRY && isExpiry(text, groups, group, last)) states |= CARD;
    if ((finish[i + 1] ?? 0) & CVV && isCvv(groups, group)) states |= EXPIRY;
    finish[i] = states;
  }

  // A card window is part of a cover when the text before it can be read and the rest finishes.
  for (let i = 0; i < length - 1; i++) {
    if ((reach[i] ?? 0) === 0) continue;
    for (let ends = windows.upTo(first + i, last); ends !== 0; ends &= ends - 1) {
      const offset = lowestBit(ends);
      if ((finish[i + offset + 1] ?? 0) & CARD) cards.push([first + i, first + i + offset]);
    }
  }
}
