import { describe, expect, it } from "vitest";
import { passesLuhn } from "./luhn";

describe("passesLuhn", () => {
  it.each([
    // Wikipedia "Luhn algorithm" worked example: account 7992739871, check digit 3.
    ["79927398713", true],
    ["79927398710", false],
    // Stripe testing docs: 4242... passes; 4242424242424241 is Stripe's "incorrect_number" card.
    ["4242424242424242", true],
    ["4242424242424241", false],
    // Every single-digit change breaks the check (one changed digit in the middle).
    ["4242424252424242", false],
    ["", false],
    ["4242 4242 4242 4242", false], // digits only: callers strip separators first
  ])("%s → %s", (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });
});
