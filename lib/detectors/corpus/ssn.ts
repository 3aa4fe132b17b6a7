// US SSN corpus. Sources:
//  - Presidio, presidio-analyzer/tests/test_us_ssn_recognizer.py (its "no match" rows, and its
//    weak bare-digit row, which we report only after a cue word).
//  - SSA: the Woolworth's wallet number 078-05-1120 and the 1940 pamphlet's 219-09-9999, both
//    published and voided; invalid ranges from SSA POMS RM 10201.035.
//  - The security review of issue 9 for the evasion classes (dots, mixed separators, bare digits
//    after "SSN:", Unicode digits and dashes).
import { found, ignored, type CorpusCase } from "./corpus-case";
import { fullWidth, inScript } from "./fake";

const PRESIDIO = "Presidio test_us_ssn_recognizer.py";
const SSA = "SSA published sample numbers";
const POMS = "SSA POMS RM 10201.035 (never issued)";
const REVIEW = "issue 9 security review (evasion class)";

export const SSN_CORPUS: readonly CorpusCase[] = [
  found("us_ssn", PRESIDIO, "078-05-1123"),
  found("us_ssn", PRESIDIO, "078.05.1123"),
  found("us_ssn", PRESIDIO, "078 05 1123"),
  found("us_ssn", SSA, "Employee SSN 078-05-1120 on file", "078-05-1120"),
  found("us_ssn", SSA, "pamphlet number 219-09-9999", "219-09-9999"),
  found("us_ssn", REVIEW, "SSN: 078051120", "078051120"),
  found("us_ssn", REVIEW, "ssn#078051120", "078051120"),
  found("us_ssn", REVIEW, "Social Security Number is 219099999", "219099999"),
  found("us_ssn", REVIEW, "soc. sec. no. 078051120", "078051120"),
  found("us_ssn", REVIEW, "SSN 078.05-1120", "078.05-1120"),
  found("us_ssn", REVIEW, "SSN: 078 05-1120", "078 05-1120"),
  found("us_ssn", REVIEW, "social security number: 078  05  1120", "078  05  1120"),
  found("us_ssn", REVIEW, "SSN (on file): 078/05/1120", "078/05/1120"),
  found("us_ssn", REVIEW, "SSN 078–05–1120", "078–05–1120"),
  found("us_ssn", REVIEW, `SSN ${fullWidth("078-05-1120")}`, fullWidth("078-05-1120")),
  found("us_ssn", REVIEW, `SSN: ${inScript("078051120", 0x660)}`, inScript("078051120", 0x660)),
  found("us_ssn", REVIEW, "SSN 078\u200b-05-\u200b1120", "078\u200b-05-\u200b1120"),
  found("us_ssn", REVIEW, "SSN:\u00a0078\u00a005\u00a01120", "078\u00a005\u00a01120"),
  ignored("us_ssn", PRESIDIO, "0780511201"),
  ignored("us_ssn", PRESIDIO + " (weak bare digits: no cue word)", "078051121"),
  ignored("us_ssn", PRESIDIO, "000000000"),
  ignored("us_ssn", PRESIDIO, "666000000"),
  ignored("us_ssn", PRESIDIO, "078-05-0000"),
  ignored("us_ssn", PRESIDIO, "078 00 1123"),
  ignored("us_ssn", PRESIDIO, "693-09.4444"),
  ignored("us_ssn", POMS, "SSN: 666-05-1120"),
  ignored("us_ssn", POMS, "SSN 900-12-3456"),
  ignored("us_ssn", POMS, "SSN: 000123456"),
  ignored("us_ssn", POMS, "SSN 078-00-1120"),
  ignored("us_ssn", POMS, "SSN 078 05 0000"),
  ignored("us_ssn", "mixed separators need a cue word", "ref 078-05 1120"),
  ignored("us_ssn", "nine bare digits after another word", "Order 078051120"),
  ignored("us_ssn", "part of a dashed identifier", "ABC-078-05-1120"),
];
