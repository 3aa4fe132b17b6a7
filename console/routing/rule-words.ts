// A routing rule in words, as the engine reads it: every condition set must hold; a rule
// with none always matches. Pure, so the wording can be checked without a page.
import type { RoutingRuleRow } from "@/console/routing/server/list-routing-rules";
import { formatInteger } from "@/lib/format";

export function ruleConditionWords(when: RoutingRuleRow["when"]): string[] {
  const words: string[] = [];
  if (when.featureKey !== null) words.push(`feature is ${when.featureKey}`);
  if (when.minTokens !== null) words.push(`estimated tokens ≥ ${formatInteger(when.minTokens)}`);
  if (when.maxTokens !== null) words.push(`estimated tokens ≤ ${formatInteger(when.maxTokens)}`);
  if (when.keywords.length > 0) words.push(`mentions any of ${when.keywords.map((keyword) => `“${keyword}”`).join(", ")}`);
  if (when.difficulty !== null) words.push(`difficulty is ${when.difficulty}`);
  return words;
}

export function ruleOutcomeWords(then: RoutingRuleRow["then"]): string[] {
  const words: string[] = [];
  if (then.minTier !== null) words.push(`at least tier ${then.minTier.key}`);
  if (then.maxTier !== null) words.push(`at most tier ${then.maxTier.key}`);
  if (then.pinModel !== null) words.push(`pin model ${then.pinModel.alias}`);
  return words;
}
