// Whether a window of digit groups is written the way one card number is written. The segment
// covers (card-cover.ts) read a card in any grouping, but a row of a table ("7564518 8 427.10
// 8306.26"), a version ("4.54.95-6909.8066"), a port and an address ("47887 192.239.58.187") or
// an IBAN's digits ("PL30 0056 7681 7749 4746") can be a whole segment too. What people and
// models read back as one number:
//   - printed layouts: groups of one size with a shorter or equal last group, whatever the
//     separators ("4111-1111 1111.1111"), or Amex/Diners' 4-6-4 to 4-6-6;
//   - any other grouping ("41111111 1111 1111", "41 11111111111111", "411 111 111 111 1111") of
//     at most six groups with one kind of separator (whitespace, line breaks included, counts as
//     one kind), where a group of one or two digits may only lead a number of at most three
//     groups: a row ends with a quantity ("558689 4853 82570 8"), a card rarely does.
import * as digitGroups from "../normalise/digit-groups";
import type { DigitGroups } from "../normalise/digit-groups";

// Local copies: module bindings are read through accessors in some bundles, too slow for the
// per-group loops below.
const { gapText, groupSize } = digitGroups;

const MAX_FREE_GROUPS = 6;
const MAX_GROUPS_WITH_SMALL = 3;
const SMALL_GROUP = 2;
const LETTER = /[A-Za-z]/;

/** 4111 1111 1111 1111, 4111 1111 1111 111, 4 1 1 1 …, 3782 822463 10005. */
export function isPrintedLayout(groups: DigitGroups, first: number, last: number): boolean {
  const lead = groupSize(groups, first);
  if (last - first === 2 && lead === 4 && groupSize(groups, first + 1) === 6) {
    const third = groupSize(groups, last);
    if (third >= 4 && third <= 6) return true;
  }
  for (let i = first + 1; i < last; i++) if (groupSize(groups, i) !== lead) return false;
  return groupSize(groups, last) <= lead;
}

export function readsAsOneNumber(text: string, groups: DigitGroups, first: number, last: number): boolean {
  if (first === last || isPrintedLayout(groups, first, last)) return true;
  if (last - first + 1 > MAX_FREE_GROUPS) return false;
  // "PL30 0056 …": two check digits glued to a country code start an IBAN, not a card.
  if (groupSize(groups, first) === 2 && LETTER.test(text[(groups.starts[first] ?? 0) - 1] ?? "")) return false;
  const separator = gapText(text, groups, first).trim();
  for (let i = first; i < last; i++) if (gapText(text, groups, i).trim() !== separator) return false;
  for (let i = first + 1; i <= last; i++) if (groupSize(groups, i) <= SMALL_GROUP) return false;
  return groupSize(groups, first) > SMALL_GROUP || last - first + 1 <= MAX_GROUPS_WITH_SMALL;
}
