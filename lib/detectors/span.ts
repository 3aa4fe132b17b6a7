// A detector reports where it matched, never what: the caller can count, highlight or redact
// by offsets, and nothing downstream ever holds the sensitive value itself.

/** [start, end) UTF-16 offsets into the analysed text, the same units as String.prototype.slice. */
export type Span = [start: number, end: number];

/**
 * Sorts spans and merges those that overlap or touch, so one piece of text is counted once
 * even when two patterns of the same detector (e.g. a JWT inside a bearer header) both saw it.
 */
export function mergeSpans(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span[0] <= last[1]) {
      last[1] = Math.max(last[1], span[1]);
    } else {
      merged.push([span[0], span[1]]);
    }
  }
  return merged;
}
