// Payment card corpus, part two: a careful attacker's ways of writing a card number that a
// person or a model still reads back as the number — any grouping, any separator, other
// scripts' digits, split over lines or JSON items, with a list marker or an expiry around it.
// Source: the security review of the gap where "4111<U+200B>1111 1111 1111" in a Responses
// function_call_output was classed internal (normalisation removes the zero-width space, which
// leaves an 8-4-4 grouping the printed-layout rule did not read). Every card is a published test
// card or an IIN of its scheme completed with a Luhn digit.
import { found, type CorpusCase } from "./corpus-case";
import { fullWidth, inScript, withLuhnDigit } from "./fake";

const REVIEW = "security review: a card in any layout (the 8-4-4 gap)";

const VISA = "4111111111111111";
const AMEX = "378282246310005";
const cut = (card: string, ...sizes: number[]) => {
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) groups.push(card.slice(at, (at += size)));
  if (at < card.length) groups.push(card.slice(at));
  return groups;
};
const written = (card: string, separator: string, ...sizes: number[]) => cut(card, ...sizes).join(separator);

/** [card, group sizes, what it is]: groupings people and models read as one number. */
const GROUPINGS: Array<[string, number[], string]> = [
  [VISA, [8, 4], "Visa 8-4-4"],
  [VISA, [4, 4, 8], "Visa 4-4-8"],
  [VISA, [8], "Visa 8-8"],
  [VISA, [4], "Visa 4-12"],
  [VISA, [12], "Visa 12-4"],
  [VISA, [2], "Visa 2-14"],
  [VISA, [1], "Visa 1-15"],
  [VISA, [6], "Visa 6-10"],
  [VISA, [5, 5], "Visa 5-5-6"],
  [VISA, [3, 3, 3, 3], "Visa 3-3-3-3-4"],
  [VISA, [6, 6], "Visa 6-6-4"],
  [VISA, [3, 5, 4], "Visa 3-5-4-4"],
  ["5555555555554444", [8, 4], "Mastercard 8-4-4"],
  ["2223003122003222", [2], "Mastercard 2-series 2-14"],
  [AMEX, [2], "Amex 2-13"],
  [AMEX, [5, 5], "Amex 5-5-5"],
  [AMEX, [4, 4, 4], "Amex 4-4-4-3"],
  ["6011111111111117", [8, 4], "Discover 8-4-4"],
  ["36227206271667", [4, 4], "Diners 14-digit 4-4-6"],
  ["3566002020360505", [8], "JCB 8-8"],
  ["6205500000000000004", [8, 8], "UnionPay 19-digit 8-8-3"],
  ["6205500000000000004", [6, 6], "UnionPay 19-digit 6-6-7"],
  [withLuhnDigit("67590000001"), [4], "Maestro 12-digit 4-8"],
  [withLuhnDigit("220000000000000"), [8, 4], "Mir 8-4-4"],
];

/** Separators of every kind, between the groups of an irregular layout. */
const SEPARATORS: Array<[string, string]> = [
  [" ", "space"],
  ["  ", "two spaces"],
  ["\t", "tab"],
  ["-", "hyphen"],
  [" - ", "spaced hyphen"],
  ["\u2013", "en dash"],
  ["\u2014", "em dash"],
  ["\u2212", "minus sign"],
  ["\u2010", "Unicode hyphen"],
  ["\uff0d", "full-width hyphen"],
  [".", "dot"],
  ["/", "slash"],
  [",", "comma"],
  [", ", "comma and space"],
  ["_", "underscore"],
  ["\u00a0", "no-break space"],
  ["\u2009", "thin space"],
  ["\u202f", "narrow no-break space"],
  ["\u3000", "ideographic space"],
  ["\u00b7", "middle dot"],
  ["\u2022", "bullet"],
  ["\u30fb", "katakana middle dot"],
  ["\u2044", "fraction slash"],
  ["\u2800", "braille blank"],
  ["\n", "line break"],
  ["\r\n", "CRLF"],
  ["\u2028", "line separator"],
  ["\u0085", "next line"],
  ["\u200b", "zero-width space"],
  ["\u200b \u200b", "space between zero-width spaces"],
  ["      ", "a column gap"],
  ["\n        ", "a line break and indentation"],
];

const ZWSP = "\u200b";
const KEYCAPS = written(VISA, " ", 8, 4).replace(/\d/g, "$&\ufe0f\u20e3");

