// What a decision record keeps so the engine can decide the request again without its prompt:
// the parts of the Analysis no other column holds. Pure. Written by the gateway (run-pipeline →
// decision draft → the record's replayInput column), read back by the replay.
import { keywordMatches } from "@/lib/routing";
import type { Analysis, CallerPin, Capability, DataClassKey, Difficulty, ModelKind, RoutingRulePolicy } from "@/lib/routing/types";

export const REPLAY_INPUT_VERSION = 1;

export interface ReplayFinding {
  type: string;
  count: number;
  /** The class the finding raised the request to when it was decided. */
  dataClass: DataClassKey;
}

export interface ReplayInput {
  v: typeof REPLAY_INPUT_VERSION;
  declaredDataClass: DataClassKey | null;
  declaredDifficulty: Difficulty | null;
  pin: CallerPin;
  requestedOutputTokens: number;
  declaredOutputTokens: number | null;
  findings: ReplayFinding[];
  requiredCapabilities: Capability[];
  openaiOnlyFields: string[];
  modelKind: ModelKind;
  /**
   * Routing-rule keywords of the policy in force (normalised, see normaliseKeyword) that matched
   * the prompt. Keywords, not prompt text: they are the policy's words, and a replay under a policy
   * with the same keywords matches exactly what the gateway matched.
   */
  keywordHits: string[];
}

/** Lower case, trimmed, inner whitespace as one space: how keywords are compared across policies. */
export function normaliseKeyword(keyword: string): string {
  return keyword.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Every keyword of the rules (enabled or not), normalised: what a record's keywordHits were checked against. */
export function ruleKeywords(rules: readonly RoutingRulePolicy[]): Set<string> {
  return new Set(rules.flatMap((rule) => rule.when.keywords.map(normaliseKeyword)).filter((keyword) => keyword.length > 0));
}

export function replayInputOf(analysis: Analysis, rules: readonly RoutingRulePolicy[]): ReplayInput {
  return {
    v: REPLAY_INPUT_VERSION,
    declaredDataClass: analysis.declaredDataClass,
    declaredDifficulty: analysis.declaredDifficulty,
    pin: analysis.pin,
    requestedOutputTokens: analysis.requestedOutputTokens,
    declaredOutputTokens: analysis.declaredOutputTokens,
    findings: analysis.findings.map(({ type, count, dataClass }) => ({ type, count, dataClass })),
    requiredCapabilities: analysis.requiredCapabilities,
    openaiOnlyFields: analysis.openaiOnlyFields,
    modelKind: analysis.modelKind ?? "chat",
    keywordHits: [...ruleKeywords(rules)].filter((keyword) => keywordMatches(analysis.promptText, keyword)).sort(),
  };
}

/** A stored value read back; null when it is missing or from another shape (the record is skipped). */
export function readReplayInput(stored: unknown): ReplayInput | null {
  if (stored === null || typeof stored !== "object") return null;
  const input = stored as Partial<ReplayInput>;
  if (input.v !== REPLAY_INPUT_VERSION || !input.pin || !Array.isArray(input.findings) || !Array.isArray(input.keywordHits)) return null;
  return input as ReplayInput;
}
