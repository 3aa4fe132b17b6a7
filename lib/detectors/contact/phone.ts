// Phone numbers, international and the common national formats.
//
// The trade-off: numbers are everywhere in prompts (dates, versions, IPs, order and invoice
// numbers, prices, card and account numbers), and a phone number has no checksum. So a bare
// run of digits is reported only after a cue word ("phone", "tel", "call", "mobile", "fax", ...);
// without a cue a number must look like a phone number as people write one:
//   - international: "+" (or "00") and a country code, groups split by space, dot, dash, slash,
//     optionally "(0)" or "(555)": +44 20 7946 0958, +1 (555) 123-4567, +49 30 123456, +4915112345678
//   - North American: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-0199
//   - trunk-prefix national (UK, DE, FR and most of Europe, AU): a leading 0, 9-12 digits in
//     separated groups: 020 7946 0958, 0161 496 0000, 030 23125 000, (0221) 4710 123, 01 23 45 67 89
// and must not touch another digit group, a word, a dot or a dash (so card, IBAN, UUID, IP and
// version fragments never qualify), nor read as a date, an SSN (3-2-4), a Luhn-valid card, or
// follow "order", "invoice", "ref", "#", ... We accept missing some real numbers (bare national
// digits with no cue, "07700900461"; a number glued to a preceding digit group, "ext 12 020 7946
// 0958") to keep those false positives down.
//
// Linear by construction: every quantifier in these patterns is bounded and the lookbehinds
// have a fixed width, so a match attempt at one position explores a bounded number of paths
// (phone.test.ts checks the sources). They run on the normalised text, where every Unicode
// dash and space is already "-" and " ".
import { isPaymentCardNumber } from "../numbers/payment-card";
import { mergeSpans, type Span } from "../span";

const BEFORE = String.raw`(?<![\w+.\-/]|\d[ .\-/])`;
const AFTER = String.raw`(?![\w+]|[.\-/]\d)`;

const INTERNATIONAL = String.raw`(?:\+|\b00)[1-9]\d{0,14}(?:[ .\-/]?\(\d{1,5}\)[ .\-/]?\d{1,6})?(?:[ .\-/]\d{1,6}){0,8}`;
// Area codes never start with 0 or 1, which keeps "123-456-7890"-style IDs out; exchanges are
// not checked because fiction and examples routinely use "555-123-4567".
const NORTH_AMERICAN = String.raw`(?:1[ .\-])?(?:\([2-9]\d{2}\)[ .\-]?|[2-9]\d{2}[ .\-])\d{3}[ .\-]\d{4}`;
const TRUNK_PREFIX = String.raw`(?:\(0[1-9]\d{0,4}\)|0[1-9]\d{0,4})(?:[ .\-/]\d{2,8}){1,5}`;

// Group 1 is the international shape (digit count checked below); the rest are fixed.
const SHAPED_PHONE = new RegExp(`${BEFORE}(?:(${INTERNATIONAL})|${NORTH_AMERICAN}|${TRUNK_PREFIX})${AFTER}`, "g");

// After a cue on the same line, any 7-15 digit run (optionally +) counts, as does a 7-digit
// local "555-0123".
const CUE = String.raw`\b(?:phone|telephone|tel|mobile|mob|cell|cellphone|call|fax|whatsapp|sms|telefon|handy|t[ée]l[ée]phone|t[ée]l|portable|ph)\b\.?(?:[ \t]{0,4}(?:no\.?|nr\.?|number|num|#))?[ \t]{0,4}[:#=\-]?[ \t]{0,4}`;
const CUED_PHONE = new RegExp(`${CUE}(\\+?\\d{7,15}|[2-9]\\d{2}[ .\\-]\\d{4})(?![\\w+]|[.\\-/]?\\d)`, "gid");

// Words that say the number that follows is something else.
const NOT_A_PHONE_BEFORE =
  /(?:\b(?:order|invoice|inv|ref|reference|ticket|tracking|case|sku|po|serial|account|acct|id|isbn|issn|version|ver|build|release|item|part|transaction|txn)\b\.?\s{0,4}(?:no\.?|nr\.?|number|num|#)?|#|№)\s{0,4}[:#=\-]?\s{0,4}$/i;
// 15.03.2024, 03/15/24, 2024-03-15 at the start of a candidate (a time may follow).
const DAY_MONTH_YEAR = /^(\d{1,2})([.\-/])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d)/;
const YEAR_MONTH_DAY = /^(?:19|20)\d{2}([.\-/])(\d{1,2})\1(\d{1,2})(?!\d)/;
const SSN_LIKE = /^\d{3}([- ])\d{2}\1\d{4}$/;
const LOOKBACK_CHARS = 24;

function digitsOf(candidate: string): string {
  return candidate.replace(/\D/g, "");
}

function looksLikeDate(candidate: string): boolean {
  const dmy = DAY_MONTH_YEAR.exec(candidate);
  if (dmy !== null) {
    const [first, second] = [Number(dmy[1]), Number(dmy[3])];
    // Day-month or month-day: either way one part is a month.
    return first >= 1 && second >= 1 && Math.min(first, second) <= 12 && Math.max(first, second) <= 31;
  }
  const ymd = YEAR_MONTH_DAY.exec(candidate);
  return ymd !== null && Number(ymd[2]) >= 1 && Number(ymd[2]) <= 12 && Number(ymd[3]) >= 1 && Number(ymd[3]) <= 31;
}

function isShapedPhone(text: string, match: RegExpExecArray): boolean {
  const candidate = match[0];
  const digits = digitsOf(candidate);
  const international = match[1] !== undefined;
  if (international ? digits.length < 8 || digits.length > 17 : digits.length < 9 || digits.length > 13) return false;
  if (looksLikeDate(candidate.replace(/^\+/, "")) || SSN_LIKE.test(candidate)) return false;
  // "+" is stronger evidence than a Luhn digit: +49 151 ... numbers can pass Luhn as a 13-digit Visa.
  if (!candidate.startsWith("+") && isPaymentCardNumber(digits)) return false;
  return !NOT_A_PHONE_BEFORE.test(text.slice(Math.max(0, match.index - LOOKBACK_CHARS), match.index));
}

/** Every pattern run over the prompt, for the bounded-quantifier check in phone.test.ts. */
export const PHONE_PATTERNS: readonly RegExp[] = [SHAPED_PHONE, CUED_PHONE];

export function findPhoneNumbers(text: string): Span[] {
  const spans: Span[] = [];
  SHAPED_PHONE.lastIndex = 0;
  for (let match = SHAPED_PHONE.exec(text); match !== null; match = SHAPED_PHONE.exec(text)) {
    if (isShapedPhone(text, match)) spans.push([match.index, match.index + match[0].length]);
  }
  CUED_PHONE.lastIndex = 0;
  for (let match = CUED_PHONE.exec(text); match !== null; match = CUED_PHONE.exec(text)) {
    const number = match.indices?.[1];
    if (number === undefined || isPaymentCardNumber(digitsOf(match[1] ?? ""))) continue;
    spans.push([number[0], number[1]]);
  }
  return mergeSpans(spans);
}
