// Payment card corpus. Sources:
//  - Stripe testing docs (docs.stripe.com/testing): cards by brand.
//  - Presidio, presidio-analyzer/tests/test_credit_card_recognizer.py (valid and invalid cards).
//  - PayPal / Braintree sandbox test numbers (developer.paypal.com, Braintree "Testing" guide).
//  - Adyen test card numbers (docs.adyen.com/development-resources/testing/test-card-numbers).
//  - GS1 General Specifications for the EAN-13 / UPC-A false positives (4006381334013 is the
//    EAN-13 on Wikipedia's "International Article Number" page).
//  - The security review of issue 9 for the evasion classes (separators, Unicode, glued, expiry).
import { found, ignored, type CorpusCase } from "./corpus-case";
import { fullWidth, inScript, withLuhnDigit } from "./fake";

const STRIPE = "Stripe test cards";
const PRESIDIO = "Presidio test_credit_card_recognizer.py";
const PAYPAL = "PayPal/Braintree sandbox test cards";
const ADYEN = "Adyen test card numbers";
const REVIEW = "issue 9 security review (evasion class)";
const CONSTRUCTED = "constructed: IIN of the scheme + Luhn check digit";

const published: CorpusCase[] = [
  ...["4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222", "5200828282828210", "5105105105105100", "378282246310005", "371449635398431", "6011111111111117", "6011000990139424", "3056930009020004", "36227206271667", "6555900000604105", "3566002020360505", "6200000000000005", "6205500000000000004"].map((card) =>
    found("payment_card", STRIPE, `Pay with ${card} please`, card),
  ),
  ...["4012888888881881", "4012-8888-8888-1881", "4012 8888 8888 1881", "122000000000003", "5019717010103742", "30569309025904", "6011000400000000", "3528000700000000", "6759649826438453", "4917300800000000", "4484070000000000"].map((card) =>
    found("payment_card", PRESIDIO, `my credit card: ${card}`, card),
  ),
  ...["4111111111111111", "4222222222222", "3530111333300000", "38520000023237", "378734493671000", "6304000000000000"].map((card) => found("payment_card", PAYPAL, `card ${card} on file`, card)),
  ...["5413 3300 8909 9999", "5100 0600 0000 0002", "6000 0707 3616 9237 003", "6799 9989 0000 0099 990", "4151 5000 0000 0008"].map((card) => found("payment_card", ADYEN, `Card: ${card}`, card)),
  // Without barcode words, a Luhn-valid 13-digit number starting 4 may be a Visa card: reported.
  found("payment_card", "Wikipedia 'International Article Number' (same number, no context)", "ref 4006381334013", "4006381334013"),
  found("payment_card", CONSTRUCTED + " (12-digit Maestro)", `Maestro ${withLuhnDigit("67590000001")}`, withLuhnDigit("67590000001")),
  found("payment_card", CONSTRUCTED + " (Mir)", `Mir ${withLuhnDigit("220000000000000")}`, withLuhnDigit("220000000000000")),
];

const card = "4111111111111111";
const grouped = (separator: string) => card.match(/.{4}/g)!.join(separator);

