// The Luhn (mod 10) check digit used by payment card numbers (ISO/IEC 7812-1). It catches
// every single-digit typo, which is what keeps random 16-digit IDs from reading as cards.

/** True when `digits` (ASCII digits only) ends in a valid Luhn check digit. */
export function passesLuhn(digits: string): boolean {
  if (digits.length === 0) return false;
  let sum = 0;
  let doubled = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (doubled) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    doubled = !doubled;
  }
  return sum % 10 === 0;
}
