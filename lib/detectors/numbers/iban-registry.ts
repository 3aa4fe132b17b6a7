// IBAN length per country code. An IBAN's length is fixed by its country, so this table is
// the cheapest filter before the mod-97 check.
//
// Source: SWIFT IBAN Registry (ISO 13616), as mirrored by skwasjer/IbanNet SupportedCountries.md
// and the 2024 registry editions (adds DJ, FK, HN, MN, NI, OM, RU, SO, YE). Territories that
// issue IBANs under their own ISO code with the parent's format are listed with the parent's length.

export const IBAN_REGISTRY_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27,
  BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28,
  EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21,
  LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25,
  SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
  // Territories using the parent country's IBAN format.
  AX: 18, // Åland (FI)
  GF: 27, GP: 27, MQ: 27, RE: 27, PF: 27, TF: 27, YT: 27, NC: 27, BL: 27, MF: 27, PM: 27, WF: 27, // (FR)
  IM: 22, JE: 22, GG: 22, // (GB)
};

// Countries with national IBAN-style numbers that are not (yet) in the SWIFT registry
// (listed on Wikipedia's IBAN article, "partial" IBAN countries). The mod-97 check still
// applies, so including them costs almost nothing in false positives.
export const IBAN_PARTIAL_LENGTHS: Readonly<Record<string, number>> = {
  AO: 25, BF: 28, BJ: 28, CF: 27, CG: 27, CI: 28, CM: 27, CV: 25, DZ: 26, GA: 27,
  GQ: 27, GW: 25, IR: 26, KM: 27, MA: 28, MG: 27, ML: 28, MZ: 25, NE: 28, SN: 28,
  TD: 27, TG: 28,
};

export function ibanLength(countryCode: string): number | undefined {
  return IBAN_REGISTRY_LENGTHS[countryCode] ?? IBAN_PARTIAL_LENGTHS[countryCode];
}
