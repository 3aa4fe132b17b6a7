// The provider layer's public API: one ProviderClient per (provider, model), the breaker that
// tracks provider health, and the fallback executor that walks the policy engine's candidates.
// Test doubles (fake upstream servers) live in ./testing and are not exported from here.
export type { AssistantPart, CanonicalRequest, CanonicalResult, FinishReason, GenerateResult, ProviderClient, StreamPart, Usage } from "./types";
export { PROVIDER_ERROR_KINDS, ProviderError, RequestAbortedError, type ProviderErrorInit, type ProviderErrorKind } from "./provider-error";
export { toProviderError, kindForStatus } from "./map-error";
export { createProviderClient, type ProviderClientOptions } from "./create-provider-client";
export { DEFAULT_BASE_URLS } from "./provider-instances";
export { simulatedReply, type SimulatorOptions } from "./simulator";
export { countRequestTokens, countTextTokens } from "./token-count";
export { CircuitBreaker, type BreakerState, type CircuitBreakerOptions, type HealthGate, type ProviderHealth } from "./resilience/circuit-breaker";
export {
  CandidatesFailedError,
  executeGenerate,
  executeStream,
  FallbackAbortedError,
  type AttemptRecord,
  type FallbackCandidate,
  type FallbackOptions,
  type GenerateOutcome,
  type StreamOutcome,
} from "./resilience/fallback";
