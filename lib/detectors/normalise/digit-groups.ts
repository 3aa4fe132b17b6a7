// The digit groups of a (normalised) text: maximal runs of ASCII digits, and whether the gap
// to the next group is a separator people put inside one number ("4111 1111", "078.05",
// "4111-\n1111"). Card and SSN detection read groups, never characters, so their work is
// bounded by the number of groups times a constant.
import type { DetectionBudget } from "../budget";

/** Characters that may sit between the groups of one number: space, tab, CR/LF, . - / _ */
export function isGroupSeparator(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 46 || code === 45 || code === 47 || code === 95;
}

/** Longest gap of separators still read as one number ("4111 - 1111", "4111 \r\n1111"). */
export const MAX_GROUP_GAP = 4;

export interface DigitGroups {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** joined[i]: group i and group i + 1 are separated only by a short separator gap. */
  joined: Uint8Array;
}

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
  for (let i = 0; i + 1 < count; i++) {
    const gapStart = ends[i] ?? 0;
    const gapEnd = starts[i + 1] ?? 0;
    if (gapEnd - gapStart > MAX_GROUP_GAP) continue;
    let separators = true;
    for (let at = gapStart; at < gapEnd; at++) {
      if (budget) budget.steps++;
      if (!isGroupSeparator(text.charCodeAt(at))) separators = false;
    }
    joined[i] = separators ? 1 : 0;
  }
  return { count, starts: Int32Array.from(starts), ends: Int32Array.from(ends), joined };
}
