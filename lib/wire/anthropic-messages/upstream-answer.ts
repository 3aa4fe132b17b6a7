// An Anthropic upstream's answer → canonical: content blocks, stop_reason and usage. Anthropic
// counts input_tokens apart from cache reads and writes; the canonical usage counts every input
// token in inputTokens, so they are added back here (message.ts takes them out again).
import type { AssistantPart, FinishReason } from "@/lib/canonical/types";

export interface ReportedAnthropicUsage {
  input?: number;
  output?: number;
  cached?: number;
  cacheWrite?: number;
}

const count = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined);

/**
 * The counts a `usage` object reports; undefined where it says nothing. In a stream, message_start
 * carries input and cache counts and message_delta the final output count (newer servers repeat
 * the input counts there): `earlier` is what was read before, and later counts replace it.
 */
export function readAnthropicUsage(usage: unknown, earlier: ReportedAnthropicUsage = {}): ReportedAnthropicUsage {
  if (!usage || typeof usage !== "object") return earlier;
  const wire = usage as { input_tokens?: unknown; output_tokens?: unknown; cache_read_input_tokens?: unknown; cache_creation_input_tokens?: unknown };
  const uncached = count(wire.input_tokens);
  const cached = count(wire.cache_read_input_tokens) ?? earlier.cached;
  const cacheWrite = count(wire.cache_creation_input_tokens) ?? earlier.cacheWrite;
  const input = uncached !== undefined ? uncached + (cached ?? 0) + (cacheWrite ?? 0) : earlier.input;
  const output = count(wire.output_tokens) ?? earlier.output;
  return {
    ...(input !== undefined ? { input } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(cached !== undefined ? { cached } : {}),
    ...(cacheWrite !== undefined ? { cacheWrite } : {}),
  };
}

/** Anthropic's stop_reason in the canonical vocabulary (as the AI SDK mapped it). */
export function readStopReason(reason: unknown): FinishReason {
  switch (reason) {
    case "end_turn":
    case "stop_sequence":
    case "pause_turn":
      return "stop";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool_calls";
    case "refusal":
      return "content_filter";
    default:
      return "other";
  }
}

type WireBlock = { type?: unknown; text?: unknown; thinking?: unknown; signature?: unknown; id?: unknown; name?: unknown; input?: unknown };

/**
 * Content blocks → answer parts. Redacted thinking and Anthropic's server-tool blocks have no
 * canonical form (a Messages caller may not send them back either) and are left out.
 */
export function readContentBlocks(content: unknown): AssistantPart[] {
  if (!Array.isArray(content)) return [];
  const parts: AssistantPart[] = [];
  for (const block of content as WireBlock[]) {
    if (block.type === "text" && typeof block.text === "string" && block.text !== "") parts.push({ type: "text", text: block.text });
    else if (block.type === "thinking" && typeof block.thinking === "string") {
      parts.push({ type: "reasoning", text: block.thinking, ...(typeof block.signature === "string" && block.signature !== "" ? { signature: block.signature } : {}) });
    } else if (block.type === "tool_use" && typeof block.id === "string" && typeof block.name === "string") {
      parts.push({ type: "tool_call", id: block.id, name: block.name, arguments: JSON.stringify(block.input ?? {}) });
    }
  }
  return parts;
}
