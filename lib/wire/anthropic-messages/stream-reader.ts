// An Anthropic upstream's SSE events (each event's parsed `data`) → canonical stream parts:
// message_start (input usage) → content_block_start / content_block_delta (text_delta,
// thinking_delta, signature_delta, input_json_delta) / content_block_stop → message_delta
// (stop_reason, output usage) → message_stop. Tool calls are numbered in the order they start;
// the block index Anthropic uses counts text and thinking blocks too.
import type { FinishReason, StreamPart } from "@/lib/canonical/types";
import { readAnthropicUsage, readStopReason, type ReportedAnthropicUsage } from "./upstream-answer";

type WireEvent = {
  type?: unknown;
  index?: unknown;
  content_block?: { type?: unknown; id?: unknown; name?: unknown; text?: unknown; thinking?: unknown };
  delta?: { type?: unknown; text?: unknown; thinking?: unknown; signature?: unknown; partial_json?: unknown; stop_reason?: unknown };
  message?: { usage?: unknown };
  usage?: unknown;
  error?: unknown;
};

export interface AnthropicStreamReader {
  /** The parts one event carries (none for pings, stops and bookkeeping). */
  read(event: unknown): StreamPart[];
  /** Set by message_delta; null until then. */
  readonly finishReason: FinishReason | null;
  /** True once message_stop has arrived: the answer is complete. */
  readonly stopped: boolean;
  /** The `error` event's payload ({ type, message }), when the upstream sent one. */
  readonly error: unknown;
  readonly usage: ReportedAnthropicUsage;
}

export function anthropicStreamReader(): AnthropicStreamReader {
  const toolIndex = new Map<number, number>();
  let finishReason: FinishReason | null = null;
  let stopped = false;
  let error: unknown = undefined;
  let usage: ReportedAnthropicUsage = {};

  function read(value: unknown): StreamPart[] {
    const event = (value ?? {}) as WireEvent;
    switch (event.type) {
      case "message_start":
        usage = readAnthropicUsage(event.message?.usage, usage);
        return [];
      case "content_block_start": {
        const block = event.content_block ?? {};
        if (block.type === "tool_use" && typeof block.id === "string" && typeof block.name === "string" && typeof event.index === "number") {
          toolIndex.set(event.index, toolIndex.size);
          return [{ type: "tool_call_start", index: toolIndex.size - 1, id: block.id, name: block.name }];
        }
        if (block.type === "text" && typeof block.text === "string" && block.text !== "") return [{ type: "text", text: block.text }];
        if (block.type === "thinking" && typeof block.thinking === "string" && block.thinking !== "") return [{ type: "reasoning", text: block.thinking }];
        return [];
      }
      case "content_block_delta": {
        const delta = event.delta ?? {};
        if (delta.type === "text_delta" && typeof delta.text === "string" && delta.text !== "") return [{ type: "text", text: delta.text }];
        if (delta.type === "thinking_delta" && typeof delta.thinking === "string" && delta.thinking !== "") return [{ type: "reasoning", text: delta.thinking }];
        // The thinking block's signature, needed to send the block back in a later turn.
        if (delta.type === "signature_delta" && typeof delta.signature === "string" && delta.signature !== "") return [{ type: "reasoning", text: "", signature: delta.signature }];
        if (delta.type === "input_json_delta" && typeof delta.partial_json === "string" && delta.partial_json !== "") {
          const index = typeof event.index === "number" ? toolIndex.get(event.index) : undefined;
          return index === undefined ? [] : [{ type: "tool_call_delta", index, arguments: delta.partial_json }];
        }
        return [];
      }
      case "message_delta":
        if (event.delta?.stop_reason !== undefined && event.delta.stop_reason !== null) finishReason = readStopReason(event.delta.stop_reason);
        usage = readAnthropicUsage(event.usage, usage);
        return [];
      case "message_stop":
        stopped = true;
        return [];
      case "error":
        error = event.error ?? {};
        return [];
      default:
        // ping, content_block_stop and event types added later carry no answer.
        return [];
    }
  }

  return {
    read,
    get finishReason() {
      return finishReason;
    },
    get stopped() {
      return stopped;
    },
    get error() {
      return error;
    },
    get usage() {
      return usage;
    },
  };
}
