// US Social Security numbers. SSA never issues area 000, 666 or 900-999 (the 9xx range is
// ITINs), group 00 or serial 0000 (SSA POMS RM 10201.035), so those are never reported.
//
// Without a cue word, only the printed shape counts: AAA-GG-SSSS with one separator (dash,
// space or dot) used twice, not touching other digit groups, words or dashes. After a cue
// ("SSN", "social security number", "soc. sec. no.", ...) the number may be written any way
// people write it: mixed separators, several spaces, or nine bare digits — without a cue, nine
// digits are far more often an order number, a zip+4 or a routing number than an SSN.
import type { DetectionBudget } from "../budget";
import { findDigitGroups, type DigitGroups } from "../normalise/digit-groups";
import { mergeSpans, type Span } from "../span";

const CUE = /\b(?:ssns?|ss#|social[ \t]{1,3}security(?:[ \t]{1,3}(?:numbers?|nos?\.?|#))?|soc\.?[ \t]{0,2}sec\.?(?:[ \t]{0,2}(?:nos?\.?|#))?)(?![a-z])/g;
/** How far after a cue the number may start ("SSN (on file): 078-05-1120"). */
const CUE_REACH = 40;
const PRINTED_SEPARATORS = new Set(["-", " ", "."]);
const TOUCHING = /[\p{L}\p{N}_-]/u;

/** Every pattern run over the prompt, for the bounded-quantifier check in linearity.test.ts. */
export const SSN_PATTERNS: readonly RegExp[] = [CUE];

/** True when area, group and serial are all in ranges SSA can issue. */
export function isIssuableSsn(area: string, group: string, serial: string): boolean {
  return area !== "000" && area !== "666" && area[0] !== "9" && group !== "00" && serial !== "0000";
}

const size = (groups: DigitGroups, index: number) => (groups.ends[index] ?? 0) - (groups.starts[index] ?? 0);
const slice = (text: string, groups: DigitGroups, index: number) => text.slice(groups.starts[index], groups.ends[index]);
const joined = (groups: DigitGroups, index: number) => index >= 0 && index < groups.count - 1 && groups.joined[index] === 1;

/** The SSN whose first group is `first`, written any way (after a cue), or null. */
function readCuedSsn(text: string, groups: DigitGroups, first: number): Span | null {
  const start = groups.starts[first] ?? 0;
  if (size(groups, first) === 9 && !joined(groups, first)) {
    const digits = slice(text, groups, first);
    return isIssuableSsn(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5)) ? [start, groups.ends[first] ?? start] : null;
  }
  if (first + 2 >= groups.count || !joined(groups, first) || !joined(groups, first + 1) || joined(groups, first + 2)) return null;
  if (size(groups, first) !== 3 || size(groups, first + 1) !== 2 || size(groups, first + 2) !== 4) return null;
  if (!isIssuableSsn(slice(text, groups, first), slice(text, groups, first + 1), slice(text, groups, first + 2))) return null;
  return [start, groups.ends[first + 2] ?? start];
}

/** AAA-GG-SSSS as printed: one separator character, the same twice, nothing touching. */
function readPrintedSsn(text: string, groups: DigitGroups, first: number): Span | null {
  if (size(groups, first) !== 3 || first + 2 >= groups.count) return null;
  if (size(groups, first + 1) !== 2 || size(groups, first + 2) !== 4) return null;
  const start = groups.starts[first] ?? 0;
  const end = groups.ends[first + 2] ?? 0;
  const separator = text[groups.ends[first] ?? 0] ?? "";
  if (!PRINTED_SEPARATORS.has(separator)) return null;
  if ((groups.starts[first + 1] ?? 0) !== start + 4 || (groups.starts[first + 2] ?? 0) !== start + 7) return null;
  if (text[start + 6] !== separator) return null;
  if (TOUCHING.test(text[start - 1] ?? "") || TOUCHING.test(text[end] ?? "")) return null;
  // "1.078.05.1120", "078 05 1120 99": part of a longer run of digit groups.
  if (/[ .]/.test(text[start - 1] ?? "") && /\d/.test(text[start - 2] ?? "")) return null;
  if (/[ .]/.test(text[end] ?? "") && /\d/.test(text[end + 1] ?? "")) return null;
  if (!isIssuableSsn(slice(text, groups, first), slice(text, groups, first + 1), slice(text, groups, first + 2))) return null;
  return [start, end];
}

/** Index of the first group starting at or after `position` (binary search). */
function groupAtOrAfter(groups: DigitGroups, position: number): number {
  let low = 0;
  let high = groups.count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((groups.starts[middle] ?? 0) < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function findUsSsns(text: string, budget?: DetectionBudget): Span[] {
  const groups = findDigitGroups(text, budget);
  const spans: Span[] = [];
  for (let first = 0; first < groups.count; first++) {
    if (budget) budget.steps++;
    const printed = readPrintedSsn(text, groups, first);
    if (printed !== null) spans.push(printed);
  }
  const lower = text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  CUE.lastIndex = 0;
  for (let cue = CUE.exec(lower); cue !== null; cue = CUE.exec(lower)) {
    if (budget) budget.steps++;
    const cueEnd = cue.index + cue[0].length;
    const first = groupAtOrAfter(groups, cueEnd);
    if (first >= groups.count || (groups.starts[first] ?? 0) - cueEnd > CUE_REACH) continue;
    const cued = readCuedSsn(text, groups, first);
    if (cued !== null) spans.push(cued);
  }
  return mergeSpans(spans);
}
