// The built-in detectors as plain data: safe to import from console components, which need
// the keys and labels but not the detectors themselves.
import type { ClassificationRulePolicy, DataClassKey } from "@/lib/routing/types";

export const BUILT_IN_DETECTOR_KEYS = ["email", "phone", "payment_card", "us_ssn", "iban", "secret"] as const;
export type BuiltInDetectorKey = (typeof BUILT_IN_DETECTOR_KEYS)[number];

export interface BuiltInDetector {
  key: BuiltInDetectorKey;
  label: string;
  /** The class the seed's rule raises a request to when this detector finds something. */
  defaultDataClass: DataClassKey;
}

export const BUILT_IN_DETECTORS: readonly BuiltInDetector[] = [
  { key: "email", label: "Email addresses", defaultDataClass: "confidential" },
  { key: "phone", label: "Phone numbers", defaultDataClass: "confidential" },
  { key: "payment_card", label: "Payment card numbers (Luhn-checked)", defaultDataClass: "restricted" },
  { key: "us_ssn", label: "US Social Security numbers", defaultDataClass: "restricted" },
  { key: "iban", label: "IBANs (mod-97 checked)", defaultDataClass: "restricted" },
  { key: "secret", label: "Secrets and API keys", defaultDataClass: "restricted" },
];

export function isBuiltInDetectorKey(key: string): key is BuiltInDetectorKey {
  return (BUILT_IN_DETECTOR_KEYS as readonly string[]).includes(key);
}

/** One enabled `detector` rule per built-in, at its default class: what the seed inserts. */
export const DEFAULT_DETECTOR_RULES: readonly ClassificationRulePolicy[] = BUILT_IN_DETECTORS.map((detector) => ({
  key: `detector-${detector.key.replace(/_/g, "-")}`,
  name: detector.label,
  kind: "detector",
  detector: detector.key,
  pattern: null,
  keywords: [],
  dataClass: detector.defaultDataClass,
  enabled: true,
}));
