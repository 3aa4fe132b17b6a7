// Data-classification detectors: pure functions, no I/O. The gateway compiles a policy's rules
// once per version (compileRules), runs detect() on every prompt and classify() on the result.
export { DETECTION_BUDGET_UNITS, DETECTION_LIMIT_FINDING, DetectionBudget, MAX_DETECT_CHARS } from "./budget";
export { BUILT_IN_DETECTORS, BUILT_IN_DETECTOR_KEYS, DEFAULT_DETECTOR_RULES, isBuiltInDetectorKey } from "./built-in";
export type { BuiltInDetector, BuiltInDetectorKey } from "./built-in";
export { classify } from "./classify";
export type { Classification } from "./classify";
export { compileRules } from "./rules/compile-rules";
export type { CompiledRule, CompiledRules, EnabledDetector, SkippedRule } from "./rules/compile-rules";
export { detect } from "./detect";
export type { DetectOptions } from "./detect";
export { checkRegexSafety, MAX_RULE_PATTERN_LENGTH } from "./rules/rule-pattern";
export type { RegexSafety } from "./rules/rule-pattern";
export { RULE_WINDOW_CHARS, RULE_WINDOW_MARGIN } from "./rules/rule-scan";
export type { Span } from "./span";
