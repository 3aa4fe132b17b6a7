import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { ProviderError } from "@/lib/providers/provider-error";
import type { StreamPart, TokenUsage } from "@/lib/providers/types";
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

const usage: TokenUsage = { inputTokens: 5, outputTokens: 2, estimated: false };

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
    expect(chunks[3]).toMatchObject({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } });
    expect(chunks[0].id).toBe("chatcmpl-0190e2c4000070008000000000000000");
    expect(ended).toEqual([usage, null]);
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
        onEnd: (_, error) => (endedWith = error),
        toApiError: (error) => new ApiError(502, "upstream_stream_failed", (error as Error).message),
      }),
    );
    expect(events).not.toContain("[DONE]");
    expect(JSON.parse(events.at(-1)!)).toEqual({ error: { message: "dropped", type: "api_error", code: "upstream_stream_failed" } });
    expect(endedWith).toBeInstanceOf(ProviderError);
  });
});
