import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CanonicalRequest } from "@/lib/canonical/types";
import type { ProviderKind } from "@/lib/routing/types";
import { createProviderClient } from "./create-provider-client";
import { ProviderError, RequestAbortedError } from "./provider-error";
import { collectStream, modelPolicy, providerPolicy, resultText, startFakeAnthropicServer, startFakeOpenAIServer, textRequest, type FakeLlmServer } from "./testing";

// Every provider adapter against a real HTTP server speaking its wire protocol.

const SECRETS: Record<string, string> = { OPENAI_KEY: "sk-openai", ANTHROPIC_KEY: "sk-ant", TOGETHER_KEY: "sk-compat" };
const readSecret = (name: string) => SECRETS[name];

interface AdapterCase {
  kind: Exclude<ProviderKind, "simulator">;
  start: () => Promise<FakeLlmServer>;
  apiKeyEnv: string;
  /** The header the key must arrive in. */
  sentKey: (server: FakeLlmServer) => string | undefined;
}

const CASES: AdapterCase[] = [
  {
    kind: "openai",
    start: () => startFakeOpenAIServer({ apiKey: "sk-openai" }),
    apiKeyEnv: "OPENAI_KEY",
    sentKey: (server) => server.requests.at(-1)?.headers.authorization,
  },
  {
    kind: "anthropic",
    start: () => startFakeAnthropicServer({ apiKey: "sk-ant" }),
    apiKeyEnv: "ANTHROPIC_KEY",
    sentKey: (server) => server.requests.at(-1)?.headers["x-api-key"] as string | undefined,
  },
  {
    kind: "openai-compatible",
    start: () => startFakeOpenAIServer({ apiKey: "sk-compat" }),
    apiKeyEnv: "TOGETHER_KEY",
    sentKey: (server) => server.requests.at(-1)?.headers.authorization,
  },
];

const EXPECTED_KEY_HEADER: Record<AdapterCase["kind"], string> = {
  openai: "Bearer sk-openai",
  anthropic: "sk-ant",
  "openai-compatible": "Bearer sk-compat",
};

