// IBAN corpus. Sources:
//  - Presidio, presidio-analyzer/tests/test_iban_recognizer.py: every single-IBAN row, valid and
//    invalid (one example per country of the SWIFT IBAN Registry, compact and printed, and
//    variants with a changed character, a missing one or a wrong check digit, or "/" as a
//    separator, which Presidio does not accept either).
//  - Wikipedia "International Bank Account Number" examples (GB82 WEST …, DE89 3704 …).
//  - The security review of issue 9 for the evasion classes (dashes, line wraps, Unicode).
import { found, ignored, type CorpusCase } from "./corpus-case";
import { fullWidth } from "./fake";
import { PRESIDIO_INVALID_IBANS } from "./iban-presidio-invalid";
import { PRESIDIO_VALID_IBANS } from "./iban-presidio-valid";

const PRESIDIO = "Presidio test_iban_recognizer.py";
const WIKIPEDIA = "Wikipedia, International Bank Account Number";
const REVIEW = "issue 9 security review (evasion class)";

// Presidio rejects this row for its lower-case "b" alone; people paste IBANs in lower case.
const LOWER_CASE_ONLY = "LV80 bANK 0000 4351 9500 1";

/** The IBAN inside Presidio's rows that hold more than the IBAN. */
const INSIDE: Record<string, string> = {
  "this is an iban VG96 VPVG 0000 0123 4567 8901 in a sentence": "VG96 VPVG 0000 0123 4567 8901",
  "this is an iban VG96 VPVG 0000 0123 4567 8901 X in a sentence": "VG96 VPVG 0000 0123 4567 8901",
  "Dash as iban separator: AL47-2121-1009-0000-0002-3569-8741": "AL47-2121-1009-0000-0002-3569-8741",
  "AL47212110090000000235698741 ALL CAPS": "AL47212110090000000235698741",
};

export const IBAN_CORPUS: readonly CorpusCase[] = [
  ...PRESIDIO_VALID_IBANS.map((text) => found("iban", PRESIDIO, text, INSIDE[text] ?? text)),
  ...PRESIDIO_INVALID_IBANS.filter((text) => text !== LOWER_CASE_ONLY).map((text) => ignored("iban", PRESIDIO, text)),
  found("iban", `${PRESIDIO} (rejected there only for a lower-case letter: we upper-case before mod-97)`, LOWER_CASE_ONLY),
  found("iban", WIKIPEDIA, "Please pay to IBAN GB82 WEST 1234 5698 7654 32. Thanks", "GB82 WEST 1234 5698 7654 32"),
  found("iban", REVIEW, "IBAN: DE89-3704-0044-0532-0130-00", "DE89-3704-0044-0532-0130-00"),
  found("iban", REVIEW, "IBAN DE89 3704 0044\n0532 0130 00 (wrapped)", "DE89 3704 0044\n0532 0130 00"),
  found("iban", REVIEW, "IBAN DE89 3704 0044 -\n 0532 0130 00", "DE89 3704 0044 -\n 0532 0130 00"),
  found("iban", REVIEW, "IBAN DE89 370 400 440 532 013 000", "DE89 370 400 440 532 013 000"),
  found("iban", REVIEW, "IBAN DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000", "DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000"),
  found("iban", REVIEW, "IBAN DE89\u20133704\u20130044\u20130532\u20130130\u201300", "DE89\u20133704\u20130044\u20130532\u20130130\u201300"),
  found("iban", REVIEW, "IBAN DE89 37\u200b04 0044 0532 0130 00", "DE89 37\u200b04 0044 0532 0130 00"),
  found("iban", REVIEW, `IBAN ${fullWidth("DE89 3704 0044 0532 0130 00")}`, fullWidth("DE89 3704 0044 0532 0130 00")),
  found("iban", REVIEW, "IBAN:DE89370400440532013000", "DE89370400440532013000"),
  ignored("iban", WIKIPEDIA + " (last digit changed)", "GB82 WEST 1234 5698 7654 33"),
  ignored("iban", "the US does not issue IBANs", "US64 SVBK US6S 3300 9673 86"),
  ignored("iban", "runs on into a longer token", "DE89370400440532013000X"),
];
