// The stream reader and the answer readers against the fake upstream's Anthropic wire
// (lib/providers/testing/anthropic-wire.ts): real SSE bytes over a real connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StreamPart } from "@/lib/canonical/types";
import { sseEvents } from "@/lib/providers/sse-events";
import { startFakeAnthropicServer, type FakeLlmServer, type FakeReply } from "@/lib/providers/testing";
import { postUpstream } from "@/lib/providers/upstream-http";
import { anthropicStreamReader } from "./stream-reader";
import { readAnthropicUsage, readContentBlocks, readStopReason } from "./upstream-answer";

let upstream: FakeLlmServer;
beforeAll(async () => {
  upstream = await startFakeAnthropicServer();
});
afterAll(() => upstream.stop());

const body = { model: "claude-x", max_tokens: 100, messages: [{ role: "user", content: "Hi" }] };

async function streamed(reply: FakeReply) {
  upstream.reset().setReply(reply);
  const response = await postUpstream(`${upstream.baseUrl}/messages`, { "content-type": "application/json" }, JSON.stringify({ ...body, stream: true }));
  const reader = anthropicStreamReader();
  const parts: StreamPart[] = [];
  for await (const event of sseEvents(response.chunks())) parts.push(...reader.read(JSON.parse(event.data)));
  return { parts, reader };
}

async function answered(reply: FakeReply) {
  upstream.reset().setReply(reply);
  const response = await postUpstream(`${upstream.baseUrl}/messages`, { "content-type": "application/json" }, JSON.stringify(body));
  return JSON.parse(await response.text()) as { content: unknown; stop_reason: unknown; usage: unknown };
}

const CASES: Array<{ name: string; reply: FakeReply; parts: StreamPart[]; finishReason: string; usage: Record<string, number> }> = [
  {
    name: "text deltas, end_turn, usage with cache reads and writes counted inside input",
    reply: { chunks: ["One ", "two."], usage: { inputTokens: 100, outputTokens: 4, cachedInputTokens: 60, cacheWriteTokens: 10 } },
    parts: [
      { type: "text", text: "One " },
      { type: "text", text: "two." },
    ],
    finishReason: "stop",
    usage: { input: 100, output: 4, cached: 60, cacheWrite: 10 },
  },
  {
    name: "tool calls numbered in order, arguments in pieces, tool_use",
    reply: {
      toolCalls: [
        { id: "toolu_1", name: "get_weather", arguments: '{"city":"Paris"}' },
        { id: "toolu_2", name: "get_weather", arguments: '{"city":"Oslo"}' },
      ],
      usage: { inputTokens: 5, outputTokens: 9 },
    },
    parts: [
      { type: "tool_call_start", index: 0, id: "toolu_1", name: "get_weather" },
      { type: "tool_call_delta", index: 0, arguments: '{"city":' },
      { type: "tool_call_delta", index: 0, arguments: '"Paris"}' },
      { type: "tool_call_start", index: 1, id: "toolu_2", name: "get_weather" },
      { type: "tool_call_delta", index: 1, arguments: '{"city":' },
      { type: "tool_call_delta", index: 1, arguments: '"Oslo"}' },
    ],
    finishReason: "tool_calls",
    usage: { input: 5, output: 9, cached: 0, cacheWrite: 0 },
  },
  {
    name: "text then a call: the call is tool 0 although it is block 1",
    reply: { chunks: ["Checking."], toolCalls: [{ id: "toolu_3", name: "f", arguments: "{}" }], usage: { inputTokens: 1, outputTokens: 2 } },
    parts: [
      { type: "text", text: "Checking." },
      { type: "tool_call_start", index: 0, id: "toolu_3", name: "f" },
      { type: "tool_call_delta", index: 0, arguments: "{" },
      { type: "tool_call_delta", index: 0, arguments: "}" },
    ],
    finishReason: "tool_calls",
    usage: { input: 1, output: 2, cached: 0, cacheWrite: 0 },
  },
  { name: "max_tokens → length", reply: { chunks: ["cut"], finishReason: "length", usage: { inputTokens: 3, outputTokens: 1 } }, parts: [{ type: "text", text: "cut" }], finishReason: "length", usage: { input: 3, output: 1, cached: 0, cacheWrite: 0 } },
  { name: "refusal → content_filter", reply: { chunks: ["no"], finishReason: "content_filter", usage: { inputTokens: 3, outputTokens: 1 } }, parts: [{ type: "text", text: "no" }], finishReason: "content_filter", usage: { input: 3, output: 1, cached: 0, cacheWrite: 0 } },
];

