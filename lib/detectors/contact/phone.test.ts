import { describe, expect, it } from "vitest";
import { findPhoneNumbers } from "./phone";

const matched = (text: string) => findPhoneNumbers(text).map(([start, end]) => text.slice(start, end));

describe("phone detector", () => {
  it.each([
    // Ofcom "Telephone numbers for drama purposes": London 020 7946 0000-0999, Manchester
    // 0161 496 0000-0999, mobile 07700 900000-900999 (07700 900461 is Doctor Who's number).
    ["020 7946 0958", "UK London, national"],
    ["+44 20 7946 0958", "UK London, international"],
    ["+44 (0)20 7946 0018", "UK with the (0) trunk digit"],
    ["0161 496 0000", "UK Manchester"],
    ["07700 900461", "UK mobile"],
    // NANP: 555-0100 to 555-0199 are reserved for fictional use in every area code.
    ["(555) 123-4567", "US with parentheses (format from the brief)"],
    ["555-123-4567", "US dashed (format from the brief)"],
    ["212-555-0199", "US fiction range"],
    ["212.555.0123", "US dotted"],
    ["+1 (212) 555-0142", "US international"],
    ["1-800-555-0199", "US toll-free with the 1 prefix"],
    // Bundesnetzagentur drama numbers ("Drama Numbers"): Berlin (0)30 23125 000-999,
    // Cologne (0)221 4710 000-999.
    ["030 23125 000", "DE Berlin"],
    ["+49 30 23125 456", "DE Berlin, international"],
    ["(0221) 4710 123", "DE Cologne, area code in parentheses"],
    ["030/23125789", "DE with a slash"],
    ["+49 30 123456", "DE layout from the brief"],
    ["+4915112345678", "DE mobile in E.164, no separators"],
    // French layout from the brief (groups of two).
    ["01 23 45 67 89", "FR national"],
    ["+33 1 23 45 67 89", "FR international"],
    // ACMA fictitious numbers for film and television (mobile 0491 570 xxx).
    ["0491 570 156", "AU mobile"],
    ["+61 491 570 156", "AU mobile, international"],
    ["0044 20 7946 0958", "UK with the 00 international prefix"],
  ])("finds %s (%s)", (phone) => {
    expect(matched(`Reach me on ${phone} after 5pm.`)).toEqual([phone]);
  });

  it.each([
    ["Phone: 2125550123", "2125550123"],
    ["tel. 07700900461", "07700900461"],
    ["Mobile #: +447700900461", "+447700900461"],
    ["call 555-0123 tonight", "555-0123"],
    ["Telefon: 03023125000", "03023125000"],
  ])("after a cue word, finds bare digits in %j", (text, phone) => {
    expect(matched(text)).toEqual([phone]);
  });

  it.each([
    ["Released on 2024-03-15.", "ISO date"],
    ["Released on 15.03.2024 at 10:30.", "European date and time"],
    ["Due 03/15/2024 10:30", "US date followed by a time"],
    ["Host 192.168.100.200 and 10.0.0.1", "IPv4 addresses"],
    ["Upgrade to v18.19.1 or 1.2.3.4", "version numbers"],
    ["Order #555-123-4567 shipped", "an order number after #"],
    ["Invoice no. 0123 4567 8901", "an invoice number"],
    ["Card 4242 4242 4242 4242", "a payment card (Stripe test card)"],
    ["Card 5100 0600 0000 0002", "a card whose groups start with 0 (Adyen test card)"],
    ["IBAN DE89 3704 0044 0532 0130 00", "an IBAN (Wikipedia example)"],
    ["SSN 078-05-1120", "an SSN (the Woolworth's wallet number)"],
    ["ISBN 978-0-306-40615-7", "an ISBN-13"],
    ["id 123e4567-e89b-12d3-a456-426614174000", "a UUID"],
    ["commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904", "a git SHA (git's empty tree)"],
    ["It costs $1,299.00 or 0.99 per unit", "prices"],
    ["Order 123-456-7890", "a dashed ID whose area code would start with 1"],
    ["ts 1710460800", "a Unix timestamp without a cue word"],
    ["call 2 times", "a cue word without a number"],
    ["moved to a single call.\n- 2559173: fix", "a cue word on the line before a commit hash"],
  ])("ignores %j (%s)", (text) => {
    expect(findPhoneNumbers(text)).toEqual([]);
  });

  it("reports [start, end) offsets", () => {
    const text = "UK 020 7946 0958, US (555) 123-4567";
    expect(findPhoneNumbers(text)).toEqual([
      [3, 16],
      [21, 35],
    ]);
  });
});
