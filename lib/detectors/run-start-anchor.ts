// Makes an admin regex that starts with an open-ended repeat ("\w+@acme\.com",
// "(\w+\.)+internal", "\S+@corp") start matching only where a run of what it repeats starts.
// JavaScript retries a failed match from every position, so on a long run of word characters
// (a hex dump, a base64 image) such a pattern costs O(n^2); behind a lookbehind that refuses
// to start right after one more repetition, it costs O(n).
//
// Why this finds the same text: if the pattern matches at p and one repetition ends at p, the
// same repeat could have taken that repetition too, so it also matches earlier, and the regex
// reports the leftmost match anyway. The only difference is a match that begins exactly where
// the previous match ended inside such a run, a case that does not change a classification.
import { parseShape, usesCaptures, type Term } from "./regex-shape";

// Only a repeat that comes first: an assertion in front of it ("(?<=\$)\d+", "\b\S+") is
// checked at the start position, and starting one character earlier could change its answer.
function leadingTerm(sequence: readonly Term[] | undefined): Term | undefined {
  return sequence?.[0];
}

/**
 * Lookbehinds that refuse to start a match where the leading repeat could have taken one
 * more step: after one more character of an open-ended "\w+", after one more repetition of an
 * open-ended group, or after one more character of the open-ended repeat that begins such a
 * group ("(\w+\.)+" on a long run with no dot). Plain "(...)" grouping is looked through.
 */
function anchorsFor(term: Term | undefined): string[] {
  if (term === undefined) return [];
  const atom = term.atom;
  if (atom.kind === "char") return term.max === Infinity ? [`(?<!${atom.source})`] : [];
  if (atom.kind !== "group" || atom.alternatives.length !== 1) {
    return atom.kind === "group" && term.max === Infinity && !usesCaptures(atom.alternatives) ? [`(?<!(?:${atom.inner}))`] : [];
  }
  const inner = leadingTerm(atom.alternatives[0]);
  const innerAnchors = inner?.atom.kind === "char" || term.max === 1 ? anchorsFor(inner) : [];
  if (term.max === 1 && term.min === 1) return innerAnchors;
  if (term.max !== Infinity) return [];
  // The lookbehind repeats the group's text; a capture inside it would renumber the groups.
  return usesCaptures(atom.alternatives) ? innerAnchors : [`(?<!(?:${atom.inner}))`, ...innerAnchors];
}

function anchorSequence(sequence: readonly Term[]): string {
  return anchorsFor(leadingTerm(sequence)).join("") + sequence.map((term) => term.source).join("");
}

/**
 * The pattern with a run-start lookbehind in front of each top-level alternative that begins
 * with an open-ended repeat; unchanged when the pattern has backreferences (a capturing group
 * copied into a lookbehind would renumber them) or nothing to anchor.
 */
export function anchorLeadingRepeats(pattern: string): string {
  const shape = parseShape(pattern);
  if (shape.some((sequence) => sequence.some((term) => term.atom.kind === "backreference"))) return pattern;
  const anchored = shape.map(anchorSequence).join("|");
  try {
    new RegExp(anchored, "gi");
    return anchored;
  } catch {
    return pattern;
  }
}
