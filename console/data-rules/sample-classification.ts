// The data-rules test box, computed in the browser from the working rules the page loaded:
// the same compileRules / detect / classify the gateway runs, so "what would this text be?"
// is answered by the gateway's own code, while the pasted text never leaves the browser.
import { BUILT_IN_DETECTORS, classify, compileRules, detect, type SkippedRule } from "@/lib/detectors";
import type { ClassificationRulePolicy, DataClassKey, Finding } from "@/lib/routing/types";

export interface SampleClassification {
  findings: Array<Finding & { label: string }>;
  /** The class the findings raise text to, from "public" up (a feature's floor may raise it further). */
  dataClass: DataClassKey;
  raisedBy: string[];
  /** Enabled rules the gateway would not run, and why. */
  skipped: SkippedRule[];
}

export interface WorkingRule {
  key: string;
  name: string;
  kind: "detector" | "regex" | "keywords";
  detector: string | null;
  pattern: string | null;
  keywords: string[];
  dataClassKey: DataClassKey;
  enabled: boolean;
}

export function findingLabel(type: string, rules: readonly WorkingRule[]): string {
  if (type.startsWith("rule:")) return rules.find((rule) => `rule:${rule.key}` === type)?.name ?? type;
  return BUILT_IN_DETECTORS.find((detector) => detector.key === type)?.label ?? type;
}

export function classifySample(text: string, rules: readonly WorkingRule[]): SampleClassification {
  const policies: ClassificationRulePolicy[] = rules.map((rule) => ({
    key: rule.key,
    name: rule.name,
    kind: rule.kind,
    detector: rule.detector,
    pattern: rule.pattern,
    keywords: rule.keywords,
    dataClass: rule.dataClassKey,
    enabled: rule.enabled,
  }));
  const compiled = compileRules(policies);
  const findings = detect(text, compiled);
  const { dataClass, raisedBy } = classify(findings, null, "public");
  return { findings: findings.map((finding) => ({ ...finding, label: findingLabel(finding.type, rules) })), dataClass, raisedBy, skipped: compiled.skipped };
}

export interface Segment {
  text: string;
  /** True where at least one finding covers the text. */
  marked: boolean;
}

/**
 * Splits text into plain and marked runs for the highlight layer. Overlapping or touching
 * spans from different findings merge into one mark; offsets are clamped to the text.
 */
export function highlightSegments(text: string, findings: ReadonlyArray<Pick<Finding, "positions">>): Segment[] {
  const spans = findings
    .flatMap((finding) => finding.positions)
    .map(([start, end]): [number, number] => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length || segments.length === 0) segments.push({ text: text.slice(cursor), marked: false });
  return segments;
}

/** "12–31, 40–59": positions as people count them (1-based, inclusive). */
export function positionWords(positions: ReadonlyArray<[number, number]>, limit = 6): string {
  const shown = positions.slice(0, limit).map(([start, end]) => `${start + 1}–${end}`);
  return positions.length > limit ? `${shown.join(", ")} and ${positions.length - limit} more` : shown.join(", ");
}
