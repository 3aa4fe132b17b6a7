// Payment card numbers (PANs): 13-19 digits, optionally grouped by single spaces or dashes,
// with a known issuer prefix (IIN) and a valid Luhn check digit. A number that fails Luhn
// is a typo or an ID, not a card, and is not reported.
import { passesLuhn } from "./luhn";
import type { Span } from "./span";

interface CardScheme {
  name: string;
  /** Inclusive IIN ranges compared on the leading digits, e.g. ["2221", "2720"]. */
  ranges: Array<[from: string, to: string]>;
  lengths: readonly number[];
}

const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19] as const;

// Maestro is deliberately broad (50, 56-69): issuers use many BINs in that space (Adyen's
// test card starts 6000). Missing a card sends it to a tier it may not reach; a spurious hit
// only keeps a request on a safer tier, so the wider net is the cheaper mistake.
const CARD_SCHEMES: readonly CardScheme[] = [
  { name: "Visa", ranges: [["4", "4"]], lengths: [13, 16, 19] },
  { name: "Mastercard", ranges: [["51", "55"], ["2221", "2720"]], lengths: [16] },
  { name: "American Express", ranges: [["34", "34"], ["37", "37"]], lengths: [15] },
  { name: "Discover", ranges: [["6011", "6011"], ["644", "649"], ["65", "65"]], lengths: SIXTEEN_TO_NINETEEN },
  { name: "JCB", ranges: [["3528", "3589"]], lengths: SIXTEEN_TO_NINETEEN },
  {
    name: "Diners Club",
    ranges: [["300", "305"], ["3095", "3095"], ["36", "36"], ["38", "39"]],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { name: "UnionPay", ranges: [["62", "62"]], lengths: SIXTEEN_TO_NINETEEN },
  { name: "Mir", ranges: [["2200", "2204"]], lengths: SIXTEEN_TO_NINETEEN },
  { name: "Maestro", ranges: [["50", "50"], ["56", "69"]], lengths: [13, 14, 15, 16, 17, 18, 19] },
];

// One digit, then 12-18 more each optionally preceded by one space or dash. The lookarounds
// keep a card from being carved out of a longer run: no word character or "digit + separator"
// may touch either end, so 20-digit IDs, IBAN tails and decimals are never split into a card,
// and a leading "+" marks an international phone number, not a card.
const CARD_CANDIDATE = /(?<![\w+]|\d[ .-])\d(?:[ -]?\d){12,18}(?!\w|[ .-]\d)/g;
const SEPARATORS = /[ -]/g;

function inRange(digits: string, [from, to]: [string, string]): boolean {
  const prefix = Number(digits.slice(0, from.length));
  return prefix >= Number(from) && prefix <= Number(to);
}

/** True for 13-19 ASCII digits with a known scheme prefix, a length that scheme issues, and a valid Luhn digit. */
export function isPaymentCardNumber(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  const scheme = CARD_SCHEMES.some(
    (candidate) => candidate.lengths.includes(digits.length) && candidate.ranges.some((range) => inRange(digits, range)),
  );
  return scheme && passesLuhn(digits);
}

export function findPaymentCards(text: string): Span[] {
  const spans: Span[] = [];
  CARD_CANDIDATE.lastIndex = 0;
  for (let match = CARD_CANDIDATE.exec(text); match !== null; match = CARD_CANDIDATE.exec(text)) {
    if (isPaymentCardNumber(match[0].replace(SEPARATORS, ""))) {
      spans.push([match.index, match.index + match[0].length]);
    }
  }
  return spans;
}
