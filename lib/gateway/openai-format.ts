// OpenAI's chat completion wire format: the JSON body and the SSE chunks, exactly as the
// official SDKs parse them (choices, finish_reason, usage; a usage chunk with empty choices
// when stream_options.include_usage is set; `data: [DONE]` at the end).
import type { FinishReason, TokenUsage } from "@/lib/providers/types";

export type OpenAiFinishReason = "stop" | "length" | "content_filter" | "tool_calls";

/** OpenAI has no "error"/"other" finish reason; those answers ended without a clean stop. */
export function openAiFinishReason(reason: FinishReason): OpenAiFinishReason {
  return reason === "length" || reason === "content_filter" || reason === "tool_calls" ? reason : "stop";
}

export function completionId(decisionId: string): string {
  return `chatcmpl-${decisionId.replace(/-/g, "")}`;
}

export function usageBody(usage: TokenUsage) {
  return { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens };
}

export function chatCompletionBody(args: { decisionId: string; model: string; created: number; text: string; finishReason: FinishReason; usage: TokenUsage }) {
  return {
    id: completionId(args.decisionId),
    object: "chat.completion" as const,
    created: args.created,
    model: args.model,
    choices: [{ index: 0, message: { role: "assistant" as const, content: args.text, refusal: null }, logprobs: null, finish_reason: openAiFinishReason(args.finishReason) }],
    usage: usageBody(args.usage),
    system_fingerprint: null,
  };
}

export function chunkBody(args: { decisionId: string; model: string; created: number; delta: { role?: "assistant"; content?: string }; finishReason: OpenAiFinishReason | null }) {
  return {
    id: completionId(args.decisionId),
    object: "chat.completion.chunk" as const,
    created: args.created,
    model: args.model,
    choices: [{ index: 0, delta: args.delta, logprobs: null, finish_reason: args.finishReason }],
  };
}

export function usageChunkBody(args: { decisionId: string; model: string; created: number; usage: TokenUsage }) {
  return { id: completionId(args.decisionId), object: "chat.completion.chunk" as const, created: args.created, model: args.model, choices: [], usage: usageBody(args.usage) };
}

const encoder = new TextEncoder();

export function sseData(value: unknown): Uint8Array {
  return encoder.encode(`data: ${typeof value === "string" ? value : JSON.stringify(value)}\n\n`);
}
