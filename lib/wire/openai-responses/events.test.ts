import { describe, expect, it } from "vitest";
import type { StreamPart, Usage } from "@/lib/canonical/types";
import { responseEventWriter } from "./events";
import { echoOf } from "./response-body";
import { responsesBodySchema } from "./request-schema";
import { ToolNames } from "./to-canonical";

const usage: Usage = { inputTokens: 10, outputTokens: 5, cachedInputTokens: 4, cacheWriteTokens: 0, reasoningTokens: 2, estimated: false };

function run(parts: StreamPart[]) {
  const writer = responseEventWriter({ decisionId: "0190-ab", model: "m", createdAt: 1, echo: echoOf(responsesBodySchema.parse({ model: "auto", input: "x" })), names: new ToolNames() });
  return [...writer.start(), ...parts.flatMap((part) => writer.write(part))];
}

describe("the Responses event stream", () => {
  it("opens, streams text and reasoning as separate items, and completes with the whole response and usage", () => {
    const events = run([
      { type: "reasoning", text: "Think" },
      { type: "text", text: "Hel" },
      { type: "text", text: "lo" },
      { type: "finish", finishReason: "stop", usage },
    ]);
    expect(events.map((event) => event.type)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.reasoning_text.delta",
      "response.reasoning_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_event, index) => index));
    const completed = events.at(-1)!.response as { output: Array<{ type: string }>; usage: unknown; output_text: string };
    expect(completed.output.map((item) => item.type)).toEqual(["reasoning", "message"]);
    expect(completed.output_text).toBe("Hello");
    expect(completed.usage).toEqual({ input_tokens: 10, input_tokens_details: { cached_tokens: 4 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 2 }, total_tokens: 15 });
  });

  it("keeps parallel calls open so their argument deltas may interleave, and closes them in order", () => {
    const events = run([
      { type: "tool_call_start", index: 0, id: "a", name: "f" },
      { type: "tool_call_start", index: 1, id: "b", name: "f" },
      { type: "tool_call_delta", index: 1, arguments: '{"x":2}' },
      { type: "tool_call_delta", index: 0, arguments: '{"x":1}' },
      { type: "finish", finishReason: "tool_calls", usage },
    ]);
    const deltas = events.filter((event) => event.type === "response.function_call_arguments.delta").map((event) => [event.output_index, event.delta]);
    expect(deltas).toEqual([
      [1, '{"x":2}'],
      [0, '{"x":1}'],
    ]);
    const done = events.filter((event) => event.type === "response.output_item.done").map((event) => (event.item as { call_id: string; arguments: string }));
    expect(done.map((item) => [item.call_id, item.arguments])).toEqual([
      ["a", '{"x":1}'],
      ["b", '{"x":2}'],
    ]);
  });

  it("ends a cut-off answer as response.incomplete naming the reason", () => {
    const last = run([{ type: "text", text: "Too long" }, { type: "finish", finishReason: "length", usage }]).at(-1)!;
    expect(last.type).toBe("response.incomplete");
    expect(last.response).toMatchObject({ status: "incomplete", incomplete_details: { reason: "max_output_tokens" } });
  });
});
