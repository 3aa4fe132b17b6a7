// Detector keys in words, for trace sentences ("Found 1 payment card and 2 email addresses").
// Findings carry type and count only — never the matched text — and so do these sentences.
import type { Finding } from "../types";
import { formatCount, listWords } from "./wording";

const NAMES: Record<string, [singular: string, plural: string]> = {
  email: ["email address", "email addresses"],
  phone: ["phone number", "phone numbers"],
  payment_card: ["payment card", "payment cards"],
  national_id: ["national ID number", "national ID numbers"],
  iban: ["IBAN", "IBANs"],
  secret: ["secret or API key", "secrets or API keys"],
  api_key: ["API key", "API keys"],
  us_ssn: ["US Social Security number", "US Social Security numbers"],
  unscannable_image: ["image the detectors cannot read", "images the detectors cannot read"],
  detection_limit: ["part too large to scan in full", "parts too large to scan in full"],
};

const RULE_PREFIX = "rule:";

export function describeFinding(type: string, count: number): string {
  const known = NAMES[type];
  if (known !== undefined) return `${formatCount(count)} ${count === 1 ? known[0] : known[1]}`;
  if (type.startsWith(RULE_PREFIX)) {
    const rule = type.slice(RULE_PREFIX.length);
    return `${formatCount(count)} ${count === 1 ? "match" : "matches"} of rule "${rule}"`;
  }
  return `${formatCount(count)} ${type.replace(/_/g, " ")} ${count === 1 ? "finding" : "findings"}`;
}

/** Sums findings of the same type, keeping first-seen order. */
export function describeFindings(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.type, (counts.get(finding.type) ?? 0) + finding.count);
  return listWords([...counts].map(([type, count]) => describeFinding(type, count)));
}
