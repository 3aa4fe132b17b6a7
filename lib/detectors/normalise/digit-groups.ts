// The digit groups of a (normalised) text: maximal runs of ASCII digits, and what the gap to the
// next group is. Card and SSN detection read groups, never characters, so their work is bounded
// by the number of groups times a constant.
//
// Gaps come in three strengths, because a number is written with some separators and a list of
// numbers with others:
//   INNER  what people put inside one number: "4111 1111", "4111-1111", "078.05", "4111/1111",
//          and the Unicode dots, bullets and slashes the normaliser leaves as they are
//   LINE   the same with a line break in it: "4111 1111\n1111 1111" (the gateway joins a
//          request's parts with "\n", so this is also a number split over two parts)
//   LIST   what separates items of a list or cells of a table and may still split one number:
//          commas, semicolons, pipes, quotes ("4111,1111", `["4111", "1111"]`), or a longer gap of
//          whitespace (columns, indented lines)
// `joined` keeps the first two, which is what printed layouts and SSNs are read across.
import type { DetectionBudget } from "../budget";

export const GAP_NONE = 0;
export const GAP_INNER = 1;
export const GAP_LINE = 2;
export const GAP_LIST = 3;

/** Longest INNER or LINE gap still read as one number ("4111 - 1111", "4111 \r\n1111"). */
export const MAX_GROUP_GAP = 4;
/** Longest LIST gap (`",\n    "` in pretty-printed JSON, aligned columns). */
export const MAX_LIST_GAP = 12;

// Non-ASCII characters that separate digit groups and that normalisation does not turn into " "
// or "-": middle dots and bullets, slashes, dash-like signs outside Unicode's dash category,
// the braille blank, and the next-line control.
const UNICODE_INNER = new Set([
  0x00b7, 0x2022, 0x2027, 0x2219, 0x22c5, 0x30fb, 0x2e31, 0x2981, 0x25cf, 0x2024, 0x2044, 0x2215, 0x29f8, 0x2571, 0x02d7, 0x2043, 0x2796, 0x2500, 0x2501,
  0x23af, 0x30fc, 0x2800,
]);

/** Characters that may sit between the groups of one number: space, tab, . - / _ and UNICODE_INNER. */
export function isGroupSeparator(code: number): boolean {
  if (code < 0x80) return code === 32 || code === 9 || code === 11 || code === 12 || code === 46 || code === 45 || code === 47 || code === 95;
  return UNICODE_INNER.has(code);
}

const isLineBreak = (code: number) => code === 10 || code === 13 || code === 0x85;
// , ; | " ' and the typographic quotes.
const isListSeparator = (code: number) => code === 44 || code === 59 || code === 124 || code === 34 || code === 39 || (code >= 0x2018 && code <= 0x201f);

export interface DigitGroups {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** joined[i]: group i and group i + 1 are separated by an INNER or LINE gap. */
  joined: Uint8Array;
  /** gaps[i]: the strength of the gap between group i and group i + 1 (GAP_*). */
  gaps: Uint8Array;
}

export const groupSize = (groups: DigitGroups, index: number): number => (groups.ends[index] ?? 0) - (groups.starts[index] ?? 0);

/** The characters between group `index` and the next one. */
export const gapText = (text: string, groups: DigitGroups, index: number): string => text.slice(groups.ends[index], groups.starts[index + 1]);

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// The last text's groups: card and SSN detection run on the same normalised text one after the
// other, and need not split it twice.
let last: { text: string; groups: DigitGroups } | null = null;

export function findDigitGroups(text: string, budget?: DetectionBudget): DigitGroups {
  if (last !== null && last.text === text) return last.groups;
  const groups = splitDigitGroups(text, budget);
  last = { text, groups };
  return groups;
}

function gapKind(text: string, from: number, to: number, budget?: DetectionBudget): number {
  if (to - from > MAX_LIST_GAP) return GAP_NONE;
  let lineBreak = false;
  let list = false;
  for (let at = from; at < to; at++) {
    if (budget) budget.steps++;
    const code = text.charCodeAt(at);
    if (isLineBreak(code)) lineBreak = true;
    else if (isListSeparator(code)) list = true;
    else if (!isGroupSeparator(code)) return GAP_NONE;
  }
  if (list || to - from > MAX_GROUP_GAP) return GAP_LIST;
  return lineBreak ? GAP_LINE : GAP_INNER;
}

function splitDigitGroups(text: string, budget?: DetectionBudget): DigitGroups {
  const starts: number[] = [];
  const ends: number[] = [];
  // The regex engine finds the runs at a few ns a character (a loop over every character cost
  // several times that); the steps still count every character read.
  const runs = /[0-9]+/g;
  for (let run = runs.exec(text); run !== null; run = runs.exec(text)) {
    starts.push(run.index);
    ends.push(run.index + run[0].length);
  }
  if (budget) budget.steps += text.length;
  const count = starts.length;
  const joined = new Uint8Array(count);
  const gaps = new Uint8Array(count);
  for (let i = 0; i + 1 < count; i++) {
    const kind = gapKind(text, ends[i] ?? 0, starts[i + 1] ?? 0, budget);
    gaps[i] = kind;
    joined[i] = kind === GAP_INNER || kind === GAP_LINE ? 1 : 0;
  }
  return { count, starts: Int32Array.from(starts), ends: Int32Array.from(ends), joined, gaps };
}
