// OpenAI's chat completion chunks (SSE `data:` lines): writing them from canonical stream parts,
// and reading an upstream's into canonical stream parts. Tool calls stream as a first delta with
// index, id, type and name, then argument fragments under the same index; the final chunk
// carries finish_reason, and a usage chunk with empty choices follows before `[DONE]`.
import type { StreamPart, Usage } from "@/lib/canonical/types";
import { completionId, openAiFinishReason, readFinishReason, type OpenAiFinishReason } from "./completion";
import { readWireUsage, usageBody } from "./usage";

interface ChunkBase {
  decisionId: string;
  model: string;
  created: number;
}

type Delta = Record<string, unknown>;

function chunk(base: ChunkBase, delta: Delta, finishReason: OpenAiFinishReason | null) {
  return {
    id: completionId(base.decisionId),
    object: "chat.completion.chunk" as const,
    created: base.created,
    model: base.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

export function usageChunk(base: ChunkBase, usage: Usage) {
  return { id: completionId(base.decisionId), object: "chat.completion.chunk" as const, created: base.created, model: base.model, choices: [], usage: usageBody(usage) };
}

/** Stateful writer: the first chunk carries the role; later ones only their delta. */
export function chunkWriter(base: ChunkBase) {
  let sentRole = false;
  const withRole = (delta: Delta): Delta => {
    if (sentRole) return delta;
    sentRole = true;
    return { role: "assistant", ...delta };
  };
  return {
    /** Chunk bodies for one part (empty for a part that carries nothing). */
    write(part: StreamPart): unknown[] {
      switch (part.type) {
        case "text":
          return part.text === "" ? [] : [chunk(base, withRole({ content: part.text }), null)];
        case "reasoning":
          return part.text === "" ? [] : [chunk(base, withRole({ reasoning_content: part.text }), null)];
        case "tool_call_start":
          return [chunk(base, withRole({ tool_calls: [{ index: part.index, id: part.id, type: "function", function: { name: part.name, arguments: "" } }] }), null)];
        case "tool_call_delta":
          return part.arguments === "" ? [] : [chunk(base, withRole({ tool_calls: [{ index: part.index, function: { arguments: part.arguments } }] }), null)];
        case "finish": {
          const opening = sentRole ? [] : [chunk(base, withRole({ content: "" }), null)];
          return [...opening, chunk(base, {}, openAiFinishReason(part.finishReason))];
        }
      }
    },
  };
}

interface WireChunk {
  choices?: Array<{
    delta?: { content?: unknown; reasoning_content?: unknown; reasoning?: unknown; refusal?: unknown; tool_calls?: Array<{ index?: unknown; id?: unknown; function?: { name?: unknown; arguments?: unknown } }> };
    finish_reason?: unknown;
  }>;
  usage?: unknown;
}

export type ReportedUsage = ReturnType<typeof readWireUsage>;

/**
 * Stateful reader of an upstream's chunks. `read` returns the parts one chunk holds; the
 * caller ends the stream with `finish()` once `[DONE]` or the end of the body arrives, because
 * the usage chunk comes after the one with finish_reason.
 */
export function chunkReader() {
  const started = new Map<number, number>(); // wire index → canonical index
  let finishReason: ReturnType<typeof readFinishReason> | null = null;
  let usage: ReportedUsage = null;

  return {
    read(value: unknown): StreamPart[] {
      if (!value || typeof value !== "object") return [];
      const wire = value as WireChunk;
      const reported = readWireUsage(wire.usage);
      if (reported) usage = reported;
      const parts: StreamPart[] = [];
      for (const choice of wire.choices ?? []) {
        const delta = choice.delta ?? {};
        const reasoning = typeof delta.reasoning_content === "string" ? delta.reasoning_content : typeof delta.reasoning === "string" ? delta.reasoning : "";
        if (reasoning !== "") parts.push({ type: "reasoning", text: reasoning });
        if (typeof delta.content === "string" && delta.content !== "") parts.push({ type: "text", text: delta.content });
        if (typeof delta.refusal === "string" && delta.refusal !== "") parts.push({ type: "text", text: delta.refusal });
        for (const call of delta.tool_calls ?? []) {
          const wireIndex = typeof call.index === "number" ? call.index : started.size;
          let index = started.get(wireIndex);
          if (index === undefined) {
            index = started.size;
            started.set(wireIndex, index);
            parts.push({ type: "tool_call_start", index, id: typeof call.id === "string" && call.id !== "" ? call.id : `call_${index}`, name: typeof call.function?.name === "string" ? call.function.name : "" });
          }
          const args = call.function?.arguments;
          if (typeof args === "string" && args !== "") parts.push({ type: "tool_call_delta", index, arguments: args });
        }
        if (choice.finish_reason != null) finishReason = readFinishReason(choice.finish_reason);
      }
      return parts;
    },
    get finishReason() {
      return finishReason;
    },
    get usage() {
      return usage;
    },
  };
}
