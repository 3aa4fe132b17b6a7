// A small parser for the shape of an admin's regular expression (JavaScript syntax, no `u`
// flag): which parts repeat, what they contain, and roughly which characters each part can
// match. Just enough for regex-safety.ts to spot the shapes that backtrack catastrophically;
// it assumes the pattern already compiled, so it never has to report a syntax error itself.

/** Which of SAMPLE_CHARACTERS a part can match; an approximation of its character set. */
export type CharSample = readonly boolean[];

export interface Term {
  atom: Atom;
  min: number;
  /** Infinity for `*`, `+` and `{n,}`. */
  max: number;
  /** The term as written, quantifier included, for messages. */
  source: string;
}

export type Atom =
  | { kind: "char"; sample: CharSample; source: string }
  | { kind: "group"; alternatives: Term[][]; source: string; capturing: boolean; inner: string }
  | { kind: "lookaround"; alternatives: Term[][] }
  | { kind: "assertion" }
  | { kind: "backreference" };

// Printable ASCII, the usual whitespace and a few non-ASCII letters and symbols.
const SAMPLE_CHARACTERS: readonly string[] = [
  ..."\t\n\r\u00a0",
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ..."éßЖ中€",
];
const EVERYTHING: CharSample = SAMPLE_CHARACTERS.map(() => true);

function sampleOf(source: string): CharSample {
  try {
    const pattern = new RegExp(`^(?:${source})$`, "i");
    return SAMPLE_CHARACTERS.map((character) => pattern.test(character));
  } catch {
    return EVERYTHING;
  }
}

export function overlaps(a: CharSample, b: CharSample): boolean {
  return a.some((present, i) => present && b[i] === true);
}

export function union(a: CharSample, b: CharSample): CharSample {
  return a.map((present, i) => present || b[i] === true);
}

const QUANTIFIER = /^(?:\*|\+|\?|\{(\d+)(,(\d*))?\})\??/;

class ShapeParser {
  private position = 0;

  constructor(private readonly pattern: string) {}

  parse(): Term[][] {
    return this.alternatives();
  }

