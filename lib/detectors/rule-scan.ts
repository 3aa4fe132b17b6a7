// Runs one admin rule over a prompt in bounded windows. The safety check refuses the shapes
// that backtrack exponentially, but a pattern can still cost O(n^2) on a long run of the
// characters it likes (a "\w+@corp" over a base64 blob); running each regex on at most
// WINDOW + 2 * MARGIN characters caps that at O(n * window) while still scanning the whole
// text, so nothing past a cut-off escapes classification.
import type { Span } from "./span";

/** Characters a rule's matches may start in, per regex run. */
export const RULE_WINDOW_CHARS = 4096;
/**
 * Context on each side of a window: lookbehinds and \b see the text before it, and a match
 * starting near the window's end may run this far past it. A rule match longer than this that
 * straddles a window edge is reported cut short; "^" and "$" may match at window edges (only
 * ever over-reporting, which raises the class rather than leaking).
 */
export const RULE_WINDOW_MARGIN = 256;

export function scanRule(text: string, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  for (let windowStart = 0; windowStart < text.length; windowStart += RULE_WINDOW_CHARS) {
    const sliceStart = Math.max(0, windowStart - RULE_WINDOW_MARGIN);
    const slice = text.slice(sliceStart, windowStart + RULE_WINDOW_CHARS + RULE_WINDOW_MARGIN);
    const windowEnd = windowStart + RULE_WINDOW_CHARS - sliceStart;
    pattern.lastIndex = windowStart - sliceStart;
    for (let match = pattern.exec(slice); match !== null; match = pattern.exec(slice)) {
      if (match.index >= windowEnd) break; // the next window owns it
      if (match[0].length === 0) {
        pattern.lastIndex = match.index + 1;
        continue;
      }
      spans.push([sliceStart + match.index, sliceStart + match.index + match[0].length]);
    }
  }
  return spans;
}
