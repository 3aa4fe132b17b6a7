// Which issuer prefixes (IINs) and lengths belong to a payment card scheme. A number outside
// every range is not a card however it checks out: that is what keeps 16-digit order ids
// starting 59, 66 or 69 from reading as cards.
//
// Source: Wikipedia "Payment card number", table "Issuer identification number (IIN)"
// (ISO/IEC 7812 ranges as published by the networks), checked against the networks' published
// test cards in corpus/payment-cards.ts. Indonesia's GPN (50, 56, 58, 60-63) is left out on
// purpose: its cards are co-branded on the ranges below, and its broad prefixes are exactly the
// ones that made order ids look like cards.

export interface CardScheme {
  name: string;
  /** Inclusive prefix ranges compared on the leading digits, e.g. ["2221", "2720"]. */
  ranges: ReadonlyArray<readonly [from: string, to: string]>;
  lengths: readonly number[];
}

const lengths = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);

export const CARD_SCHEMES: readonly CardScheme[] = [
  { name: "Visa", ranges: [["4", "4"]], lengths: [13, 16, 19] },
  { name: "Mastercard", ranges: [["51", "55"], ["2221", "2720"]], lengths: [16] },
  { name: "American Express", ranges: [["34", "34"], ["37", "37"]], lengths: [15] },
  { name: "Diners Club International", ranges: [["36", "36"]], lengths: lengths(14, 19) },
  { name: "Diners Club Carte Blanche", ranges: [["300", "305"]], lengths: lengths(14, 19) },
  { name: "Diners Club (Discover network)", ranges: [["3095", "3095"], ["38", "39"]], lengths: lengths(14, 19) },
  { name: "Discover", ranges: [["6011", "6011"], ["644", "649"], ["65", "65"], ["622126", "622925"]], lengths: lengths(16, 19) },
  { name: "JCB", ranges: [["3528", "3589"]], lengths: lengths(16, 19) },
  { name: "UnionPay", ranges: [["62", "62"], ["81", "81"]], lengths: lengths(16, 19) },
  {
    name: "Maestro",
    // 6000, 6771 and 6799 are the prefixes of Maestro test cards (Adyen's test card list).
    ranges: [["6000", "6000"], ["5018", "5018"], ["5020", "5020"], ["5038", "5038"], ["5893", "5893"], ["6304", "6304"], ["6759", "6759"], ["6761", "6763"], ["6771", "6771"], ["6799", "6799"]],
    lengths: lengths(12, 19),
  },
  { name: "Dankort", ranges: [["5019", "5019"]], lengths: [16] },
  { name: "Mir", ranges: [["2200", "2204"]], lengths: lengths(16, 19) },
  { name: "BORICA", ranges: [["2205", "2205"]], lengths: [16] },
  { name: "RuPay", ranges: [["60", "60"], ["65", "65"], ["81", "82"], ["508", "508"], ["353", "353"], ["356", "356"]], lengths: [16] },
  { name: "Troy", ranges: [["9792", "9792"]], lengths: [16] },
  { name: "Verve", ranges: [["506099", "506198"], ["507865", "507964"], ["650002", "650027"]], lengths: [16, 18, 19] },
  { name: "InterPayment", ranges: [["636", "636"]], lengths: lengths(16, 19) },
  { name: "InstaPayment", ranges: [["637", "639"]], lengths: [16] },
  { name: "LankaPay", ranges: [["357111", "357111"]], lengths: [16] },
  { name: "UzCard", ranges: [["8600", "8600"]], lengths: [16] },
  { name: "Humo", ranges: [["9860", "9860"]], lengths: [16] },
  { name: "GPN (own range)", ranges: [["1946", "1946"]], lengths: [16, 18, 19] },
  { name: "UATP", ranges: [["1", "1"]], lengths: [15] },
];

/** The longest prefix any range compares. */
export const IIN_DIGITS = 6;

interface IinRange {
  /** The range as six-digit bounds: ["51", "55"] is 510000..559999. */
  low: number;
  high: number;
  scheme: CardScheme;
}

// The ranges of the schemes that issue each length, in CARD_SCHEMES order: the card detector
// asks for every window of every digit group, so this is numbers compared, not strings sliced.
const RANGES_BY_LENGTH: IinRange[][] = Array.from({ length: 20 }, (_, length) =>
  CARD_SCHEMES.filter((scheme) => scheme.lengths.includes(length)).flatMap((scheme) =>
    scheme.ranges.map(([from, to]) => {
      const scale = 10 ** (IIN_DIGITS - from.length);
      return { low: Number(from) * scale, high: (Number(to) + 1) * scale - 1, scheme };
    }),
  ),
);

/** The scheme that issues `digits` (ASCII digits, no separators) at this length, if any. */
export function cardSchemeOf(digits: string): CardScheme | undefined {
  return digits.length < IIN_DIGITS ? undefined : cardSchemeFor(Number(digits.slice(0, IIN_DIGITS)), digits.length);
}

/** The scheme that issues numbers of `length` digits whose first IIN_DIGITS digits are `prefix`, if any. */
export function cardSchemeFor(prefix: number, length: number): CardScheme | undefined {
  for (const range of RANGES_BY_LENGTH[length] ?? []) if (prefix >= range.low && prefix <= range.high) return range.scheme;
  return undefined;
}
