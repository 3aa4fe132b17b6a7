// US Social Security numbers: AAA-GG-SSSS or AAA GG SSSS. SSA never issues area 000, 666 or
// 900-999 (the 9xx range is ITINs), group 00 or serial 0000 (SSA POMS RM 10201.035), so those
// are not reported.
//
// A bare nine-digit run is reported only right after a cue ("SSN", "social security number",
// "soc. sec. no."): without one, nine digits are far more often an order number, a zip+4
// without its dash, a timestamp fragment or a routing number than an SSN.
import type { Span } from "./span";

// The same separator on both sides; no digit group, word or dash may touch either end.
const SEPARATED_SSN = /(?<![\w-]|\d[ .])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-]|[ .]\d)/g;
const CUED_SSN =
  /\b(?:ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?|soc\.?\s*sec\.?(?:\s*(?:no\.?|#))?)[ \t]*(?:[:#=-]|\bis\b|\bwas\b)?[ \t]*(\d{9})(?!\w)/gid;

/** True when area, group and serial are all in ranges SSA can issue. */
export function isIssuableSsn(area: string, group: string, serial: string): boolean {
  return area !== "000" && area !== "666" && area[0] !== "9" && group !== "00" && serial !== "0000";
}

export function findUsSsns(text: string): Span[] {
  const spans: Span[] = [];
  SEPARATED_SSN.lastIndex = 0;
  for (let match = SEPARATED_SSN.exec(text); match !== null; match = SEPARATED_SSN.exec(text)) {
    const [whole, area = "", , group = "", serial = ""] = match;
    if (isIssuableSsn(area, group, serial)) spans.push([match.index, match.index + whole.length]);
  }
  CUED_SSN.lastIndex = 0;
  for (let match = CUED_SSN.exec(text); match !== null; match = CUED_SSN.exec(text)) {
    const digits = match[1] ?? "";
    const position = match.indices?.[1];
    if (position === undefined) continue;
    if (isIssuableSsn(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5))) spans.push([position[0], position[1]]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
