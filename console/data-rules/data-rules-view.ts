// What the data-rules page shows, shaped from the stored rules: one setting per built-in
// detector, the class choices the forms offer, and the working rules the test box runs. Pure.
import { BUILT_IN_DETECTORS } from "@/lib/detectors";
import { DATA_CLASSES, type DataClassKey } from "@/lib/routing/types";
import type { WorkingRule } from "./sample-classification";

export interface DetectorSetting {
  detector: string;
  label: string;
  /** The detector's rule; null when it has none (then it is off). */
  rule: { key: string; enabled: boolean; dataClassKey: DataClassKey; version: number } | null;
  defaultDataClass: DataClassKey;
}

export interface DataClassChoice {
  key: DataClassKey;
  name: string;
}

/** The stored fields the page reads from a classification rule. */
interface StoredRule {
  key: string;
  name: string;
  kind: "detector" | "regex" | "keywords";
  detector: string | null;
  pattern: string | null;
  keywords: string[];
  dataClass: { key: string };
  enabled: boolean;
  version: number;
}

/** A class key the engine does not know reads as the strictest class. */
export const asDataClass = (key: string): DataClassKey => ((DATA_CLASSES as readonly string[]).includes(key) ? (key as DataClassKey) : "restricted");

export function classChoices(classes: ReadonlyArray<{ key: string; name: string }>): DataClassChoice[] {
  return classes.map((dataClass) => ({ key: asDataClass(dataClass.key), name: dataClass.name }));
}

export function detectorSettings(rules: readonly StoredRule[]): DetectorSetting[] {
  return BUILT_IN_DETECTORS.map((detector) => {
    // One rule per detector is what the console writes; with several, the first by key is shown.
    const rule = rules.find((entry) => entry.kind === "detector" && entry.detector === detector.key);
    return {
      detector: detector.key,
      label: detector.label,
      defaultDataClass: detector.defaultDataClass,
      rule: rule ? { key: rule.key, enabled: rule.enabled, dataClassKey: asDataClass(rule.dataClass.key), version: rule.version } : null,
    };
  });
}

export function workingRules(rules: readonly StoredRule[]): WorkingRule[] {
  return rules.map((rule) => ({
    key: rule.key,
    name: rule.name,
    kind: rule.kind,
    detector: rule.detector,
    pattern: rule.pattern,
    keywords: rule.keywords,
    dataClassKey: asDataClass(rule.dataClass.key),
    enabled: rule.enabled,
  }));
}