const layouts: CorpusCase[] = [
  // The case as reported: the zero-width space is removed, which leaves 8-4-4.
  found("payment_card", REVIEW + " (as reported)", `function_call_output: card 4111${ZWSP}1111 1111 1111`, `4111${ZWSP}1111 1111 1111`),
  found("payment_card", REVIEW, "41111111 1111 1111", "41111111 1111 1111"),
  ...GROUPINGS.map(([card, sizes, what]) => found("payment_card", `${REVIEW} (${what})`, `card: ${written(card, " ", ...sizes)} thanks`, written(card, " ", ...sizes))),
  ...SEPARATORS.map(([separator, what]) => found("payment_card", `${REVIEW} (8-4-4, ${what})`, `card ${written(VISA, separator, 8, 4)} ok`, written(VISA, separator, 8, 4))),
  ...SEPARATORS.map(([separator, what]) => found("payment_card", `${REVIEW} (3-3-3-3-4, ${what})`, `pay ${written(VISA, separator, 3, 3, 3, 3)}`, written(VISA, separator, 3, 3, 3, 3))),
  // 4-4-4-4 with a different separator in every gap.
  found("payment_card", REVIEW + " (4-4-4-4, mixed separators)", "card 4111-1111 1111.1111", "4111-1111 1111.1111"),
  found("payment_card", REVIEW + " (4-4-4-4, mixed Unicode separators)", "card 4111\u00a01111\u20131111\u200b \u20091111", "4111\u00a01111\u20131111\u200b \u20091111"),
  found("payment_card", REVIEW + " (4-4-4-4, comma, slash and line break)", "card 4111,1111/1111\n1111", "4111,1111/1111\n1111"),
  // Digits of other scripts and compatibility forms, irregular layout.
  found("payment_card", REVIEW + " (full-width 8-4-4)", `card ${fullWidth(written(VISA, " ", 8, 4))}`, fullWidth(written(VISA, " ", 8, 4))),
  ...[
    [0x660, "Arabic-Indic"],
    [0x6f0, "Persian"],
    [0x966, "Devanagari"],
    [0xe50, "Thai"],
    [0x17e0, "Khmer"],
    [0x1040, "Myanmar"],
    [0x1d7ce, "mathematical bold"],
    [0x1e950, "Adlam"],
  ].map(([zero, script]) =>
    found("payment_card", `${REVIEW} (${script} digits, 8-4-4)`, `card ${inScript(written(VISA, " ", 8, 4), zero as number)}`, inScript(written(VISA, " ", 8, 4), zero as number)),
  ),
  found("payment_card", REVIEW + " (Arabic-Indic and ASCII digits mixed)", `card ${inScript("4111", 0x660)}1111 ${inScript("1111", 0x966)} 1111`, `${inScript("4111", 0x660)}1111 ${inScript("1111", 0x966)} 1111`),
  found("payment_card", REVIEW + " (superscript digits)", "card ⁴¹¹¹¹¹¹¹ ¹¹¹¹ ¹¹¹¹", "⁴¹¹¹¹¹¹¹ ¹¹¹¹ ¹¹¹¹"),
  found("payment_card", REVIEW + " (circled digits)", "card ④①①①①①①① ①①①① ①①①①", "④①①①①①①① ①①①① ①①①①"),
  found("payment_card", REVIEW + " (dingbat negative circled digits)", "card ❹❶❶❶❶❶❶❶ ❶❶❶❶ ❶❶❶❶", "❹❶❶❶❶❶❶❶ ❶❶❶❶ ❶❶❶❶"),
  // The finding ends at the last digit: the keycap's marks after it are not part of the number.
  found("payment_card", REVIEW + " (keycap digits)", `card ${KEYCAPS}`, KEYCAPS.slice(0, -2)),
  // Split over lines and JSON items of one message.
  found("payment_card", REVIEW + " (over two lines)", "my card is 41111111\n1111 1111", "41111111\n1111 1111"),
  found("payment_card", REVIEW + " (over three lines)", "card:\n4111\n111111111111", "4111\n111111111111"),
  found("payment_card", REVIEW + " (JSON array of strings)", '{"card": ["41111111", "1111", "1111"]}', '41111111", "1111", "1111'),
  found("payment_card", REVIEW + " (JSON array of numbers)", '{"card": [4111, 1111, 1111, 1111]}', "4111, 1111, 1111, 1111"),
  found("payment_card", REVIEW + " (pretty-printed JSON array)", '{\n  "card": [\n    "41111111",\n    "11111111"\n  ]\n}', '41111111",\n    "11111111'),
  found("payment_card", REVIEW + " (CSV cells)", "name,card\nAda,\"4111\",\"1111\",\"1111\",\"1111\"", '4111","1111","1111","1111'),
  found("payment_card", REVIEW + " (semicolons)", "card 41111111;1111;1111", "41111111;1111;1111"),
  // With what people write around a card.
  found("payment_card", REVIEW + " (expiry after)", "card 41111111 1111 1111 12/29", "41111111 1111 1111"),
  found("payment_card", REVIEW + " (expiry and CVV after)", "card 41111111 1111 1111 12/2029 123", "41111111 1111 1111"),
  found("payment_card", REVIEW + " (spaced expiry)", "card 41 11111111111111 01 / 30", "41 11111111111111"),
  found("payment_card", REVIEW + " (list marker)", "1. 41111111 1111 1111", "41111111 1111 1111"),
  found("payment_card", REVIEW + " (list marker, expiry)", "cards:\n1. 41111111 1111 1111 12/29\n2. 55555555 5555 4444 01/30", "41111111 1111 1111"),
];

const twoCards = (source: string, text: string, first: string, second: string): CorpusCase[] => [
  { detector: "payment_card", text, value: first, source },
  { detector: "payment_card", text, value: second, at: text.lastIndexOf(second), source },
];

export const PAYMENT_CARD_LAYOUT_CORPUS: readonly CorpusCase[] = [
  ...layouts,
  ...twoCards(REVIEW + " (two cards, one line)", "41111111 1111 1111 55555555 5555 4444", "41111111 1111 1111", "55555555 5555 4444"),
  ...twoCards(REVIEW + " (one card a line)", "41111111 1111 1111\n55555555 5555 4444\n", "41111111 1111 1111", "55555555 5555 4444"),
  ...twoCards(REVIEW + " (a list)", "41111111 1111 1111, 5555 55555555 4444", "41111111 1111 1111", "5555 55555555 4444"),
  ...twoCards(REVIEW + " (second card of a numbered list)", "cards:\n1. 41111111 1111 1111 12/29\n2. 55555555 5555 4444 01/30", "41111111 1111 1111", "55555555 5555 4444"),
];
