import { describe, expect, it } from "vitest";
import { findIbans, passesIbanChecksum } from "./iban";

const matched = (text: string) => findIbans(text).map(([start, end]) => text.slice(start, end));

describe("IBAN detector", () => {
  it.each([
    // Wikipedia "International Bank Account Number" article examples.
    "GB82 WEST 1234 5698 7654 32",
    "DE89 3704 0044 0532 0130 00",
    // SWIFT IBAN Registry examples (as listed in skwasjer/IbanNet SupportedCountries.md).
    "FR14 2004 1010 0505 0001 3M02 606",
    "NL91 ABNA 0417 1643 00",
    "BE68 5390 0754 7034",
    "CH93 0076 2011 6238 5295 7",
    "NO93 8601 1117 947", // shortest (15)
    "LC55 HEMM 0001 0001 0012 0012 0002 3015", // longest (32)
    "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
    "GR16 0110 1250 0000 0001 2300 695",
    // Electronic (compact) form and lowercase, as people paste them.
    "DE89370400440532013000",
    "gb82 west 1234 5698 7654 32",
  ])("finds %s", (iban) => {
    expect(matched(`Please pay to IBAN ${iban}. Thanks`)).toEqual([iban]);
  });

  it.each([
    ["GB82 WEST 1234 5698 7654 33", "Wikipedia GB example, last digit changed"],
    ["DE89 3704 0044 0532 0130 01", "Wikipedia DE example, last digit changed"],
    ["DE98 3704 0044 0532 0130 00", "check digits swapped"],
    ["NL91 ABNA 0417 1643 01", "registry NL example, last digit changed"],
    ["DE89 3704 0044 0532 0130 0", "one character short for DE"],
    ["DE89370400440532013000X", "runs on into a longer token"],
    ["US64 SVBK US6S 3300 9673 86", "the US does not issue IBANs"],
    ["AB12 foo", "letters and digits that only look like a start"],
  ])("ignores %s (%s)", (text) => {
    expect(findIbans(text)).toEqual([]);
  });

  it("reports positions of several IBANs", () => {
    const text = "From DE89370400440532013000 to GB82 WEST 1234 5698 7654 32";
    expect(findIbans(text)).toEqual([
      [5, 27],
      [31, 58],
    ]);
  });

  it("computes ISO 7064 mod-97 on the compact form", () => {
    expect(passesIbanChecksum("GB82WEST12345698765432")).toBe(true);
    expect(passesIbanChecksum("GB82WEST12345698765423")).toBe(false); // two digits transposed
  });
});
