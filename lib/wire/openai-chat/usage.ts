// OpenAI-wire usage objects ↔ canonical usage. prompt_tokens includes cached tokens
// (prompt_tokens_details.cached_tokens); completion_tokens includes reasoning tokens. DeepSeek
// reports its cache as prompt_cache_hit_tokens instead.
import type { Usage } from "@/lib/canonical/types";

export interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
  prompt_cache_hit_tokens?: number;
}

const count = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined);

/** Reported counts only; undefined where the upstream said nothing. */
export function readWireUsage(usage: unknown): { input: number | undefined; output: number | undefined; cached: number; reasoning: number } | null {
  if (!usage || typeof usage !== "object") return null;
  const wire = usage as WireUsage;
  const input = count(wire.prompt_tokens);
  const output = count(wire.completion_tokens);
  if (input === undefined && output === undefined) return null;
  const cached = count(wire.prompt_tokens_details?.cached_tokens) ?? count(wire.prompt_cache_hit_tokens) ?? 0;
  // Every field always present (undefined when unsaid), not conditional spreads: read on every
  // answer, and on Node 20 those give each object a hidden class of its own (bench/README.md).
  return {
    input,
    output,
    cached: Math.min(cached, input ?? cached),
    reasoning: count(wire.completion_tokens_details?.reasoning_tokens) ?? 0,
  };
}

export function usageBody(usage: Usage) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens },
  };
}
