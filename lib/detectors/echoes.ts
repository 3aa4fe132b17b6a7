// The scanned text holds JSON the model receives twice — raw, and as its decoded keys and
// strings (lib/canonical/scanned-text.ts) — so a value in it can be found once in each view.
// Both views stay scanned (the raw text catches a value split across strings, the decoded one
// `\u0034` escapes); a finding in the decoded view that repeats one in its raw view is the same
// value and is counted once. Pure; values are compared in memory and never kept.
import { normaliseForDetection } from "./normalise/normalise";
import type { Span } from "./span";

/** A stretch of the scanned text and, after it, the same JSON decoded: [start, end) offsets of each. */
export interface JsonEcho {
  raw: Span;
  decoded: Span;
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };

/** What a match stands for in either view: JSON escapes undone, normalised, letters and digits only. */
function valueKey(match: string): string {
  const unescaped = match.replace(/\\u([0-9a-fA-F]{4})|\\(.)/g, (_all, hex: string | undefined, char: string | undefined) =>
    hex !== undefined ? String.fromCharCode(Number.parseInt(hex, 16)) : (ESCAPES[char ?? ""] ?? char ?? ""),
  );
  return normaliseForDetection(unescaped).text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

const within = (span: Span, region: Span) => span[0] >= region[0] && span[1] <= region[1];

/**
 * The positions of one detector's finding without those in a decoded view that repeat, value for
 * value, a position in its raw view. Each raw position absorbs at most one decoded one, so two
 * equal values written twice in the JSON still count two.
 */
export function withoutEchoes(positions: readonly Span[], text: string, echoes: readonly JsonEcho[]): Span[] {
  if (echoes.length === 0 || positions.length < 2) return [...positions];
  const dropped = new Set<Span>();
  for (const echo of echoes) {
    const raw = positions.filter((span) => within(span, echo.raw));
    if (raw.length === 0) continue;
    const unmatched = raw.map((span) => valueKey(text.slice(span[0], span[1])));
    for (const span of positions) {
      if (!within(span, echo.decoded)) continue;
      const at = unmatched.indexOf(valueKey(text.slice(span[0], span[1])));
      if (at === -1) continue;
      unmatched.splice(at, 1);
      dropped.add(span);
    }
  }
  return positions.filter((span) => !dropped.has(span));
}