const evasions: CorpusCase[] = [
  ...[".", "/", "_", "\t", "\n", "  ", " - ", "\r\n", "\u00a0", "\u2009", "\u202f", "\u2007", "\u3000", "\u2013", "\u2014", "\u2012", "\u2011", "\u2212", "\ufe63"].map((separator) =>
    found("payment_card", REVIEW, `card ${grouped(separator)} thanks`, grouped(separator)),
  ),
  ...["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"].map((invisible) =>
    found("payment_card", REVIEW, `card ${grouped(invisible)} thanks`, grouped(invisible)),
  ),
  found("payment_card", REVIEW, `card 4${"\u200b"}1${"\u00ad"}11 1111 1111 1111`, `4${"\u200b"}1${"\u00ad"}11 1111 1111 1111`),
  found("payment_card", REVIEW, "digit by digit: 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1", "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"),
  found("payment_card", REVIEW, `full-width ${fullWidth(grouped(" "))}`, fullWidth(grouped(" "))),
  found("payment_card", REVIEW, `Arabic-Indic ${inScript(card, 0x660)}`, inScript(card, 0x660)),
  found("payment_card", REVIEW, `Persian ${inScript(card, 0x6f0)}`, inScript(card, 0x6f0)),
  found("payment_card", REVIEW, `Devanagari ${inScript(grouped(" "), 0x966)}`, inScript(grouped(" "), 0x966)),
  found("payment_card", REVIEW, `Bengali ${inScript(card, 0x9e6)}`, inScript(card, 0x9e6)),
  found("payment_card", REVIEW, `mathematical ${inScript(card, 0x1d7ce)}`, inScript(card, 0x1d7ce)),
  found("payment_card", REVIEW, `underlined ${card.replace(/\d/g, "$&\u0332")}`, card.replace(/\d/g, "$&\u0332")),
  found("payment_card", REVIEW, "card_4242424242424242", "4242424242424242"),
  found("payment_card", REVIEW, "x4111111111111111", "4111111111111111"),
  found("payment_card", REVIEW, "cardnumber4111111111111111exp1229", "4111111111111111"),
  found("payment_card", REVIEW, "4111 1111 1111 1111 12/29", "4111 1111 1111 1111"),
  found("payment_card", REVIEW, "4111 1111 1111 1111 12/29 123", "4111 1111 1111 1111"),
  found("payment_card", REVIEW, "4111111111111111 1229 123", "4111111111111111"),
  found("payment_card", REVIEW, "Amex 3782 822463 10005 exp 04/27 CID 1234", "3782 822463 10005"),
  found("payment_card", REVIEW, "2. 4111 1111 1111 1111", "4111 1111 1111 1111"),
  found("payment_card", REVIEW, "1234 4111 1111 1111 1111", "4111 1111 1111 1111"),
  // Callers join a request's parts with "\n": a number split over two messages is one card.
  found("payment_card", REVIEW, "my card is 4111 1111\n1111 1111", "4111 1111\n1111 1111"),
  found("payment_card", REVIEW, "my card is 4111 1111 \n 1111 1111", "4111 1111 \n 1111 1111"),
  found("payment_card", REVIEW, "two cards: 4111 1111 1111 1111 4242 4242 4242 4242", "4242 4242 4242 4242"),
];

const negatives: CorpusCase[] = [
  ignored("payment_card", PRESIDIO + " (fails Luhn)", "my credit card number is 4012-8888-8888-1882"),
  ignored("payment_card", PRESIDIO + " (fails Luhn)", "my credit card number is 36168002586008"),
  ignored("payment_card", STRIPE + " (incorrect_number: fails Luhn)", "4242424242424241"),
  ignored("payment_card", "Wikipedia 'International Article Number' (EAN-13 with barcode context)", "EAN 4006381334013"),
  ignored("payment_card", "GS1 (EAN-13 with product context)", "product barcode: 4006381334013"),
  ignored("payment_card", "GS1 (GTIN with context)", "GTIN: 4006381334013"),
  ignored("payment_card", "GS1 (SKU with context)", "SKU 4006381334013, qty 2"),
  ...["59", "66", "69", "5900", "6100", "6800", "6900", "5700"].map((prefix) =>
    ignored("payment_card", `${CONSTRUCTED.replace("IIN of the scheme", "no scheme's IIN")} (16-digit order id starting ${prefix})`, `Order ${withLuhnDigit(prefix.padEnd(15, "3"))} shipped`),
  ),
  ignored("payment_card", "a millisecond timestamp", "ts 1710460800000"),
  ignored("payment_card", "a microsecond timestamp", "ts 1710460800000000"),
  ignored("payment_card", "E.164 German mobile (Bundesnetzagentur format)", "+4915112345678"),
  ignored("payment_card", "Wikipedia ISBN article example", "ISBN 978-0-306-40615-7"),
  ignored("payment_card", "RFC 9562 UUID example", "id 123e4567-e89b-12d3-a456-426614174000"),
  ignored("payment_card", "Wikipedia IBAN example", "DE89 3704 0044 0532 0130 00"),
  ignored("payment_card", CONSTRUCTED + " (a float's fraction)", `score 0.${withLuhnDigit("513422818791946")}`),
  ignored("payment_card", "a 20-digit id", "42424242424242421234"),
];

export const PAYMENT_CARD_CORPUS: readonly CorpusCase[] = [...published, ...evasions, ...negatives];
