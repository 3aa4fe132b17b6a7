// OpenAI's chat completion answer: the JSON body Switchyard returns, and reading one an
// upstream returned. Field for field what the official SDKs parse (choices, message.tool_calls,
// finish_reason, usage with cached and reasoning details).
import type { AssistantPart, CanonicalResult, FinishReason } from "@/lib/canonical/types";
import { toolCallsOf } from "@/lib/canonical/text";
import { usageBody } from "./usage";

export type OpenAiFinishReason = "stop" | "length" | "content_filter" | "tool_calls";

/** OpenAI has no "error"/"other" finish reason; those answers ended without a clean stop. */
export function openAiFinishReason(reason: FinishReason): OpenAiFinishReason {
  return reason === "length" || reason === "content_filter" || reason === "tool_calls" ? reason : "stop";
}

const FINISH_REASONS: Record<string, FinishReason> = {
  stop: "stop",
  length: "length",
  content_filter: "content_filter",
  tool_calls: "tool_calls",
  function_call: "tool_calls",
};

export function readFinishReason(reason: unknown): FinishReason {
  return typeof reason === "string" ? (FINISH_REASONS[reason] ?? "other") : "other";
}

export function completionId(decisionId: string): string {
  return `chatcmpl-${decisionId.replace(/-/g, "")}`;
}

/** The assistant message of a completion: text (null when only tools were called) and tool calls. */
export function assistantMessage(content: readonly AssistantPart[]) {
  const text = content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("");
  const calls = toolCallsOf(content);
  const reasoning = content.flatMap((part) => (part.type === "reasoning" ? [part.text] : [])).join("");
  return {
    role: "assistant" as const,
    content: calls.length > 0 && text === "" ? null : text,
    refusal: null,
    ...(calls.length > 0 ? { tool_calls: calls.map((call) => ({ id: call.id, type: "function" as const, function: { name: call.name, arguments: call.arguments } })) } : {}),
    // Not in OpenAI's schema, but what DeepSeek, vLLM and OpenRouter use; SDKs ignore it.
    ...(reasoning !== "" ? { reasoning_content: reasoning } : {}),
  };
}

export function chatCompletionBody(args: { decisionId: string; model: string; created: number; result: Pick<CanonicalResult, "content" | "finishReason" | "usage"> }) {
  return {
    id: completionId(args.decisionId),
    object: "chat.completion" as const,
    created: args.created,
    model: args.model,
    choices: [{ index: 0, message: assistantMessage(args.result.content), logprobs: null, finish_reason: openAiFinishReason(args.result.finishReason) }],
    usage: usageBody(args.result.usage),
    system_fingerprint: null,
  };
}

interface WireToolCall {
  id?: unknown;
  function?: { name?: unknown; arguments?: unknown };
}

/** The content of an upstream's `choices[0].message`. */
export function readAssistantMessage(message: unknown): AssistantPart[] {
  if (!message || typeof message !== "object") return [];
  const wire = message as { content?: unknown; reasoning_content?: unknown; reasoning?: unknown; tool_calls?: unknown; refusal?: unknown };
  const parts: AssistantPart[] = [];
  const reasoning = typeof wire.reasoning_content === "string" ? wire.reasoning_content : typeof wire.reasoning === "string" ? wire.reasoning : "";
  if (reasoning !== "") parts.push({ type: "reasoning", text: reasoning });
  if (typeof wire.content === "string" && wire.content !== "") parts.push({ type: "text", text: wire.content });
  else if (typeof wire.refusal === "string" && wire.refusal !== "") parts.push({ type: "text", text: wire.refusal });
  if (Array.isArray(wire.tool_calls)) {
    for (const [index, call] of (wire.tool_calls as WireToolCall[]).entries()) {
      parts.push({
        type: "tool_call",
        id: typeof call.id === "string" && call.id !== "" ? call.id : `call_${index}`,
        name: typeof call.function?.name === "string" ? call.function.name : "",
        arguments: typeof call.function?.arguments === "string" ? call.function.arguments : JSON.stringify(call.function?.arguments ?? {}),
      });
    }
  }
  return parts;
}
