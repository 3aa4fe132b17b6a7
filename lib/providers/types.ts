// The one interface every upstream sits behind. Requests arrive in OpenAI's chat shape
// (what the drop-in endpoint receives) with camelCase settings; answers leave normalised:
// one finish-reason vocabulary, usage always present (estimated when the provider is silent),
// errors always a ProviderError.
import type { ProviderKind } from "@/lib/routing/types";

export interface ChatTextPart {
  type: "text";
  text: string;
}

/** A string, or OpenAI's array of text parts (other part types are rejected upstream of here). */
export type ChatContent = string | ChatTextPart[];

export interface ChatToolCall {
  id: string;
  type: "function";
  function: { name: string; /** JSON text, as OpenAI sends it. */ arguments: string };
}

export type ChatMessage =
  | { role: "system"; content: ChatContent; name?: string }
  | { role: "user"; content: ChatContent; name?: string }
  | { role: "assistant"; content: ChatContent | null; tool_calls?: ChatToolCall[]; name?: string }
  | { role: "tool"; content: ChatContent; tool_call_id: string };

export interface ChatRequest {
  messages: ChatMessage[];
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  /** OpenAI accepts one stop sequence or a list. */
  stop?: string | string[];
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
}

export type FinishReason = "stop" | "length" | "content_filter" | "tool_calls" | "error" | "other";

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  /** True when either count was estimated with gpt-tokenizer because the provider reported none. */
  estimated: boolean;
}

export interface GenerateResult {
  text: string;
  finishReason: FinishReason;
  usage: TokenUsage;
  /** Non-streaming calls have no earlier first token: equals latencyMs. */
  ttftMs: number;
  latencyMs: number;
}

export type StreamPart = { type: "text"; text: string } | { type: "finish"; finishReason: FinishReason; usage: TokenUsage };

/**
 * One model at one provider. Both methods reject / throw only ProviderError (upstream or
 * config trouble) or RequestAbortedError (the caller's signal fired for a reason that is
 * not a ProviderError). A stream always ends with exactly one `finish` part unless it throws.
 */
export interface ProviderClient {
  readonly kind: ProviderKind;
  readonly providerKey: string;
  readonly modelAlias: string;
  generate(request: ChatRequest, signal?: AbortSignal): Promise<GenerateResult>;
  stream(request: ChatRequest, signal?: AbortSignal): AsyncIterable<StreamPart>;
}
