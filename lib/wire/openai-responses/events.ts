// The Responses API's stream, written from canonical stream parts: response.created and
// response.in_progress, then per output item output_item.added → (content_part.added → deltas →
// *.done → content_part.done) → output_item.done, and response.completed carrying the whole
// response with usage — or response.failed. Every event has the next sequence_number. Text and
// reasoning items are open one at a time; function calls stay open until the answer ends, so
// parallel calls may interleave their arguments as upstreams send them.
import type { StreamPart } from "@/lib/canonical/types";
import { functionCallItem, itemId, outputText, responseObject, statusOf, type OutputItem, type ResponseEcho } from "./response-body";
import type { ToolNames } from "./to-canonical";

export type ResponseEvent = { type: string; sequence_number: number } & Record<string, unknown>;

interface WriterOptions {
  decisionId: string;
  model: string;
  createdAt: number;
  echo: ResponseEcho;
  names: ToolNames;
}

type OpenText = { kind: "message" | "reasoning"; index: number; text: string };

export function responseEventWriter(options: WriterOptions) {
  let sequence = 0;
  const output: OutputItem[] = [];
  let openText: OpenText | null = null;
  /** Stream tool-call index → output index, for calls not yet done. */
  const openCalls = new Map<number, number>();
  const state = (status: "in_progress" | "completed" | "incomplete" | "failed", extra: Partial<Parameters<typeof responseObject>[0]> = {}) =>
    responseObject({ decisionId: options.decisionId, model: options.model, createdAt: options.createdAt, status, output: [...output], usage: null, ...extra }, options.echo);
  const event = (type: string, fields: Record<string, unknown>): ResponseEvent => ({ type, sequence_number: sequence++, ...fields });
  const clone = <T>(value: T): T => structuredClone(value);

  function closeText(): ResponseEvent[] {
    if (openText === null) return [];
    const { kind, index, text } = openText;
    openText = null;
    const item = output[index]!;
    const events: ResponseEvent[] = [];
    if (kind === "message" && item.type === "message") {
      const part = outputText(text);
      item.content = [part];
      item.status = "completed";
      events.push(
        event("response.output_text.done", { item_id: item.id, output_index: index, content_index: 0, text, logprobs: [] }),
        event("response.content_part.done", { item_id: item.id, output_index: index, content_index: 0, part: clone(part) }),
      );
    } else if (item.type === "reasoning") {
      const part = { type: "reasoning_text" as const, text };
      item.content = [part];
      events.push(
        event("response.reasoning_text.done", { item_id: item.id, output_index: index, content_index: 0, text }),
        event("response.content_part.done", { item_id: item.id, output_index: index, content_index: 0, part: clone(part) }),
      );
    }
    events.push(event("response.output_item.done", { output_index: index, item: clone(item) }));
    return events;
  }

  function openTextItem(kind: "message" | "reasoning"): ResponseEvent[] {
    const index = output.length;
    const item: OutputItem =
      kind === "message"
        ? { id: itemId("msg", options.decisionId, index), type: "message", status: "in_progress", role: "assistant", content: [] }
        : { id: itemId("rs", options.decisionId, index), type: "reasoning", summary: [], content: [] };
    output.push(item);
    openText = { kind, index, text: "" };
    const part = kind === "message" ? outputText("") : { type: "reasoning_text", text: "" };
    return [
      event("response.output_item.added", { output_index: index, item: clone(item) }),
      event("response.content_part.added", { item_id: item.id, output_index: index, content_index: 0, part }),
    ];
  }

  function closeCalls(): ResponseEvent[] {
    const events: ResponseEvent[] = [];
    for (const index of [...openCalls.values()].sort((a, b) => a - b)) {
      const item = output[index]!;
      if (item.type !== "function_call") continue;
      item.status = "completed";
      events.push(
        event("response.function_call_arguments.done", { item_id: item.id, output_index: index, name: item.name, arguments: item.arguments }),
        event("response.output_item.done", { output_index: index, item: clone(item) }),
      );
    }
    openCalls.clear();
    return events;
  }

  return {
    start(): ResponseEvent[] {
      return [event("response.created", { response: state("in_progress") }), event("response.in_progress", { response: state("in_progress") })];
    },

    write(part: StreamPart): ResponseEvent[] {
      switch (part.type) {
        case "text":
        case "reasoning": {
          if (part.text === "") return [];
          const kind = part.type === "text" ? "message" : "reasoning";
          const events = openText?.kind === kind ? [] : [...closeText(), ...openTextItem(kind)];
          const open = openText!;
          open.text += part.text;
          const id = output[open.index]!.id;
          events.push(
            kind === "message"
              ? event("response.output_text.delta", { item_id: id, output_index: open.index, content_index: 0, delta: part.text, logprobs: [] })
              : event("response.reasoning_text.delta", { item_id: id, output_index: open.index, content_index: 0, delta: part.text }),
          );
          return events;
        }
        case "tool_call_start": {
          const events = closeText();
          const index = output.length;
          const item = functionCallItem(itemId("fc", options.decisionId, index), { id: part.id, name: part.name, arguments: "" }, options.names, "in_progress");
          output.push(item);
          openCalls.set(part.index, index);
          events.push(event("response.output_item.added", { output_index: index, item: clone(item) }));
          return events;
        }
        case "tool_call_delta": {
          const index = openCalls.get(part.index);
          const item = index === undefined ? undefined : output[index];
          if (index === undefined || item?.type !== "function_call" || part.arguments === "") return [];
          item.arguments += part.arguments;
          return [event("response.function_call_arguments.delta", { item_id: item.id, output_index: index, delta: part.arguments })];
        }
        case "finish": {
          const events = [...closeText(), ...closeCalls()];
          const { status, incomplete_details } = statusOf(part.finishReason);
          events.push(event(status === "completed" ? "response.completed" : "response.incomplete", { response: state(status, { incompleteDetails: incomplete_details, usage: part.usage }) }));
          return events;
        }
      }
    },

    /** The stream broke after it started: the response as far as it got, failed. */
    fail(error: { code: string; message: string }): ResponseEvent[] {
      return [event("response.failed", { response: state("failed", { error }) })];
    },
  };
}
