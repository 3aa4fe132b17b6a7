// Runs the token rules of secret-rules.ts: find every rule's keywords in one pass over the text,
// cut a window around every occurrence, merge overlapping windows, and run the rule's RE2
// pattern (re2js, linear time) on the windows only. Work is bounded by the text's length times
// the longest keyword, and charged to the request's budget.
import { RE2JS } from "re2js";
import { RE2_FIND_WEIGHT, type DetectionBudget } from "../budget";
import { SECRET_RULES, type SecretRule } from "./secret-rules";
import { isMaskedToken } from "./secret-placeholder";
import type { Span } from "../span";

/** Characters before a keyword a match may start at ("postgres" before "://", "3 chars" before "Q~"). */
const BEFORE = 80;
const DEFAULT_REACH = 320;

interface PreparedRule {
  rule: SecretRule;
  keywords: string[];
  compiled: RE2JS | null;
}

const prepared: PreparedRule[] = SECRET_RULES.map((rule) => ({
  rule,
  keywords: rule.keywords.map((keyword) => (rule.anyCase ? keyword.toLowerCase() : keyword)),
  compiled: null,
}));

// Compiled on first use: most prompts never contain most keywords (and the console's test box
// runs this in the browser).
function patternOf(entry: PreparedRule): RE2JS {
  entry.compiled ??= RE2JS.compile(entry.rule.pattern);
  return entry.compiled;
}

/** The rules' patterns, compiled (for the test that every one is valid RE2). */
export function compileAllSecretRules(): RE2JS[] {
  return prepared.map(patternOf);
}

/**
 * Every keyword of every rule, found in one pass: an alternation of the literals finds the next
 * position where any starts (V8 dispatches on the first characters, so most positions cost one
 * look), then each keyword of that first character is compared there, and the search resumes
 * one character on — so overlapping and shared keywords are all found, exactly as one indexOf
 * loop per keyword found them (114 passes over the text before; ~4× slower on a 4k-token prompt).
 */
interface KeywordScanner {
  pattern: RegExp;
  /** Keywords by their first character (lower-cased for the case-insensitive scanner). */
  byFirst: Map<string, string[]>;
  anyCase: boolean;
}

const escapeLiteral = (keyword: string) => keyword.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

function scannerFor(keywords: string[], anyCase: boolean): KeywordScanner {
  const unique = [...new Set(keywords)];
  const byFirst = new Map<string, string[]>();
  for (const keyword of unique) {
    const first = anyCase ? keyword[0]!.toLowerCase() : keyword[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), keyword]);
  }
  return { pattern: new RegExp(unique.map(escapeLiteral).join("|"), anyCase ? "gi" : "g"), byFirst, anyCase };
}

const SCANNERS = [false, true].map((anyCase) => scannerFor(prepared.filter((entry) => Boolean(entry.rule.anyCase) === anyCase).flatMap((entry) => entry.keywords), anyCase));

/** Where each keyword occurs (case-insensitive keywords are keyed lower-cased, as rules hold them). */
export function keywordPositions(text: string, lower: string, budget: DetectionBudget): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const scanner of SCANNERS) {
    if (scanner.byFirst.size === 0) continue;
    const haystack = scanner.anyCase ? lower : text;
    const { pattern } = scanner;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const at = match.index;
      for (const keyword of scanner.byFirst.get(haystack[at]!) ?? []) {
        if (!haystack.startsWith(keyword, at)) continue;
        budget.steps++;
        const positions = found.get(keyword);
        if (positions) positions.push(at);
        else found.set(keyword, [at]);
      }
      pattern.lastIndex = at + 1;
    }
  }
  return found;
}

function windowsFor(entry: PreparedRule, text: string, positions: Map<string, number[]>): Span[] {
  const reach = entry.rule.reach ?? DEFAULT_REACH;
  const windows: Span[] = [];
  for (const keyword of entry.keywords) {
    for (const at of positions.get(keyword) ?? []) windows.push([Math.max(0, at - BEFORE), Math.min(text.length, at + reach)]);
  }
  if (windows.length < 2) return windows;
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last !== undefined && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push([window[0], window[1]]);
  }
  return merged;
}

function scanWindow(entry: PreparedRule, text: string, [from, to]: Span, spans: Span[]): void {
  const { rule } = entry;
  const group = rule.group ?? 1;
  const matcher = patternOf(entry).matcher(text.slice(from, to));
  while (matcher.find()) {
    const start = matcher.start(group);
    const end = matcher.end(group);
    if (start < 0 || end <= start) continue;
    const value = text.slice(from + start, from + end);
    if (rule.accept !== undefined && !rule.accept(value)) continue;
    if (rule.prefixLength !== undefined && isMaskedToken(value, rule.prefixLength)) continue;
    spans.push([from + start, from + end]);
  }
}

/**
 * Adds the spans of every token rule's matches to `spans`; `keep` filters values (the URL
 * rule's password must not be a template placeholder). Stops when the budget runs out.
 */
export function findSecretTokens(text: string, lower: string, budget: DetectionBudget, spans: Span[], keep: (rule: SecretRule, value: string) => boolean): void {
  const positions = keywordPositions(text, lower, budget);
  if (positions.size === 0) return;
  for (const entry of prepared) {
    for (const window of windowsFor(entry, text, positions)) {
      if (!budget.charge((window[1] - window[0]) * RE2_FIND_WEIGHT)) return;
      const found: Span[] = [];
      scanWindow(entry, text, window, found);
      for (const span of found) if (keep(entry.rule, text.slice(span[0], span[1]))) spans.push(span);
    }
  }
}