describe("Anthropic SSE stream → canonical stream parts", () => {
  it.each(CASES)("$name", async ({ reply, parts, finishReason, usage }) => {
    const { parts: read, reader } = await streamed(reply);
    expect(read).toEqual(parts);
    expect(reader.stopped).toBe(true);
    expect(reader.finishReason).toBe(finishReason);
    expect(reader.usage).toEqual(usage);
    expect(reader.error).toBeUndefined();
  });

  it("keeps the error event's payload and never reports a stop", async () => {
    const { parts, reader } = await streamed({ chunks: ["a ", "b ", "c"], failMidStream: { afterChunks: 2, message: "Overloaded" } });
    expect(parts).toEqual([
      { type: "text", text: "a " },
      { type: "text", text: "b " },
    ]);
    expect(reader.error).toEqual({ type: "overloaded_error", message: "Overloaded" });
    expect(reader.stopped).toBe(false);
    expect(reader.finishReason).toBeNull();
  });

  it("reads thinking, its signature as its own part, and text blocks that open with text", () => {
    const reader = anthropicStreamReader();
    const events = [
      { type: "message_start", message: { usage: { input_tokens: 5, output_tokens: 1 } } },
      { type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "Weigh it." } },
      { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "sig-abc" } },
      { type: "content_block_stop", index: 0 },
      { type: "content_block_start", index: 1, content_block: { type: "redacted_thinking", data: "opaque" } },
      { type: "content_block_start", index: 2, content_block: { type: "text", text: "Do" } },
      { type: "content_block_delta", index: 2, delta: { type: "text_delta", text: "ne." } },
      { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { input_tokens: 7, output_tokens: 9 } },
      { type: "message_stop" },
    ];
    expect(events.flatMap((event) => reader.read(event))).toEqual([
      { type: "reasoning", text: "Weigh it." },
      { type: "reasoning", text: "", signature: "sig-abc" },
      { type: "text", text: "Do" },
      { type: "text", text: "ne." },
    ]);
    // message_delta's later counts replace message_start's.
    expect(reader.usage).toEqual({ input: 7, output: 9 });
  });
});

describe("Anthropic JSON answer → canonical", () => {
  it("text, tool calls as JSON text, stop reason and usage", async () => {
    const json = await answered({ text: "Calling.", toolCalls: [{ id: "toolu_1", name: "get_weather", arguments: '{"city":"Paris"}' }], usage: { inputTokens: 50, outputTokens: 6, cachedInputTokens: 20 } });
    expect(readContentBlocks(json.content)).toEqual([
      { type: "text", text: "Calling." },
      { type: "tool_call", id: "toolu_1", name: "get_weather", arguments: '{"city":"Paris"}' },
    ]);
    expect(readStopReason(json.stop_reason)).toBe("tool_calls");
    expect(readAnthropicUsage(json.usage)).toEqual({ input: 50, output: 6, cached: 20, cacheWrite: 0 });
  });

  it("thinking blocks with signatures; redacted thinking, empty text and server tools left out", () => {
    expect(
      readContentBlocks([
        { type: "thinking", thinking: "Hmm.", signature: "s1" },
        { type: "redacted_thinking", data: "x" },
        { type: "text", text: "" },
        { type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: {} },
        { type: "text", text: "Yes." },
      ]),
    ).toEqual([
      { type: "reasoning", text: "Hmm.", signature: "s1" },
      { type: "text", text: "Yes." },
    ]);
  });

  it.each([
    ["end_turn", "stop"],
    ["stop_sequence", "stop"],
    ["pause_turn", "stop"],
    ["model_context_window_exceeded", "length"],
    ["compaction", "other"],
    [null, "other"],
  ])("stop_reason %s → %s", (reason, expected) => {
    expect(readStopReason(reason)).toBe(expected);
  });

  it("usage without counts reports nothing (so the gateway estimates)", () => {
    expect(readAnthropicUsage(undefined)).toEqual({});
    expect(readAnthropicUsage({ output_tokens: "many" })).toEqual({});
  });
});
