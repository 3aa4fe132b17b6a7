// A decision record back into the Analysis decide() takes, under the policy being replayed. Pure.
// The prompt is gone, so two things are rebuilt from what the record kept:
//  - findings keep their type and count; their class is the one the replayed policy's rules give
//    that type (a rule switched off there raises nothing), so a data-rule draft is replayed too;
//  - routing keywords: the stored prompt where the feature allowed logging, otherwise the keywords
//    that matched when it was decided. A keyword the record was never checked against cannot be
//    answered without the prompt: such records are skipped, and counted.
import { DATA_CLASSES, type Analysis, type DataClassKey, type Finding, type PolicySnapshot } from "@/lib/routing/types";
import { normaliseKeyword, type ReplayFinding, type ReplayInput } from "./replay-input";

/** Written by the analysis step for images (lib/gateway/pipeline/analyse.ts UNSCANNABLE_IMAGE). */
const UNSCANNABLE_IMAGE = "unscannable_image";
const RULE_PREFIX = "rule:";
const rank = (key: DataClassKey) => DATA_CLASSES.indexOf(key);

/** The class each finding type raises under a policy; types no rule speaks for keep their recorded class. */
export interface FindingClasses {
  byType: Map<string, DataClassKey | null>;
  unscannable: DataClassKey;
}

export function findingClassesOf(snapshot: PolicySnapshot): FindingClasses {
  const byType = new Map<string, DataClassKey | null>();
  for (const rule of snapshot.classificationRules) {
    const type = rule.kind === "detector" && rule.detector !== null ? rule.detector : `${RULE_PREFIX}${rule.key}`;
    const current = byType.get(type) ?? null;
    if (!rule.enabled) {
      if (!byType.has(type)) byType.set(type, null);
      continue;
    }
    if (current === null || rank(rule.dataClass) > rank(current)) byType.set(type, rule.dataClass);
  }
  return { byType, unscannable: snapshot.unscannableDataClass };
}

export function replayFindings(findings: readonly ReplayFinding[], classes: FindingClasses): Finding[] {
  const replayed: Finding[] = [];
  for (const finding of findings) {
    const dataClass =
      finding.type === UNSCANNABLE_IMAGE ? classes.unscannable : classes.byType.has(finding.type) ? classes.byType.get(finding.type)! : finding.dataClass;
    if (dataClass !== null) replayed.push({ type: finding.type, count: finding.count, positions: [], dataClass });
  }
  return replayed;
}

/** Enabled rule keywords of the replayed policy, normalised, with the feature the rule is limited to. */
export interface PolicyKeyword {
  keyword: string;
  featureKey: string | null;
}

export function policyKeywords(snapshot: PolicySnapshot): PolicyKeyword[] {
  return snapshot.routingRules
    .filter((rule) => rule.enabled)
    .flatMap((rule) => rule.when.keywords.map((keyword) => ({ keyword: normaliseKeyword(keyword), featureKey: rule.when.featureKey })))
    .filter((entry) => entry.keyword.length > 0);
}

// Keyword hits joined so that no phrase can match across two of them (rules.ts matches whole words
// with whitespace between a phrase's words; "¦" is neither).
const HIT_SEPARATOR = "\n¦\n";

/**
 * The text the routing rules are matched against, or null when a keyword of the replayed policy
 * could have matched the lost prompt and the record cannot say whether it did.
 */
export function keywordText(
  input: ReplayInput,
  prompt: string | null,
  featureKey: string | null,
  keywords: readonly PolicyKeyword[],
  checked: ReadonlySet<string> | null,
): string | null {
  if (prompt !== null) return prompt;
  const unknown = keywords.some(
    (entry) => (entry.featureKey === null || entry.featureKey === featureKey) && !(checked?.has(entry.keyword) ?? false) && !input.keywordHits.includes(entry.keyword),
  );
  return unknown ? null : input.keywordHits.join(HIT_SEPARATOR);
}

/**
 * The Analysis decide() takes. The difficulty estimator gets the recorded score (the text it
 * would score is gone); a record without one is decided as the estimator never saw it.
 */
export function rebuildAnalysis(
  input: ReplayInput,
  record: { featureKey: string | null; estimatedInputTokens: number; difficultyScore: number | null },
  findings: Finding[],
  promptText: string,
): Analysis {
  return {
    estimatedPromptTokens: record.estimatedInputTokens,
    requestedOutputTokens: input.requestedOutputTokens,
    findings,
    declaredDataClass: input.declaredDataClass,
    featureKey: record.featureKey,
    declaredDifficulty: input.declaredDifficulty,
    difficultyScore: record.difficultyScore === null ? null : { score: record.difficultyScore },
    pin: input.pin,
    promptText,
    requiredCapabilities: input.requiredCapabilities,
    openaiOnlyFields: input.openaiOnlyFields,
    declaredOutputTokens: input.declaredOutputTokens,
    modelKind: input.modelKind,
  };
}
