// Turns a policy's classification rules into something detect() can run on every request.
// Compile once per policy version: patterns are compiled (on RE2, see rule-pattern.ts) here,
// never per request.
import { RE2JS } from "re2js";
import type { ClassificationRulePolicy, DataClassKey } from "@/lib/routing/types";
import { DATA_CLASSES } from "@/lib/routing/types";
import { isBuiltInDetectorKey, type BuiltInDetectorKey } from "../built-in";
import { normaliseForDetection } from "../normalise/normalise";
import { compileRulePattern } from "./rule-pattern";
import type { RulePattern } from "./rule-scan";

export interface EnabledDetector {
  key: BuiltInDetectorKey;
  dataClass: DataClassKey;
}

export interface CompiledRule extends RulePattern {
  /** Finding type: "rule:" + the rule's key. */
  type: string;
  dataClass: DataClassKey;
}

/** A stored rule the gateway will not run, and why (for the trace and the console). */
export interface SkippedRule {
  key: string;
  reason: string;
}

export interface CompiledRules {
  detectors: EnabledDetector[];
  rules: CompiledRule[];
  skipped: SkippedRule[];
}

const rank = (dataClass: DataClassKey): number => DATA_CLASSES.indexOf(dataClass);

// Escapes every ASCII punctuation character (RE2 accepts "\\" before any of them).
function escapeKeyword(keyword: string): string {
  return keyword.replace(/[!-\/:-@[-`{-~]/g, "\\$&");
}

// Word characters for keyword boundaries: Unicode letters, digits and "_".
const WORD = String.raw`\p{L}\p{N}_`;

/**
 * One RE2 pattern for all of a rule's keywords: case-insensitive, whole words by Unicode letters
 * and digits (so "Überflieger" and "Project Falcon" work), any run of whitespace inside a
 * keyword. Keywords are normalised like prompts are, so "ＦＡＬＣＯＮ" in a rule finds "falcon".
 * The keyword is capture group 1; the character after it is consumed as the boundary, and the
 * one before it is checked by the scan.
 */
export function keywordPattern(keywords: readonly string[]): RulePattern | null {
  const unique = new Map<string, string>();
  for (const keyword of keywords) {
    const words = normaliseForDetection(keyword).text.trim().split(/\s+/).filter(Boolean);
    if (words.length > 0) unique.set(words.join(" ").toLowerCase(), words.map(escapeKeyword).join(String.raw`\s+`));
  }
  if (unique.size === 0) return null;
  // Longest first, so "new york city" wins over "new york" at the same position.
  const alternatives = [...unique.entries()].sort((a, b) => b[0].length - a[0].length).map(([, source]) => source);
  // The boundary before the keyword is checked by rule-scan (startsWord): with a lookbehind,
  // re2js cannot use its DFA, which is many times faster.
  const source = `(${alternatives.join("|")})(?:[^${WORD}]|$)`;
  return { pattern: RE2JS.compile(source, RE2JS.CASE_INSENSITIVE), group: 1, startsWord: true };
}

function compileRule(rule: ClassificationRulePolicy): CompiledRule | SkippedRule {
  const type = `rule:${rule.key}`;
  if (rule.kind === "keywords") {
    const pattern = keywordPattern(rule.keywords);
    return pattern === null ? { key: rule.key, reason: "The rule has no keywords." } : { type, dataClass: rule.dataClass, ...pattern };
  }
  const compiled = compileRulePattern(rule.pattern ?? "");
  if (!compiled.ok) return { key: rule.key, reason: compiled.reason };
  return { type, dataClass: rule.dataClass, pattern: compiled.pattern };
}

/**
 * Compiles the enabled rules of a policy. Never throws: a rule that cannot run safely (saved
 * before the console checked it, or edited in the database) is listed in `skipped`.
 * Several enabled rules for one built-in detector raise to the highest of their classes.
 */
export function compileRules(rules: readonly ClassificationRulePolicy[]): CompiledRules {
  const detectorClasses = new Map<BuiltInDetectorKey, DataClassKey>();
  const compiled: CompiledRules = { detectors: [], rules: [], skipped: [] };
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.kind === "detector") {
      const key = rule.detector ?? "";
      if (!isBuiltInDetectorKey(key)) {
        compiled.skipped.push({ key: rule.key, reason: `"${key}" is not a built-in detector.` });
        continue;
      }
      const current = detectorClasses.get(key);
      if (current === undefined || rank(rule.dataClass) > rank(current)) detectorClasses.set(key, rule.dataClass);
      continue;
    }
    const result = compileRule(rule);
    if ("pattern" in result) compiled.rules.push(result);
    else compiled.skipped.push(result);
  }
  compiled.detectors = [...detectorClasses.entries()].map(([key, dataClass]) => ({ key, dataClass }));
  return compiled;
}
