// One pass that every detector and rule reads instead of the raw prompt, so evasions that only
// change how a value is written are undone once: NFKC (full-width "４２４２", ligatures, circled
// digits), format and zero-width characters and soft hyphens removed, decimal digits of every
// script read as ASCII, every Unicode space as " " and every dash as "-". An offset map leads
// each normalised position back to the original text, where findings are reported.
//
// NFKC is applied per cluster (a code point and the combining marks after it), which is what
// composition needs; a cluster is cut after 30 code points (UAX #15's stream-safe limit), so a
// run of a million combining marks costs no more than a million letters.
import type { DetectionBudget } from "../budget";
import * as chars from "./char-map";
import type { Span } from "../span";

// Local copies: module bindings are read through accessors in some bundles, too slow for the
// per-character loop below.
const { COMPAT, DASH, DIGIT_ZERO, KEEP, MARK, NEWLINE, REMOVE, SPACE } = chars;
const charClass = chars.charClass;

const MAX_CLUSTER = 30;
// NFKC can expand a code point up to 18-fold (U+FDFA); past this the rest is not read and
// detect() fails closed.
const MAX_GROWTH = 2;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

export interface NormalisedText {
  text: string;
  /** True when the text expanded past MAX_GROWTH times its length and the rest was dropped. */
  truncated: boolean;
  /** The original [start, end) that a span of `text` came from. */
  toOriginal(span: Span): Span;
}

const identity = (span: Span): Span => [span[0], span[1]];

class OffsetWriter {
  // UTF-16 units of the normalised text, decoded once at the end: far cheaper than growing a
  // string one character at a time.
  private units: Uint16Array;
  length = 0;
  starts: Int32Array;
  ends: Int32Array;

  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Appends `out` (one or more UTF-16 units), all of it from original [from, to). */
  write(out: string, from: number, to: number): void {
    if (this.length + out.length > this.units.length) this.grow(out.length);
    for (let i = 0; i < out.length; i++) {
      this.units[this.length] = out.charCodeAt(i);
      this.starts[this.length] = from;
      this.ends[this.length] = to;
      this.length++;
    }
  }

  /** Appends one UTF-16 unit from original [from, to). */
  writeUnit(unit: number, from: number, to: number): void {
    if (this.length + 1 > this.units.length) this.grow(1);
    this.units[this.length] = unit;
    this.starts[this.length] = from;
    this.ends[this.length] = to;
    this.length++;
  }

  /** Appends text[from, to) unchanged: each unit maps to itself. */
  copy(text: string, from: number, to: number): void {
    if (this.length + (to - from) > this.units.length) this.grow(to - from);
    for (let at = from; at < to; at++) {
      this.units[this.length] = text.charCodeAt(at);
      this.starts[this.length] = at;
      this.ends[this.length] = at + 1;
      this.length++;
    }
  }

  private grow(needed: number): void {
    const capacity = Math.max(this.units.length * 2, this.length + needed + 16);
    const units = new Uint16Array(capacity);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    units.set(this.units);
    starts.set(this.starts);
    ends.set(this.ends);
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }

  /** The last UTF-16 unit written, or -1. */
  lastUnit(): number {
    return this.length === 0 ? -1 : (this.units[this.length - 1] ?? -1);
  }

  text(): string {
    return UTF16.decode(this.units.subarray(0, this.length));
  }
}

const UTF16 = new TextDecoder("utf-16le");

/** The single ASCII unit a class maps to (-1: removed; 0: not a one-unit mapping). */
function mappedUnit(kind: number): number {
  if (kind === REMOVE) return -1;
  if (kind === SPACE) return 32;
  if (kind === NEWLINE) return 10;
  if (kind === DASH) return 45;
  if (kind >= DIGIT_ZERO) return 48 + kind - DIGIT_ZERO;
  return 0;
}

/** Whether a combining mark starts at `at` (every mark is at U+0300 or above). */
function markAt(text: string, at: number): boolean {
  return at < text.length && text.charCodeAt(at) >= 0x300 && charClass(text.codePointAt(at) ?? 0) === MARK;
}

/** The replacement for one code point of an already-NFKC string (no COMPAT class left). */
function mapped(codePoint: number, char: string): string {
  const kind = charClass(codePoint);
  if (kind === REMOVE) return "";
  if (kind === SPACE) return " ";
  if (kind === NEWLINE) return "\n";
  if (kind === DASH) return "-";
  if (kind >= DIGIT_ZERO) return String.fromCharCode(48 + kind - DIGIT_ZERO);
  return char;
}

