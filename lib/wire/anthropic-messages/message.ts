// Anthropic's Messages answer: the `message` JSON body Switchyard returns, built from the
// canonical result. Anthropic counts input_tokens apart from cache reads and writes; the
// canonical usage counts them inside inputTokens, so they are taken out here.
import type { AssistantPart, CanonicalResult, FinishReason, Usage } from "@/lib/canonical/types";

export type StopReason = "end_turn" | "max_tokens" | "tool_use" | "refusal" | "stop_sequence";

export function stopReason(reason: FinishReason): StopReason {
  if (reason === "length") return "max_tokens";
  if (reason === "tool_calls") return "tool_use";
  if (reason === "content_filter") return "refusal";
  return "end_turn";
}

export function messageId(decisionId: string): string {
  return `msg_${decisionId.replace(/-/g, "")}`;
}

export function usageBody(usage: Usage) {
  return {
    input_tokens: Math.max(0, usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteTokens),
    output_tokens: usage.outputTokens,
    cache_read_input_tokens: usage.cachedInputTokens,
    cache_creation_input_tokens: usage.cacheWriteTokens,
  };
}

/** tool_use input must be a JSON object; a model that wrote invalid JSON gets its text kept under `_raw`. */
export function toolInput(argumentsText: string): Record<string, unknown> {
  if (argumentsText.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(argumentsText);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { _raw: argumentsText };
  } catch {
    return { _raw: argumentsText };
  }
}

export function contentBlocks(content: readonly AssistantPart[]) {
  return content.map((part) => {
    switch (part.type) {
      case "text":
        return { type: "text" as const, text: part.text };
      case "reasoning":
        return { type: "thinking" as const, thinking: part.text, signature: part.signature ?? "" };
      case "tool_call":
        return { type: "tool_use" as const, id: part.id, name: part.name, input: toolInput(part.arguments) };
    }
  });
}

export function messageBody(args: { decisionId: string; model: string; result: Pick<CanonicalResult, "content" | "finishReason" | "usage"> }) {
  return {
    id: messageId(args.decisionId),
    type: "message" as const,
    role: "assistant" as const,
    model: args.model,
    content: contentBlocks(args.result.content),
    stop_reason: stopReason(args.result.finishReason),
    stop_sequence: null,
    usage: usageBody(args.result.usage),
  };
}
