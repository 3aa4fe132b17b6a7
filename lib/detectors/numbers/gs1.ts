// The GS1 check digit of EAN-8/13, UPC-A and GTIN-14 barcodes (GS1 General Specifications
// §7.9.1): weights 3 and 1 alternate from the digit left of the check digit. A product code can
// pass Luhn too ("4006381334013" does), so a barcode is recognised by this check plus the words
// around it.

/** True when `digits` (ASCII digits only) ends in a valid GS1 check digit. */
export function passesGs1(digits: string): boolean {
  if (digits.length < 8) return false;
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (digits.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}
