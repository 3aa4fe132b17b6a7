import { describe, expect, it } from "vitest";
import { NUMBER_TABLE_TRAPS } from "../corpus/number-tables";
import { findPaymentCards, isPaymentCardNumber } from "./payment-card";

const matched = (text: string) => findPaymentCards(text).map(([start, end]) => text.slice(start, end));

describe("payment card detector", () => {
  it.each([
    // Stripe testing docs (docs.stripe.com/testing), cards by brand.
    ["4242424242424242", "Visa"],
    ["4000056655665556", "Visa debit"],
    ["5555555555554444", "Mastercard"],
    ["2223003122003222", "Mastercard 2-series"],
    ["5200828282828210", "Mastercard debit"],
    ["5105105105105100", "Mastercard prepaid"],
    ["378282246310005", "American Express"],
    ["371449635398431", "American Express"],
    ["6011111111111117", "Discover"],
    ["6011981111111113", "Discover debit"],
    ["3056930009020004", "Diners Club"],
    ["36227206271667", "Diners Club 14-digit"],
    ["6555900000604105", "BCcard / DinaCard"],
    ["3566002020360505", "JCB"],
    ["6200000000000005", "UnionPay"],
    ["6205500000000000004", "UnionPay 19-digit"],
    // Adyen POS test card docs (docs.adyen.com/point-of-sale/testing-pos-payments/test-card-v2), printed with spaces.
    ["5413 3300 8909 9999", "Mastercard"],
    ["5100 0600 0000 0002", "Mastercard"],
    ["6000 0707 3616 9237 003", "Maestro 19-digit"],
    ["6799 9989 0000 0099 990", "Maestro"],
    ["4151 5000 0000 0008", "Visa"],
    // Braintree sandbox test cards.
    ["6304000000000000", "Maestro"],
    ["4111111111111111", "Visa"],
    // Authorize.Net sandbox test cards.
    ["4007000000027", "Visa 13-digit"],
    ["370000000000002", "American Express"],
    // Stripe's Amex as printed on the card (4-6-5), and a dashed layout.
    ["3782 822463 10005", "Amex 4-6-5"],
    ["4242-4242-4242-4242", "dashes"],
  ])("finds %s (%s)", (card) => {
    expect(matched(`Card: ${card}, exp 12/29.`)).toEqual([card]);
  });

  it.each([
    ["4242424242424241", "Stripe's incorrect_number card: fails Luhn"],
    ["5555555555554445", "Stripe Mastercard, last digit changed"],
    ["378282246310006", "Stripe Amex, last digit changed"],
    ["6011111111121117", "Stripe Discover, a middle digit changed"],
    ["3566002020360506", "Stripe JCB, last digit changed"],
    ["1234567812345670", "Luhn-valid but no card scheme starts with 1"],
    ["42424242424242421234", "card digits inside a 20-digit run"],
    ["+4915112345678", "a German mobile in E.164 that happens to pass Luhn"],
    ["1710460800000", "a millisecond timestamp"],
    ["978-0-306-40615-7", "ISBN-13 (Wikipedia ISBN article example)"],
    ["DE89 3704 0044 0532 0130 00", "an IBAN's digits (Wikipedia IBAN example)"],
    ["123e4567-e89b-12d3-a456-426614174000", "a UUID (RFC 9562 example)"],
    ["3.4242424242424242", "a decimal fraction"],
  ])("ignores %s (%s)", (text) => {
    expect(findPaymentCards(text)).toEqual([]);
  });

  it("reports [start, end) offsets for each card", () => {
    const text = "Pay with 4242 4242 4242 4242 or 5555555555554444.";
    expect(findPaymentCards(text)).toEqual([
      [9, 28],
      [32, 48],
    ]);
  });

  it("checks scheme length, not just prefix and Luhn", () => {
    // A Luhn-valid 16-digit number with an Amex prefix: Amex numbers are 15 digits.
    expect(isPaymentCardNumber("3782822463100005")).toBe(false);
    expect(isPaymentCardNumber("378282246310005")).toBe(true);
  });

  it.each([
    ["41111111 1111 1111", "8-4-4, the reported gap once the zero-width space is removed"],
    ["41 11111111111111", "2-14"],
    ["411 111 111 111 1111", "3-3-3-3-4"],
    ["4111 11111111 1111", "4-8-4"],
    ["37 8282246310005", "Amex 2-13"],
    ["62055000 00000000 004", "UnionPay 19 as 8-8-3"],
    ["41111111,1111,1111", "commas"],
    ["41111111\n1111 1111", "over two lines"],
    ["41111111\n        1111\n        1111", "indented lines"],
  ])("finds %s alone, in any grouping (%s)", (card) => {
    expect(matched(`Card: ${card}; thanks`)).toEqual([card]);
  });

  it("reads a card before its expiry and CVV, after a list marker, and several in a row", () => {
    expect(matched("41111111 1111 1111 12/29 123")).toEqual(["41111111 1111 1111"]);
    expect(matched("2. 41111111 1111 1111")).toEqual(["41111111 1111 1111"]);
    expect(matched("41111111 1111 1111 5555 55555555 4444")).toEqual(["41111111 1111 1111", "5555 55555555 4444"]);
  });

  it.each([
    ["41111111 1111 1111 2029", "a free grouping with a number after it that is no expiry"],
    ["41111111-1111 1111", "a free grouping with two kinds of separator"],
    ["4111111 1 1111 1111 1", "one-digit groups inside a free grouping"],
    ["41.11111111111111", "a decimal number"],
    ["4,111,111,111,111,111", "an amount with thousands separators"],
    ["1.2.840.113549.1.1.13", "an OID"],
  ])("does not read %s as a card (%s)", (text) => {
    // Each holds a card-valid window of whole groups; the rules, not the checksum, keep it out.
    const groups = text.match(/\d+/g) ?? [];
    const windows = groups.flatMap((_, first) => groups.slice(first).map((__, length) => groups.slice(first, first + length + 1).join("")));
    expect(windows.some(isPaymentCardNumber)).toBe(true);
    expect(findPaymentCards(text)).toEqual([]);
  });

  it.each(NUMBER_TABLE_TRAPS.map(([text, window, what]) => [what, text, window] as const))("a table's card-valid window is no card: %s", (_what, text, window) => {
    // The row is a real trap: a window of whole digit groups passes IIN, length and Luhn.
    expect(text).toContain(window);
    expect(isPaymentCardNumber(window.replace(/\D/g, ""))).toBe(true);
    expect(findPaymentCards(text)).toEqual([]);
  });
});
