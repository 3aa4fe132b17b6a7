// Runs one admin rule (an RE2 pattern, see rule-pattern.ts) over a prompt. re2js answers
// "does it match anywhere?" with its DFA in one fast pass; only then are positions read, with
// the slower NFA, in windows that the DFA says hold a match. So a rule that matches nothing
// costs one cheap pass, and every pass is linear (RE2), charged to the request's budget.
import type { RE2JS } from "re2js";
import { RE2_FIND_WEIGHT, type DetectionBudget } from "../budget";
import type { Span } from "../span";

/** Characters a rule's matches may start in, per positional pass. */
export const RULE_WINDOW_CHARS = 4096;
/**
 * Context on each side of a window: lookbehinds and \b see the text before it, and a match
 * starting near the window's end may run this far past it. When a match is longer than this
 * (so no window holds it whole), the whole text is read positionally instead.
 */
export const RULE_WINDOW_MARGIN = 256;

/** A rule's pattern and, when it reports one capture group instead of the match, its number. */
export interface RulePattern {
  pattern: RE2JS;
  group?: number;
  /** Report a match only where no letter, digit or "_" comes right before it (keyword rules). */
  startsWord?: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function previousIsWordChar(text: string, index: number): boolean {
  if (index === 0) return false;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start) ?? 0));
}

function collect(rule: RulePattern, slice: string, offset: number, from: number, to: number, spans: Span[]): void {
  const group = rule.group ?? 0;
  const matcher = rule.pattern.matcher(slice);
  let position = 0;
  while (position <= slice.length && matcher.find(position)) {
    const start = matcher.start(group);
    const end = matcher.end(group);
    // A keyword rule consumes the character after the keyword as its boundary; resume before it.
    position = Math.max(group > 0 && end >= 0 ? end : matcher.end(), matcher.start() + 1);
    if (start < 0 || end <= start || offset + start < from) continue;
    if (offset + start >= to) break; // the next window owns it
    if (rule.startsWord && previousIsWordChar(slice, start)) {
      position = start + 1;
      continue;
    }
    spans.push([offset + start, offset + end]);
  }
}

/** The rule's matches as [start, end) spans, or null when the budget ran out first. */
export function scanRule(text: string, rule: RulePattern, budget: DetectionBudget): Span[] | null {
  if (!budget.charge(text.length)) return null;
  if (!rule.pattern.test(text)) return [];
  const spans: Span[] = [];
  for (let windowStart = 0; windowStart < text.length; windowStart += RULE_WINDOW_CHARS) {
    const sliceStart = Math.max(0, windowStart - RULE_WINDOW_MARGIN);
    const slice = text.slice(sliceStart, windowStart + RULE_WINDOW_CHARS + RULE_WINDOW_MARGIN);
    if (!budget.charge(slice.length)) return null;
    if (!rule.pattern.test(slice)) continue;
    if (!budget.charge(slice.length * RE2_FIND_WEIGHT)) return null;
    collect(rule, slice, sliceStart, windowStart, windowStart + RULE_WINDOW_CHARS, spans);
  }
  if (spans.length > 0) return spans;
  // It matches, but only with a match longer than a window's margin: read the whole text.
  if (!budget.charge(text.length * RE2_FIND_WEIGHT)) return null;
  collect(rule, text, 0, 0, text.length, spans);
  return spans;
}
