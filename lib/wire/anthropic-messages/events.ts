// Anthropic's streaming events, written from canonical stream parts: message_start, ping, then
// one content block at a time (content_block_start → deltas → content_block_stop), then
// message_delta (stop reason and the full usage) and message_stop. Text, thinking and each tool
// call are separate blocks; a tool call's input streams as input_json_delta fragments.
import type { StreamPart } from "@/lib/canonical/types";
import { messageId, stopReason, usageBody } from "./message";

export interface StreamEvent {
  type: string;
  [field: string]: unknown;
}

type OpenBlock = { kind: "text" | "thinking" } | { kind: "tool_use"; toolIndex: number };

/** Stateful writer: `start()` once, then `write(part)` for each part; the finish part closes the message. */
export function eventWriter(base: { decisionId: string; model: string }) {
  let nextIndex = 0;
  let open: (OpenBlock & { index: number }) | null = null;
  const toolBlocks = new Map<number, number>(); // canonical tool index → block index

  const stopOpen = (): StreamEvent[] => {
    if (!open) return [];
    const index = open.index;
    open = null;
    return [{ type: "content_block_stop", index }];
  };
  const startBlock = (block: OpenBlock, contentBlock: Record<string, unknown>): StreamEvent[] => {
    const events = stopOpen();
    open = { ...block, index: nextIndex++ };
    if (block.kind === "tool_use") toolBlocks.set(block.toolIndex, open.index);
    events.push({ type: "content_block_start", index: open.index, content_block: contentBlock });
    return events;
  };

  return {
    start(): StreamEvent[] {
      return [
        {
          type: "message_start",
          message: {
            id: messageId(base.decisionId),
            type: "message",
            role: "assistant",
            model: base.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            // The upstream's counts arrive with the last part; message_delta carries them.
            usage: { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
          },
        },
        { type: "ping" },
      ];
    },
    write(part: StreamPart): StreamEvent[] {
      switch (part.type) {
        case "text": {
          if (part.text === "") return [];
          const events = open?.kind === "text" ? [] : startBlock({ kind: "text" }, { type: "text", text: "" });
          events.push({ type: "content_block_delta", index: open!.index, delta: { type: "text_delta", text: part.text } });
          return events;
        }
        case "reasoning": {
          if (part.text === "" && part.signature && open?.kind === "thinking") {
            return [{ type: "content_block_delta", index: open.index, delta: { type: "signature_delta", signature: part.signature } }];
          }
          if (part.text === "") return [];
          const events = open?.kind === "thinking" ? [] : startBlock({ kind: "thinking" }, { type: "thinking", thinking: "", signature: "" });
          events.push({ type: "content_block_delta", index: open!.index, delta: { type: "thinking_delta", thinking: part.text } });
          return events;
        }
        case "tool_call_start":
          return startBlock({ kind: "tool_use", toolIndex: part.index }, { type: "tool_use", id: part.id, name: part.name, input: {} });
        case "tool_call_delta": {
          const index = toolBlocks.get(part.index);
          if (index === undefined || part.arguments === "") return [];
          return [{ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: part.arguments } }];
        }
        case "finish":
          return [
            ...stopOpen(),
            { type: "message_delta", delta: { stop_reason: stopReason(part.finishReason), stop_sequence: null }, usage: usageBody(part.usage) },
            { type: "message_stop" },
          ];
      }
    },
  };
}

const encoder = new TextEncoder();

/** One SSE event as Anthropic frames it: the event name, then its JSON. */
export function sseEvent(event: StreamEvent): Uint8Array {
  return encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}
