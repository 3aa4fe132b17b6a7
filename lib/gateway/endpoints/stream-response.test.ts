import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { ProviderError } from "@/lib/providers/provider-error";
import type { StreamPart, Usage } from "@/lib/providers/types";
import { openAiSseStream } from "./stream-response";

async function* parts(items: Array<StreamPart | Error>): AsyncIterable<StreamPart> {
  for (const item of items) {
    if (item instanceof Error) throw item;
    yield item;
  }
}

async function read(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const text = await new Response(stream).text();
  return text.split("\n\n").filter(Boolean).map((event) => event.replace(/^data: /, ""));
}

const usage: Usage = { inputTokens: 5, outputTokens: 2, cachedInputTokens: 1, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };

describe("openAiSseStream", () => {
  it("sends role then content chunks, a finish chunk, the usage chunk and [DONE]", async () => {
    let ended: unknown[] = [];
    const events = await read(
      openAiSseStream({
        decisionId: "0190e2c4-0000-7000-8000-000000000000",
        model: "m",
        created: 1,
        includeUsage: true,
        stream: parts([{ type: "text", text: "Hel" }, { type: "text", text: "lo" }, { type: "finish", finishReason: "stop", usage }]),
        onEnd: (...args) => (ended = args),
        toApiError: () => new ApiError(502, "x", "x"),
      }),
    );
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event));
    expect(chunks[0].choices[0].delta).toEqual({ role: "assistant", content: "Hel" });
    expect(chunks[1].choices[0].delta).toEqual({ content: "lo" });
    expect(chunks[2].choices[0].finish_reason).toBe("stop");
    expect(chunks[3]).toMatchObject({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7, prompt_tokens_details: { cached_tokens: 1 } } });
    expect(chunks[0].id).toBe("chatcmpl-0190e2c4000070008000000000000000");
    expect(ended).toEqual([usage, [{ type: "text", text: "Hello" }], null]);
  });

  it("reports a mid-stream failure in-band, without [DONE], and records the error", async () => {
    let endedWith: unknown = null;
    const events = await read(
      openAiSseStream({
        decisionId: "id",
        model: "m",
        created: 1,
        includeUsage: false,
        stream: parts([{ type: "text", text: "partial" }, new ProviderError({ kind: "unavailable", message: "dropped" })]),
        onEnd: (_usage, _answer, error) => (endedWith = error),
        toApiError: (error) => new ApiError(502, "upstream_stream_failed", (error as Error).message),
      }),
    );
    expect(events).not.toContain("[DONE]");
    expect(JSON.parse(events.at(-1)!)).toEqual({ error: { message: "dropped", type: "api_error", code: "upstream_stream_failed" } });
    expect(endedWith).toBeInstanceOf(ProviderError);
  });

  it("streams tool calls in OpenAI's chunk shape and ends with finish_reason tool_calls", async () => {
    let answer: unknown = null;
    const events = await read(
      openAiSseStream({
        decisionId: "id",
        model: "m",
        created: 1,
        includeUsage: false,
        stream: parts([
          { type: "tool_call_start", index: 0, id: "call_1", name: "get_weather" },
          { type: "tool_call_delta", index: 0, arguments: '{"city":' },
          { type: "tool_call_delta", index: 0, arguments: '"Paris"}' },
          { type: "tool_call_start", index: 1, id: "call_2", name: "get_time" },
          { type: "tool_call_delta", index: 1, arguments: "{}" },
          { type: "finish", finishReason: "tool_calls", usage },
        ]),
        onEnd: (_usage, collected) => (answer = collected),
        toApiError: () => new ApiError(502, "x", "x"),
      }),
    );
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event));
    expect(chunks[0].choices[0].delta).toEqual({ role: "assistant", tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "get_weather", arguments: "" } }] });
    expect(chunks[1].choices[0].delta).toEqual({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] });
    expect(chunks[3].choices[0].delta.tool_calls[0]).toMatchObject({ index: 1, id: "call_2" });
    expect(chunks.at(-1).choices[0].finish_reason).toBe("tool_calls");
    expect(answer).toEqual([
      { type: "tool_call", id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' },
      { type: "tool_call", id: "call_2", name: "get_time", arguments: "{}" },
    ]);
  });
});
