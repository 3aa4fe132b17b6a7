// IBANs (ISO 13616): country code, two check digits, then the country's BBAN, written
// compactly or in groups of four separated by single spaces. Reported only when the length
// matches the country and the ISO 7064 mod-97 check gives 1.
import { ibanLength } from "./iban-registry";
import type { Span } from "./span";

// Finds where an IBAN could start; the rest is walked by hand so the country's fixed length
// decides where it ends (a regex would happily run on into the next word).
const IBAN_START = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}/g;
const MIN_IBAN_LENGTH = 15;

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

/**
 * Reads `length` alphanumerics from `start`, either with no spaces or with one space after
 * every fourth character (the print format). Null when the text does not hold an IBAN of
 * exactly that length there.
 */
function readIban(text: string, start: number, length: number): { end: number; compact: string } | null {
  for (const grouped of [false, true]) {
    let position = start;
    let compact = "";
    while (compact.length < length && position < text.length) {
      if (grouped && compact.length > 0 && compact.length % 4 === 0) {
        if (text[position] !== " ") break;
        position++;
      }
      const code = text.charCodeAt(position);
      if (!isAlphanumeric(code)) break;
      compact += text[position];
      position++;
    }
    // The IBAN must end there: a following letter or digit means a longer token.
    const next = position < text.length ? text.charCodeAt(position) : -1;
    if (compact.length === length && !isAlphanumeric(next)) return { end: position, compact };
  }
  return null;
}

export function findIbans(text: string): Span[] {
  const spans: Span[] = [];
  IBAN_START.lastIndex = 0;
  for (let match = IBAN_START.exec(text); match !== null; match = IBAN_START.exec(text)) {
    const length = ibanLength(match[0].slice(0, 2).toUpperCase());
    if (length === undefined) continue;
    const iban = readIban(text, match.index, length);
    if (iban === null || !passesIbanChecksum(iban.compact.toUpperCase())) continue;
    spans.push([match.index, iban.end]);
    IBAN_START.lastIndex = iban.end;
  }
  return spans;
}
