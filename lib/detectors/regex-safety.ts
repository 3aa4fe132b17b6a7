// Refuses admin regular expressions that could stall the gateway. JavaScript regexes
// backtrack: a repeat nested in a repeat, or a repeated choice whose options overlap, can
// take exponential time on text that almost matches, and the gateway runs every rule on every
// prompt. The check is conservative (it may refuse a pattern that happens to be safe) and
// every reason is written for the admin who typed the pattern, with a way out. Polynomial
// shapes that remain (a leading "\w+") are defused at compile time by run-start-anchor.ts and
// bounded by the windowed scan in rule-scan.ts.
import {
  containsVariableRepeat,
  firstCharacters,
  overlaps,
  parseShape,
  type CharSample,
  type Term,
} from "./regex-shape";

export const MAX_RULE_PATTERN_LENGTH = 500;

export type RegexSafety = { ok: true } | { ok: false; reason: string };

function refuse(reason: string): RegexSafety {
  return { ok: false, reason };
}

function quote(source: string): string {
  return `"${source.length > 60 ? `${source.slice(0, 57)}...` : source}"`;
}

/**
 * A repeated group is still unambiguous when it holds exactly one variable part and at least
 * one fixed character that part can never match, e.g. "(,\d+)+" or "(\w+\.)+": the fixed
 * character pins down where each repetition starts, so there is one way to split the text.
 */
function isDelimitedRepeat(alternatives: readonly Term[][]): boolean {
  if (alternatives.length !== 1) return false;
  const terms = (alternatives[0] ?? []).filter((term) => term.atom.kind !== "assertion");
  if (terms.some((term) => term.atom.kind !== "char")) return false;
  const variable = terms.filter((term) => term.min !== term.max);
  const [repeated] = variable;
  if (variable.length !== 1 || repeated === undefined || repeated.atom.kind !== "char") return false;
  const repeatedSample = repeated.atom.sample;
  return terms.some(
    (term) => term.min === term.max && term.min > 0 && term.atom.kind === "char" && !overlaps(term.atom.sample, repeatedSample),
  );
}

function checkRepeatedGroup(term: Term, alternatives: readonly Term[][]): string | null {
  if (containsVariableRepeat(alternatives) && !isDelimitedRepeat(alternatives)) {
    return (
      `The part ${quote(term.source)} repeats a group that itself contains a repeat (like "(a+)+" or "(\\w+\\s?)+"). ` +
      `On text that almost matches, checking it can take exponential time and stall every request. ` +
      `Use a single repeat instead (e.g. "[\\w\\s]+"), or start each repetition with a fixed separator the inner repeat cannot match (e.g. "(,\\d+)+").`
    );
  }
  if (alternatives.length < 2) return null;
  const starts = alternatives.map(firstCharacters);
  if (starts.some((start) => start.nullable)) {
    return (
      `The part ${quote(term.source)} repeats a choice with an option that can match empty text. ` +
      `This can take exponential time on long prompts. Remove the empty option or make every option match at least one character.`
    );
  }
  for (let i = 0; i < starts.length; i++) {
    for (let j = i + 1; j < starts.length; j++) {
      if (overlaps(starts[i]?.sample ?? [], starts[j]?.sample ?? [])) {
        return (
          `The part ${quote(term.source)} repeats a choice whose options can start with the same character (like "(a|ab)*"). ` +
          `On text that almost matches, checking it can take exponential time. ` +
          `Make the options start differently, or use one character class such as "[ab]+".`
        );
      }
    }
  }
  return null;
}

function unboundedSample(term: Term): CharSample | null {
  return term.max === Infinity && term.atom.kind === "char" ? term.atom.sample : null;
}

/** "\d+\d*", ".*.*": two open-ended repeats of overlapping characters, with only optional parts between. */
function checkAdjacentRepeats(sequence: readonly Term[]): string | null {
  for (let i = 0; i < sequence.length; i++) {
    const first = sequence[i];
    const firstSample = first === undefined ? null : unboundedSample(first);
    if (first === undefined || firstSample === null) continue;
    for (let j = i + 1; j < sequence.length; j++) {
      const next = sequence[j];
      if (next === undefined || next.atom.kind === "assertion" || next.atom.kind === "lookaround") continue;
      const nextSample = unboundedSample(next);
      if (nextSample !== null && overlaps(firstSample, nextSample)) {
        return (
          `The parts ${quote(first.source)} and ${quote(next.source)} are open-ended repeats that can match the same characters, ` +
          `so long prompts make matching slow. Merge them into one repeat.`
        );
      }
      if (next.min > 0) break;
    }
  }
  return null;
}

// Empty text and a little of each kind of character: "\b", "x*" and "(?=a)" all match empty here.
const EMPTY_MATCH_PROBES = ["", " aZ9_.-\n"];

function matchesEmptyText(pattern: RegExp): boolean {
  const global = new RegExp(pattern.source, "gi");
  return EMPTY_MATCH_PROBES.some((probe) => [...probe.matchAll(global)].some((match) => match[0] === ""));
}

function checkAlternatives(alternatives: readonly Term[][]): string | null {
  for (const sequence of alternatives) {
    const adjacent = checkAdjacentRepeats(sequence);
    if (adjacent !== null) return adjacent;
    for (const term of sequence) {
      const atom = term.atom;
      if (atom.kind !== "group" && atom.kind !== "lookaround") continue;
      if (atom.kind === "group" && term.max > 1) {
        const repeated = checkRepeatedGroup(term, atom.alternatives);
        if (repeated !== null) return repeated;
      }
      const inner = checkAlternatives(atom.alternatives);
      if (inner !== null) return inner;
    }
  }
  return null;
}

/**
 * Whether an admin's regex rule may be saved and run. Compiles the pattern the way the gateway
 * will (case-insensitive, global) and refuses invalid syntax, patterns over 500 characters,
 * shapes known to backtrack catastrophically, and patterns that can match empty text.
 */
export function checkRegexSafety(pattern: string): RegexSafety {
  if (pattern.trim() === "") return refuse("The pattern is empty. Enter the text or regular expression the rule should find.");
  if (pattern.length > MAX_RULE_PATTERN_LENGTH) {
    return refuse(
      `The pattern is ${pattern.length} characters long; the limit is ${MAX_RULE_PATTERN_LENGTH}. ` +
        `Split it into several rules or use a keyword rule for long lists of words.`,
    );
  }
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern, "gi");
  } catch (error) {
    // V8 says "Invalid regular expression: /<pattern>/gi: Unterminated group"; keep the last part.
    const message = error instanceof Error ? error.message : String(error);
    const prefix = `Invalid regular expression: /${pattern}/gi: `;
    const detail = message.startsWith(prefix) ? message.slice(prefix.length) : message;
    return refuse(`The pattern is not a valid regular expression: ${detail}.`);
  }
  // Shape before emptiness: "(a|ab)*" matches empty text too, but its shape is the real danger.
  const shape = parseShape(pattern);
  const problem = checkAlternatives(shape);
  if (problem !== null) return refuse(problem);
  if (matchesEmptyText(compiled)) {
    return refuse(
      "The pattern can match empty text, and a rule can only report text it covers. Make at least one part required (for example \"\\d+\" instead of \"\\d*\").",
    );
  }
  return { ok: true };
}