  private alternatives(): Term[][] {
    const alternatives: Term[][] = [this.sequence()];
    while (this.pattern[this.position] === "|") {
      this.position++;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }

  private sequence(): Term[] {
    const terms: Term[] = [];
    while (this.position < this.pattern.length) {
      const character = this.pattern[this.position];
      if (character === "|" || character === ")") break;
      const start = this.position;
      const atom = this.atom();
      const [min, max] = this.quantifier();
      terms.push({ atom, min, max, source: this.pattern.slice(start, this.position) });
    }
    return terms;
  }

  private quantifier(): [number, number] {
    const match = QUANTIFIER.exec(this.pattern.slice(this.position));
    if (match === null) return [1, 1];
    this.position += match[0].length;
    switch (match[0][0]) {
      case "*":
        return [0, Infinity];
      case "+":
        return [1, Infinity];
      case "?":
        return [0, 1];
      default: {
        const min = Number(match[1]);
        if (match[2] === undefined) return [min, min];
        return [min, match[3] === "" || match[3] === undefined ? Infinity : Number(match[3])];
      }
    }
  }

  private atom(): Atom {
    const start = this.position;
    const character = this.pattern[this.position];
    switch (character) {
      case "(":
        return this.group();
      case "[":
        this.skipClass();
        return this.charAtom(start);
      case "^":
      case "$":
        this.position++;
        return { kind: "assertion" };
      case "\\":
        return this.escape();
      default:
        this.position++;
        return this.charAtom(start);
    }
  }

  private charAtom(start: number): Atom {
    const source = this.pattern.slice(start, this.position);
    return { kind: "char", sample: sampleOf(source), source };
  }

  private escape(): Atom {
    const start = this.position;
    const next = this.pattern[this.position + 1] ?? "";
    this.position += 2;
    if (next === "b" || next === "B") return { kind: "assertion" };
    if (/[1-9]/.test(next)) {
      while (/\d/.test(this.pattern[this.position] ?? "")) this.position++;
      return { kind: "backreference" };
    }
    if (next === "k" && this.pattern[this.position] === "<") {
      this.position = this.pattern.indexOf(">", this.position) + 1;
      return { kind: "backreference" };
    }
    // \xHH, \uHHHH and \cX carry their operand with them.
    const operand = { x: /^[0-9a-fA-F]{2}/, u: /^[0-9a-fA-F]{4}/, c: /^[A-Za-z]/ }[next];
    const operandMatch = operand?.exec(this.pattern.slice(this.position));
    if (operandMatch) this.position += operandMatch[0].length;
    return this.charAtom(start);
  }

  private skipClass(): void {
    this.position++; // "["
    while (this.position < this.pattern.length && this.pattern[this.position] !== "]") {
      this.position += this.pattern[this.position] === "\\" ? 2 : 1;
    }
    this.position++; // "]"
  }

  private group(): Atom {
    const start = this.position;
    this.position++; // "("
    let lookaround = false;
    let capturing = true;
    const rest = this.pattern.slice(this.position);
    const prefix = /^\?(?:<=|<!|=|!)/.exec(rest);
    if (prefix !== null) {
      lookaround = true;
      this.position += prefix[0].length;
    } else if (rest.startsWith("?:")) {
      capturing = false;
      this.position += 2;
    } else if (rest.startsWith("?<")) {
      this.position = this.pattern.indexOf(">", this.position) + 1;
    }
    const innerStart = this.position;
    const alternatives = this.alternatives();
    const inner = this.pattern.slice(innerStart, this.position);
    this.position++; // ")"
    if (lookaround) return { kind: "lookaround", alternatives };
    return { kind: "group", alternatives, source: this.pattern.slice(start, this.position), capturing, inner };
  }
}

/** Parses a pattern that is known to compile. */
export function parseShape(pattern: string): Term[][] {
  return new ShapeParser(pattern).parse();
}

/** The characters a sequence can start with, and whether it can match empty text. */
export function firstCharacters(sequence: readonly Term[]): { sample: CharSample; nullable: boolean } {
  let sample: CharSample = SAMPLE_CHARACTERS.map(() => false);
  for (const term of sequence) {
    const atom = term.atom;
    if (atom.kind === "assertion" || atom.kind === "lookaround") continue;
    let atomNullable: boolean;
    if (atom.kind === "char") {
      sample = union(sample, atom.sample);
      atomNullable = false;
    } else if (atom.kind === "backreference") {
      // A backreference can be empty or anything; assume the worst.
      return { sample: EVERYTHING, nullable: true };
    } else {
      const inner = atom.alternatives.map(firstCharacters);
      for (const alternative of inner) sample = union(sample, alternative.sample);
      atomNullable = inner.some((alternative) => alternative.nullable);
    }
    if (term.min > 0 && !atomNullable) return { sample, nullable: false };
  }
  return { sample, nullable: true };
}

/** True when any part inside the alternatives repeats a variable number of times. */
export function containsVariableRepeat(alternatives: readonly Term[][]): boolean {
  return alternatives.some((sequence) =>
    sequence.some((term) => {
      if (term.atom.kind === "assertion" || term.atom.kind === "backreference") return false;
      if (term.min !== term.max) return true;
      return term.atom.kind !== "char" && containsVariableRepeat(term.atom.alternatives);
    }),
  );
}

/** True when a capturing group or a backreference occurs anywhere in the alternatives. */
export function usesCaptures(alternatives: readonly Term[][]): boolean {
  return alternatives.some((sequence) =>
    sequence.some((term) => {
      const atom = term.atom;
      if (atom.kind === "backreference") return true;
      if (atom.kind === "group") return atom.capturing || usesCaptures(atom.alternatives);
      return atom.kind === "lookaround" && usesCaptures(atom.alternatives);
    }),
  );
}
