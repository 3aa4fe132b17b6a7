// Runs the enabled built-in detectors and the admin rules over a prompt. Findings carry
// types, counts and positions only: never the matched text, so they are safe to log.
//
// Every detector reads one normalised copy of the prompt (normalise.ts); positions are mapped
// back to the original. Work is bounded: the prompt's length by MAX_DETECT_CHARS and the
// request's work by a DetectionBudget. Hitting either fails closed with a `detection_limit`
// finding at the restricted class, never by silently skipping text.
import type { Finding } from "@/lib/routing/types";
import { DETECTION_LIMIT_FINDING, DetectionBudget, MAX_DETECT_CHARS } from "./budget";
import type { BuiltInDetectorKey } from "./built-in";
import type { CompiledRules } from "./rules/compile-rules";
import { findEmails } from "./contact/email";
import { withoutEchoes, type JsonEcho } from "./echoes";
import { findIbans } from "./numbers/iban";
import { normaliseForDetection } from "./normalise/normalise";
import { findPaymentCards } from "./numbers/payment-card";
import { findPhoneNumbers } from "./contact/phone";
import { scanRule } from "./rules/rule-scan";
import { findSecrets } from "./secrets/secrets";
import { mergeSpans, type Span } from "./span";
import { findUsSsns } from "./numbers/us-ssn";

const FINDERS: Record<BuiltInDetectorKey, (text: string, budget: DetectionBudget) => Span[]> = {
  email: findEmails,
  phone: findPhoneNumbers,
  payment_card: findPaymentCards,
  us_ssn: findUsSsns,
  iban: findIbans,
  secret: findSecrets,
};

/** What a built-in pass costs, in budget units per character (it reads the text a few times). */
const BUILT_IN_PASS_UNITS = 2;

export interface DetectOptions {
  /** A budget of your own (tests count its steps); a fresh default one otherwise. */
  budget?: DetectionBudget;
  /** Where the text repeats JSON decoded after its raw form: a value found in both is one finding. */
  echoes?: readonly JsonEcho[];
}

/** One finding per detector or rule that matched, built-ins first in the policy's order. */
export function detect(text: string, compiled: CompiledRules, options: DetectOptions = {}): Finding[] {
  if (compiled.detectors.length === 0 && compiled.rules.length === 0) return [];
  const budget = options.budget ?? new DetectionBudget();
  const tooLong = text.length > MAX_DETECT_CHARS;
  const normalised = normaliseForDetection(tooLong ? text.slice(0, MAX_DETECT_CHARS) : text, budget);
  const scanned = normalised.text;
  budget.charge(scanned.length);
  const findings: Finding[] = [];
  const report = (type: string, dataClass: Finding["dataClass"], spans: Span[]) => {
    const positions = withoutEchoes(mergeSpans(spans.map((span) => normalised.toOriginal(span))), text, options.echoes ?? []);
    if (positions.length > 0) findings.push({ type, count: positions.length, positions, dataClass });
  };
  for (const detector of compiled.detectors) {
    if (!budget.charge(scanned.length * BUILT_IN_PASS_UNITS)) break;
    report(detector.key, detector.dataClass, FINDERS[detector.key](scanned, budget));
  }
  for (const rule of compiled.rules) {
    const spans = scanRule(scanned, rule, budget);
    if (spans === null) break;
    report(rule.type, rule.dataClass, spans);
  }
  if (tooLong || normalised.truncated || budget.exhausted) {
    findings.push({ type: DETECTION_LIMIT_FINDING, count: 1, positions: [], dataClass: "restricted" });
  }
  return findings;
}
