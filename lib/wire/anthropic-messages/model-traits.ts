// What an Anthropic model accepts, by model id: the default answer length (max_tokens is
// required), whether it thinks adaptively, takes sampling parameters and budget-based thinking.
// The same rules the AI SDK's Anthropic provider applied (@ai-sdk/anthropic 4.0.105), so a
// request sent directly is shaped as it was when it went through the SDK.
export interface AnthropicModelTraits {
  /** max_tokens when the request names none. */
  maxOutputTokens: number;
  /** Thinks with `thinking: { type: "adaptive" }` and an effort, rather than a token budget. */
  adaptiveThinking: boolean;
  /** Accepts temperature, top_p and top_k (the newest models refuse them). */
  samplingParameters: boolean;
  /** Accepts `thinking: { type: "enabled", budget_tokens }`. */
  budgetThinking: boolean;
  /** Accepts the `xhigh` effort. */
  xhighEffort: boolean;
  /** Enforces schemas natively: `strict` tools and `output_config.format`. */
  structuredOutput: boolean;
}

const BASE: AnthropicModelTraits = { maxOutputTokens: 4_096, adaptiveThinking: false, samplingParameters: true, budgetThinking: true, xhighEffort: false, structuredOutput: false };
const CURRENT: AnthropicModelTraits = { ...BASE, maxOutputTokens: 128_000, adaptiveThinking: true, structuredOutput: true };
const CURRENT_UNSAMPLED: AnthropicModelTraits = { ...CURRENT, samplingParameters: false, xhighEffort: true };

// First match wins: the more specific ids come first.
const RULES: Array<[RegExp, AnthropicModelTraits]> = [
  [/claude-(?:sonnet|opus|haiku)-5-5|claude-fable-5/, { ...CURRENT_UNSAMPLED, budgetThinking: false }],
  [/claude-opus-5|claude-opus-4-[78]|claude-sonnet-5/, CURRENT_UNSAMPLED],
  [/claude-(?:sonnet|opus)-4-6/, CURRENT],
  [/claude-(?:sonnet|opus|haiku)-4-5/, { ...BASE, maxOutputTokens: 64_000, structuredOutput: true }],
  [/claude-opus-4-1/, { ...BASE, maxOutputTokens: 32_000, structuredOutput: true }],
  [/claude-sonnet-4(?:-|@)/, { ...BASE, maxOutputTokens: 64_000 }],
  [/claude-opus-4(?:-|@)/, { ...BASE, maxOutputTokens: 32_000 }],
];

export function anthropicModelTraits(modelId: string): AnthropicModelTraits {
  for (const [pattern, traits] of RULES) if (pattern.test(modelId)) return traits;
  return BASE;
}
