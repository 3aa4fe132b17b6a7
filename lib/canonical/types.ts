// The one request and answer shape inside the gateway. Every endpoint (chat completions, the
// native route, and the Anthropic Messages and OpenAI Responses adapters to come) translates its
// wire format into a CanonicalRequest, and every provider client takes one. What a provider
// receives is serialised from this object — the same object the detectors read — so what was
// scanned is what is sent, whatever quirks (duplicate keys, escapes) the caller's bytes had.
import type { Capability } from "@/lib/routing/types";

/** Anthropic's prompt-caching breakpoint (`cache_control`), kept for Anthropic upstreams; others ignore it. */
export type CacheMark = { type: "ephemeral"; ttl?: "5m" | "1h" };

export interface TextPart {
  type: "text";
  text: string;
  cache?: CacheMark;
}

/** An image by URL: `data:` (inline base64) or `https:`. Detectors cannot read it. */
export interface ImagePart {
  type: "image";
  url: string;
  /** OpenAI's detail hint, passed on where the upstream understands it. */
  detail?: "auto" | "low" | "high";
  cache?: CacheMark;
}

export interface ToolCallPart {
  type: "tool_call";
  id: string;
  name: string;
  /** JSON text, as the model produced it (may be invalid JSON; it is passed on as is). */
  arguments: string;
}

/** A model's reasoning sent back in a later turn (Anthropic thinking blocks, reasoning items). */
export interface ReasoningPart {
  type: "reasoning";
  text: string;
  /** Anthropic's signature for a thinking block; opaque. */
  signature?: string;
}

export type UserPart = TextPart | ImagePart;
export type AssistantPart = TextPart | ToolCallPart | ReasoningPart;

export type CanonicalMessage =
  | { role: "system"; content: TextPart[]; name?: string }
  | { role: "user"; content: UserPart[]; name?: string }
  | { role: "assistant"; content: AssistantPart[]; name?: string }
  /** One tool's result, answering the call with `toolCallId`. */
  | { role: "tool"; toolCallId: string; content: UserPart[]; isError?: boolean; cache?: CacheMark };

export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the arguments (an object schema). */
  parameters: Record<string, unknown>;
  strict?: boolean;
  cache?: CacheMark;
}

export type ToolChoice = { type: "auto" } | { type: "none" } | { type: "required" } | { type: "tool"; name: string };

export type OutputFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; name: string; schema: Record<string, unknown>; description?: string; strict?: boolean };

export type ReasoningEffort = "none" | "minimal" | "low" | "medium" | "high" | "xhigh";

/** Sampling and other settings every provider kind can honour or that Switchyard translates. */
export interface CanonicalParameters {
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  stop?: string[];
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  parallelToolCalls?: boolean;
  reasoningEffort?: ReasoningEffort;
  /** Anthropic's thinking budget (`thinking.budget_tokens`); OpenAI-wire upstreams get reasoningEffort. */
  reasoningBudgetTokens?: number;
  /** Sample from the top K tokens (Anthropic's and most self-hosted servers' `top_k`). */
  topK?: number;
  /** The end user, for the provider's abuse monitoring (OpenAI `user`). */
  user?: string;
}

export interface CanonicalRequest {
  messages: CanonicalMessage[];
  tools: ToolDefinition[];
  toolChoice?: ToolChoice;
  outputFormat: OutputFormat;
  parameters: CanonicalParameters;
  /**
   * Fields of OpenAI's chat completions body that only an OpenAI-wire upstream can honour
   * (logprobs, metadata, service_tier, prediction, …) and unknown fields, by their wire name.
   * They are scanned like everything else, passed unchanged to OpenAI-wire upstreams, and a
   * request carrying any of them skips models behind other wires (see `wireOnlyFields`).
   */
  openaiExtras: Record<string, unknown>;
  /**
   * The caller's `anthropic-version` / `anthropic-beta` headers (Messages endpoint), forwarded to
   * Anthropic upstreams only: they name API behaviour, not content.
   */
  anthropicHeaders?: { version?: string; beta?: string };
}

export interface Usage {
  /** All input tokens, cached ones included. */
  inputTokens: number;
  outputTokens: number;
  /** Of inputTokens: read from the provider's prompt cache. */
  cachedInputTokens: number;
  /** Of inputTokens: written to the prompt cache. */
  cacheWriteTokens: number;
  /** Of outputTokens: spent on reasoning. */
  reasoningTokens: number;
  /** True when a count was estimated with gpt-tokenizer because the provider reported none. */
  estimated: boolean;
}

export type FinishReason = "stop" | "length" | "content_filter" | "tool_calls" | "error" | "other";

export interface CanonicalResult {
  /** In the order the model produced them. */
  content: AssistantPart[];
  finishReason: FinishReason;
  usage: Usage;
  /** Non-streaming calls have no earlier first token: equals latencyMs. */
  ttftMs: number;
  latencyMs: number;
}

/**
 * A streamed answer, normalised. Tool calls arrive as a start (id and name) then argument
 * deltas, each keyed by the call's position among the answer's tool calls. A stream always ends
 * with exactly one `finish` unless it throws.
 */
export type StreamPart =
  | { type: "text"; text: string }
  /** Reasoning text; Anthropic's thinking signature arrives as its own part (text "") at the block's end. */
  | { type: "reasoning"; text: string; signature?: string }
  | { type: "tool_call_start"; index: number; id: string; name: string }
  | { type: "tool_call_delta"; index: number; arguments: string }
  | { type: "finish"; finishReason: FinishReason; usage: Usage };

export type { Capability };