const request = textRequest(
  [
    ["system", "Be brief."],
    ["user", "Say hello"],
  ],
  { maxOutputTokens: 64, temperature: 0.2 },
);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe.each(CASES)("$kind adapter", ({ kind, start, apiKeyEnv, sentKey }) => {
  let upstream: FakeLlmServer;
  const client = (overrides: { baseUrl?: string; apiKeyEnv?: string } = {}) =>
    createProviderClient(
      providerPolicy({ key: `${kind}-main`, kind, baseUrl: overrides.baseUrl ?? upstream.baseUrl, apiKeyEnv: overrides.apiKeyEnv ?? apiKeyEnv }),
      modelPolicy({ providerKey: `${kind}-main`, alias: "answerer", providerModelId: `${kind}-model-1` }),
      { readSecret },
    );

  beforeAll(async () => {
    upstream = await start();
  });
  afterAll(async () => {
    await upstream.stop();
  });

  it("generates: text, finish reason and the provider's usage, with the model id and key sent", async () => {
    upstream.reset().setReply({ text: "Hello there.", usage: { inputTokens: 12, outputTokens: 3 } });
    const result = await client().generate(request);
    expect(resultText(result)).toBe("Hello there.");
    expect(result).toMatchObject({ finishReason: "stop", usage: { inputTokens: 12, outputTokens: 3, estimated: false } });
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(result.ttftMs).toBe(result.latencyMs);
    expect(upstream.completionRequests).toHaveLength(1);
    expect(upstream.requests[0]?.body.model).toBe(`${kind}-model-1`);
    expect(sentKey(upstream)).toBe(EXPECTED_KEY_HEADER[kind]);
  });

  it("streams several text parts, then one finish with usage", async () => {
    upstream.reset().setReply({ chunks: ["One ", "two ", "three."], usage: { inputTokens: 9, outputTokens: 4 } });
    const { parts, text, finish, error } = await collectStream(client().stream(request));
    expect(error).toBeUndefined();
    expect(parts.filter((part) => part.type === "text")).toHaveLength(3);
    expect(text).toBe("One two three.");
    expect(parts.at(-1)).toBe(finish);
    expect(finish).toMatchObject({ type: "finish", finishReason: "stop", usage: { inputTokens: 9, outputTokens: 4, cachedInputTokens: 0, estimated: false } });
    expect(upstream.requests[0]?.body.stream).toBe(true);
  });

  it("maps a length stop", async () => {
    upstream.reset().setReply({ text: "cut", finishReason: "length" });
    expect((await client().generate(request)).finishReason).toBe("length");
  });

  it("maps 429 to rate_limited with retry-after, before a stream's first byte too", async () => {
    upstream.reset().setReply({ failWith: { status: 429, retryAfterSeconds: 7 } });
    const error = await rejection(client().generate(request));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAfterSeconds: 7, retryable: true });
    const streamed = await collectStream(client().stream(request));
    expect(streamed.parts).toEqual([]);
    expect(streamed.error).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 7 });
  });

  it("maps 500 to unavailable (retryable) and a 400 about context to context_length", async () => {
    upstream.reset().enqueue({ failWith: { status: 500 } }, { failWith: { status: 400, message: "prompt is too long: 250000 tokens > 200000 maximum" } });
    expect(await rejection(client().generate(request))).toMatchObject({ kind: "unavailable", status: 500, retryable: true });
    expect(await rejection(client().generate(request))).toMatchObject({ kind: "context_length", status: 400, retryable: false });
  });

  it("maps a rejected key (401) to auth, not retryable", async () => {
    upstream.reset();
    upstream.setApiKey("some-other-key");
    try {
      expect(await rejection(client().generate(request))).toMatchObject({ kind: "auth", status: 401, retryable: false });
    } finally {
      upstream.setApiKey(EXPECTED_KEY_HEADER[kind].replace("Bearer ", ""));
    }
  });

  it("maps a refused connection to unavailable", async () => {
    const closed = await start();
    const deadUrl = closed.baseUrl;
    await closed.stop();
    const error = await rejection(client({ baseUrl: deadUrl }).generate(request));
    expect(error).toMatchObject({ kind: "unavailable", retryable: true });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect((await collectStream(client({ baseUrl: deadUrl }).stream(request))).error).toMatchObject({ kind: "unavailable" });
  });

  it("throws a mid-stream error event after the text already delivered", async () => {
    upstream.reset().setReply({ chunks: ["a ", "b ", "c"], failMidStream: { afterChunks: 2 } });
    const { text, finish, error } = await collectStream(client().stream(request));
    expect(text).toBe("a b ");
    expect(finish).toBeUndefined();
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: "unavailable", retryable: true });
  });

  it("throws when the connection drops mid-stream", async () => {
    upstream.reset().setReply({ chunks: ["a ", "b ", "c"], chunkDelayMs: 20, failMidStream: { afterChunks: 2, mode: "disconnect" } });
    const { text, error } = await collectStream(client().stream(request));
    expect(text).toBe("a b ");
    expect(error).toMatchObject({ kind: "unavailable" });
  });

  it("reports the caller's abort as RequestAbortedError, and a ProviderError reason as itself", async () => {
    upstream.reset().setReply({ hang: true });
    const disconnect = new AbortController();
    setTimeout(() => disconnect.abort(), 30);
    expect(await rejection(client().generate(request, disconnect.signal))).toBeInstanceOf(RequestAbortedError);

    const timeout = new AbortController();
    setTimeout(() => timeout.abort(new ProviderError({ kind: "timeout", message: "too slow" })), 30);
    expect((await collectStream(client().stream(request, timeout.signal))).error).toMatchObject({ kind: "timeout", message: "too slow" });
  });

  it("refuses to call without the configured secret (auth, nothing sent)", async () => {
    upstream.reset();
    const error = await rejection(client({ apiKeyEnv: "UNSET_SECRET" }).generate(request));
    if (kind === "openai-compatible") {
      // Self-hosted servers often take no key, so the call goes out — and this one says 401.
      expect(error).toMatchObject({ kind: "auth", status: 401 });
    } else {
      expect(error).toMatchObject({ kind: "auth", retryable: false, message: expect.stringContaining("UNSET_SECRET") });
      expect(upstream.requests).toHaveLength(0);
    }
  });

  const toolRequest: CanonicalRequest = {
    ...textRequest([["user", "What is the weather in Paris?"]]),
    tools: [{ name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } }],
  };

  it("sends tool definitions and reads tool calls back (JSON)", async () => {
    upstream.reset().setReply({ toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' }] });
    const result = await client().generate(toolRequest);
    expect(result.finishReason).toBe("tool_calls");
    const [call] = result.content.filter((part) => part.type === "tool_call");
    expect(call).toMatchObject({ type: "tool_call", id: "call_1", name: "get_weather" });
    expect(JSON.parse((call as { arguments: string }).arguments)).toEqual({ city: "Paris" });
    expect(JSON.stringify(upstream.requests[0]?.body.tools)).toContain("get_weather");
  });

  it("streams tool calls as a start and argument deltas, then finish tool_calls", async () => {
    upstream.reset().setReply({ toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' }, { id: "call_2", name: "get_weather", arguments: '{"city":"Oslo"}' }] });
    const { toolCalls, finish, error } = await collectStream(client().stream(toolRequest));
    expect(error).toBeUndefined();
    expect(toolCalls.map((call) => [call.id, call.name, JSON.parse(call.arguments)])).toEqual([
      ["call_1", "get_weather", { city: "Paris" }],
      ["call_2", "get_weather", { city: "Oslo" }],
    ]);
    expect(finish?.finishReason).toBe("tool_calls");
  });

  it("sends a tool result back in the provider's own shape", async () => {
    upstream.reset().setReply({ text: "It is sunny." });
    const followUp: CanonicalRequest = {
      ...toolRequest,
      messages: [
        ...toolRequest.messages,
        { role: "assistant", content: [{ type: "tool_call", id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' }] },
        { role: "tool", toolCallId: "call_1", content: [{ type: "text", text: "sunny, 21 C" }] },
      ],
    };
    expect(resultText(await client().generate(followUp))).toBe("It is sunny.");
    const sent = JSON.stringify(upstream.requests[0]?.body.messages);
    expect(sent).toContain("sunny, 21 C");
    expect(sent).toContain("call_1");
  });

  it("reads cached input tokens and counts them inside inputTokens", async () => {
    upstream.reset().setReply({ text: "ok", usage: { inputTokens: 100, outputTokens: 5, cachedInputTokens: 60 } });
    expect((await client().generate(request)).usage).toMatchObject({ inputTokens: 100, cachedInputTokens: 60, outputTokens: 5, estimated: false });
    const { finish } = await collectStream(client().stream(request));
    expect(finish?.usage).toMatchObject({ inputTokens: 100, cachedInputTokens: 60 });
  });

  it("passes an image part on in the provider's own shape", async () => {
    upstream.reset().setReply({ text: "A cat." });
    const image: CanonicalRequest = {
      ...textRequest([]),
      messages: [{ role: "user", content: [{ type: "text", text: "What is this?" }, { type: "image", url: "data:image/png;base64,iVBORw0KGgo=" }] }],
    };
    await client().generate(image);
    expect(JSON.stringify(upstream.requests[0]?.body.messages)).toContain("iVBORw0KGgo=");
  });

  it("asks for structured output with the caller's schema", async () => {
    upstream.reset().setReply({ text: '{"answer":"yes"}' });
    const structured: CanonicalRequest = {
      ...textRequest([["user", "Answer yes or no"]]),
      outputFormat: { type: "json_schema", name: "verdict", schema: { type: "object", properties: { answer: { type: "string" } }, required: ["answer"], additionalProperties: false } },
    };
    const result = await client().generate(structured);
    expect(resultText(result)).toContain("yes");
    expect(JSON.stringify(upstream.requests[0]?.body)).toContain('"answer"');
  });
});
