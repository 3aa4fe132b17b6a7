// IBANs (ISO 13616): country code, two check digits, then the country's BBAN, written compact,
// in groups (of four or any other size), with dashes, or wrapped over a line. Reported only
// when the length matches the country and the ISO 7064 mod-97 check gives 1.
import { ibanLength } from "./iban-registry";
import type { DetectionBudget } from "../budget";
import type { Span } from "../span";

const MIN_IBAN_LENGTH = 15;
/** Longest run of separators between two characters of one IBAN ("DE89 3704\n 0044"). */
const MAX_GAP = 4;
/** ISO 7064 MOD 97-10 over an uppercase, space-free IBAN: true when the remainder is 1. */
export function passesIbanChecksum(iban: string): boolean {
  if (iban.length < MIN_IBAN_LENGTH) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      remainder = (remainder * 10 + (code - 48)) % 97;
    } else if (code >= 65 && code <= 90) {
      // Letters count as two digits: A = 10 ... Z = 35.
      remainder = (remainder * 100 + (code - 55)) % 97;
    } else {
      return false;
    }
  }
  return remainder === 1;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigitCode = (code: number) => code >= 48 && code <= 57;
// Space, tab, CR, LF, dash, dot: what people put between the groups of an IBAN.
const isSeparator = (code: number) => code === 32 || code === 9 || code === 13 || code === 10 || code === 45 || code === 46;

/**
 * Reads `length` alphanumerics from `start`, allowing short separator runs between them. Null
 * unless exactly `length` were read and the last is not glued to a further letter or digit.
 */
function readIban(text: string, start: number, length: number, budget?: DetectionBudget): { end: number; compact: string } | null {
  let position = start;
  let compact = "";
  while (compact.length < length && position < text.length) {
    if (budget) budget.steps++;
    const code = text.charCodeAt(position);
    if (isAlphanumeric(code)) {
      compact += text[position];
      position++;
      continue;
    }
    if (compact.length === 0 || !isSeparator(code)) break;
    let gapEnd = position;
    while (gapEnd < text.length && gapEnd - position < MAX_GAP + 1 && isSeparator(text.charCodeAt(gapEnd))) gapEnd++;
    if (gapEnd - position > MAX_GAP || !isAlphanumeric(text.charCodeAt(gapEnd))) break;
    position = gapEnd;
  }
  if (compact.length !== length || isAlphanumeric(text.charCodeAt(position))) return null;
  return { end: position, compact };
}

/** Where an IBAN could start: two letters and two digits, not inside a run of digits. */
function couldStartIban(text: string, at: number): boolean {
  return (
    isLetter(text.charCodeAt(at)) &&
    isLetter(text.charCodeAt(at + 1)) &&
    isDigitCode(text.charCodeAt(at + 2)) &&
    isDigitCode(text.charCodeAt(at + 3)) &&
    !isDigitCode(text.charCodeAt(at - 1))
  );
}

// Candidate starts, found by the regex engine (a few ns a character, where a loop over every
// position cost ~16): two letters then two digits. Two candidates cannot overlap.
const CANDIDATE = /[A-Za-z]{2}[0-9]{2}/g;

export function findIbans(text: string, budget?: DetectionBudget): Span[] {
  const spans: Span[] = [];
  const candidates = new RegExp(CANDIDATE);
  for (let match = candidates.exec(text); match !== null; match = candidates.exec(text)) {
    const at = match.index;
    candidates.lastIndex = at + 1;
    if (budget) budget.steps++;
    if (!couldStartIban(text, at)) continue;
    const length = ibanLength(text.slice(at, at + 2).toUpperCase());
    if (length === undefined) continue;
    const iban = readIban(text, at, length, budget);
    if (iban === null || !passesIbanChecksum(iban.compact.toUpperCase())) continue;
    spans.push([at, iban.end]);
    candidates.lastIndex = iban.end;
  }
  return spans;
}
