// Runs the enabled built-in detectors and the admin rules over a prompt. Findings carry
// types, counts and positions only: never the matched text, so they are safe to log.
import type { Finding } from "@/lib/routing/types";
import type { BuiltInDetectorKey } from "./built-in";
import type { CompiledRules } from "./compile-rules";
import { findEmails } from "./email";
import { findIbans } from "./iban";
import { findPaymentCards } from "./payment-card";
import { findPhoneNumbers } from "./phone";
import { scanRule } from "./rule-scan";
import { findSecrets } from "./secrets";
import { mergeSpans, type Span } from "./span";
import { findUsSsns } from "./us-ssn";

const FINDERS: Record<BuiltInDetectorKey, (text: string) => Span[]> = {
  email: findEmails,
  phone: findPhoneNumbers,
  payment_card: findPaymentCards,
  us_ssn: findUsSsns,
  iban: findIbans,
  secret: findSecrets,
};

/** One finding per detector or rule that matched, built-ins first in the policy's order. */
export function detect(text: string, compiled: CompiledRules): Finding[] {
  const findings: Finding[] = [];
  for (const detector of compiled.detectors) {
    const positions = FINDERS[detector.key](text);
    if (positions.length > 0) {
      findings.push({ type: detector.key, count: positions.length, positions, dataClass: detector.dataClass });
    }
  }
  for (const rule of compiled.rules) {
    const positions = mergeSpans(scanRule(text, rule.pattern));
    if (positions.length > 0) {
      findings.push({ type: rule.type, count: positions.length, positions, dataClass: rule.dataClass });
    }
  }
  return findings;
}
