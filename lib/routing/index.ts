// The policy engine's public surface. Pure: safe to import from the gateway, the playground
// (server or client) and tests; it never touches the database, the network or the clock.
export { decide } from "./decide";
export { prepareSnapshot, type PreparedSnapshot } from "./prepared-snapshot";
export { tierOrder } from "./snapshot-index";
export { fallbackTraceLine, type FallbackErrorKind } from "./explain/trace";
export { toOpenAiError } from "./explain/refusal";
export { keywordMatches } from "./constraints/rules";
export { NO_FEATURE_DATA_CLASS, dataClassRank } from "./constraints/data-class";
export { DEFAULT_DIFFICULTY } from "./difficulty/resolve";
export { secondsUntilNextMonthUtc, startOfNextMonthUtc } from "./constraints/budget";
export type * from "./types";
export { DATA_CLASSES, DIFFICULTIES } from "./types";
