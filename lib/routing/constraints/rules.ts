// Routing rules: the "length-and-keyword classifier" of the seeds, as admin-editable data.
// Enabled rules are read in position order; a rule matches when every condition it sets holds.
import type { Difficulty, RoutingRulePolicy } from "../types";
import { formatCount, listWords } from "../explain/wording";

export interface RuleFacts {
  /** The known feature, or null. */
  featureKey: string | null;
  /** Token bounds compare against the prompt estimate (output is a request, not a measure). */
  estimatedPromptTokens: number;
  promptText: string;
  difficulty: Difficulty;
}

export interface RuleMatch {
  rule: RoutingRulePolicy;
  /** The conditions that held, in words, for the trace. */
  because: string[];
}

// Letters, digits and underscore count as word characters in any script, so "sql" does not
// match inside "mysql" and "contract" does not match "contractor".
const WORD_CHAR = "[\\p{L}\\p{N}_]";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Each keyword's pattern, built once: the keywords are the policy's, so the same few are asked
// for on every request. Bounded, since published versions come and go.
const KEYWORD_PATTERNS_KEPT = 2_000;
const keywordPatterns = new Map<string, RegExp | null>();

function keywordPattern(keyword: string): RegExp | null {
  let pattern = keywordPatterns.get(keyword);
  if (pattern !== undefined) return pattern;
  const words = keyword.trim().split(/\s+/).filter((word) => word.length > 0);
  const phrase = words.map(escapeRegExp).join("\\s+");
  pattern = words.length === 0 ? null : new RegExp(`(?<!${WORD_CHAR})${phrase}(?!${WORD_CHAR})`, "iu");
  if (keywordPatterns.size >= KEYWORD_PATTERNS_KEPT) keywordPatterns.clear();
  keywordPatterns.set(keyword, pattern);
  return pattern;
}

/** Case-insensitive, whole-word; inner whitespace in a phrase matches any run of whitespace. */
export function keywordMatches(text: string, keyword: string): boolean {
  return keywordPattern(keyword)?.test(text) ?? false;
}

function matchRule(rule: RoutingRulePolicy, facts: RuleFacts): RuleMatch | null {
  const { when } = rule;
  const because: string[] = [];
  if (when.featureKey !== null) {
    if (when.featureKey !== facts.featureKey) return null;
    because.push(`feature ${when.featureKey}`);
  }
  if (when.minEstimatedTokens !== null) {
    if (facts.estimatedPromptTokens < when.minEstimatedTokens) return null;
    because.push(`prompt of ${formatCount(facts.estimatedPromptTokens)} tokens ≥ ${formatCount(when.minEstimatedTokens)}`);
  }
  if (when.maxEstimatedTokens !== null) {
    if (facts.estimatedPromptTokens > when.maxEstimatedTokens) return null;
    because.push(`prompt of ${formatCount(facts.estimatedPromptTokens)} tokens ≤ ${formatCount(when.maxEstimatedTokens)}`);
  }
  if (when.keywords.length > 0) {
    const hit = when.keywords.find((keyword) => keywordMatches(facts.promptText, keyword));
    if (hit === undefined) return null;
    because.push(`keyword "${hit.trim()}"`);
  }
  if (when.difficulty !== null) {
    if (when.difficulty !== facts.difficulty) return null;
    because.push(`difficulty ${when.difficulty}`);
  }
  return { rule, because };
}

/** Enabled rules that match, in position order (ties by key, so the order never wobbles). */
export function matchRoutingRules(rules: readonly RoutingRulePolicy[], facts: RuleFacts): RuleMatch[] {
  return rules
    .filter((rule) => rule.enabled)
    .sort((a, b) => a.position - b.position || a.key.localeCompare(b.key))
    .map((rule) => matchRule(rule, facts))
    .filter((match): match is RuleMatch => match !== null);
}

/** "Rule "Legal review" matched (keyword "contract")". */
export function ruleMatchedWords(match: RuleMatch): string {
  const because = match.because.length === 0 ? "it has no conditions" : listWords(match.because);
  return `Rule "${match.rule.name}" matched (${because})`;
}
