import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeAnthropicServer, startFakeOpenAIServer, type FakeLlmServer } from "./fake-llm-server";

// The wire format itself, checked with plain fetch: the adapters' tests rely on it being real.
describe("fake upstream servers", () => {
  let openai: FakeLlmServer;
  let anthropic: FakeLlmServer;
  beforeAll(async () => {
    openai = await startFakeOpenAIServer({ apiKey: "sk-test" });
    anthropic = await startFakeAnthropicServer({ apiKey: "ak-test" });
  });
  afterAll(async () => {
    await openai.stop();
    await anthropic.stop();
  });

  const post = (server: FakeLlmServer, path: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${server.origin}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("listens on 127.0.0.1 with an ephemeral port", () => {
    expect(openai.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(openai.baseUrl).not.toBe(anthropic.baseUrl);
  });

  it("streams OpenAI chunks, a usage chunk when asked, then [DONE]", async () => {
    openai.reset().setReply({ chunks: ["Hel", "lo"], usage: { inputTokens: 4, outputTokens: 2 } });
    const response = await post(
      openai,
      "/v1/chat/completions",
      { model: "m", stream: true, stream_options: { include_usage: true }, messages: [] },
      { authorization: "Bearer sk-test" },
    );
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = (await response.text()).split("\n\n").filter(Boolean);
    expect(events.at(-1)).toBe("data: [DONE]");
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice("data: ".length)));
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? null)).toEqual(["", "Hel", "lo", null, null]);
    expect(chunks.at(-2).choices[0].finish_reason).toBe("stop");
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 } });
  });

  it("sends Anthropic's named events in order", async () => {
    anthropic.reset().setReply({ chunks: ["a", "b"] });
    const response = await post(anthropic, "/v1/messages", { model: "c", stream: true, messages: [] }, { "x-api-key": "ak-test" });
    const names = (await response.text()).match(/^event: (\w+)$/gm)?.map((line) => line.slice("event: ".length));
    expect(names).toEqual([
      "message_start",
      "content_block_start",
      "ping",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
  });

  it("rejects a wrong key with the protocol's 401 and records every request", async () => {
    openai.reset();
    const response = await post(openai, "/v1/chat/completions", { model: "m", messages: [] }, { authorization: "Bearer nope" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_api_key" } });
    expect(openai.requests).toHaveLength(1);
    expect(openai.requests[0]?.headers.authorization).toBe("Bearer nope");
    expect(openai.requests[0]?.body.model).toBe("m");
  });

  it("serves queued replies before the default, and sends retry-after", async () => {
    anthropic.reset().enqueue({ failWith: { status: 429, retryAfterSeconds: 3 } });
    const first = await post(anthropic, "/v1/messages", { model: "c", messages: [] }, { "x-api-key": "ak-test" });
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("3");
    expect(await first.json()).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
    const second = await post(anthropic, "/v1/messages", { model: "c", messages: [] }, { "x-api-key": "ak-test" });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ type: "message", content: [{ type: "text" }] });
  });

  it("stop() closes hanging requests", async () => {
    const server = await startFakeOpenAIServer({ reply: { hang: true } });
    const pending = post(server, "/v1/chat/completions", { model: "m", messages: [] }, {}).catch((error: unknown) => error);
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.stop();
    expect(await pending).toBeInstanceOf(Error);
  });
});