const COMBINING_MARKS = /\p{M}+/gu;
const LEADING_MARK = /^\p{M}/u;

/** Whether the normalised text so far (written, plus the pending copy run) ends with an ASCII digit. */
function followsDigit(writer: OffsetWriter, text: string, runStart: number, position: number): boolean {
  const unit = runStart < position ? text.charCodeAt(position - 1) : writer.lastUnit();
  return unit >= 48 && unit <= 57;
}

// Clusters seen before (a prompt repeats the same few): NFKC is the expensive step.
const clusterCache = new Map<string, string>();
const CLUSTER_CACHE_SIZE = 4096;

function writeCluster(writer: OffsetWriter, cluster: string, from: number, to: number): void {
  let out = clusterCache.get(cluster);
  if (out === undefined) {
    out = "";
    for (const char of cluster.normalize("NFKC")) out += mapped(char.codePointAt(0) ?? 0, char);
    // Marks on a digit ("4̲1̲1̲1̲") only hide it: a digit with an underline is still the digit.
    const first = out.charCodeAt(0);
    if (first >= 48 && first <= 57) out = out.replace(COMBINING_MARKS, "");
    if (clusterCache.size < CLUSTER_CACHE_SIZE) clusterCache.set(cluster, out);
  }
  // A removed base leaves its marks on what came before: after a digit they only hide it too
  // (a keycap, "4\ufe0f\u20e3").
  if (out.charCodeAt(0) >= 0x300 && LEADING_MARK.test(out) && followsDigit(writer, "", 0, 0)) out = out.replace(COMBINING_MARKS, "");
  if (out !== "") writer.write(out, from, to);
}

export function normaliseForDetection(text: string, budget?: DetectionBudget): NormalisedText {
  if (ASCII_ONLY.test(text)) return { text, truncated: false, toOriginal: identity };
  const writer = new OffsetWriter(text.length + 16);
  const limit = text.length * MAX_GROWTH + 64;
  let position = 0;
  // Start of a run of characters that stay as they are, copied in one piece.
  let runStart = 0;
  while (position < text.length) {
    if (budget) budget.steps++;
    if (writer.length > limit) break;
    const unit = text.charCodeAt(position);
    if (unit < 0x80 && !markAt(text, position + 1)) {
      position++;
      continue;
    }
    const codePoint = text.codePointAt(position) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const kind = charClass(codePoint);
    // The common case: one code point that maps to one ASCII unit or to nothing.
    if (kind !== KEEP && kind !== COMPAT && kind !== MARK && !markAt(text, position + width)) {
      if (runStart < position) writer.copy(text, runStart, position);
      const ascii = mappedUnit(kind);
      if (ascii > 0) writer.writeUnit(ascii, position, position + width);
      position += width;
      runStart = position;
      continue;
    }
    // Where the cluster ends: this code point plus the combining marks that follow it.
    let end = position + width;
    let count = 1;
    while (end < text.length && count < MAX_CLUSTER) {
      const next = text.codePointAt(end) ?? 0;
      if (charClass(next) !== MARK) break;
      end += next > 0xffff ? 2 : 1;
      count++;
    }
    // Marks with no base character cannot compose with anything: they stay as they are — unless
    // what comes before is a digit ("4\ufe0f\u20e3", a keycap: the variation selector between is
    // removed), where they only hide it, as writeCluster drops a digit's own marks.
    if (kind === MARK && followsDigit(writer, text, runStart, position)) {
      if (runStart < position) writer.copy(text, runStart, position);
      position = end;
      runStart = position;
      continue;
    }
    if ((count === 1 && kind === KEEP) || kind === MARK) {
      position = end;
      continue;
    }
    if (runStart < position) writer.copy(text, runStart, position);
    if (count === 1 && kind !== COMPAT && kind !== MARK) {
      const char = mapped(codePoint, "");
      if (char !== "") writer.write(char, position, end);
    } else {
      writeCluster(writer, text.slice(position, end), position, end);
    }
    position = end;
    runStart = position;
  }
  if (runStart < position) writer.copy(text, runStart, position);
  const { starts, ends } = writer;
  const length = writer.length;
  return {
    text: writer.text(),
    truncated: position < text.length,
    toOriginal([start, end]: Span): Span {
      if (length === 0) return [0, 0];
      const first = Math.min(Math.max(start, 0), length - 1);
      const last = Math.min(Math.max(end - 1, first), length - 1);
      return [starts[first] ?? 0, ends[last] ?? 0];
    },
  };
}
