// What only the Anthropic client does: its headers, Anthropic's own error types (529
// overloaded, errors inside a 200 stream) and a stream cut before message_stop. The behaviour
// it shares with the other adapters is in provider-adapters.test.ts.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CanonicalRequest } from "@/lib/canonical/types";
import { ANTHROPIC_VERSION, createAnthropicMessagesClient } from "./anthropic-messages-client";
import { collectStream, startFakeAnthropicServer, textRequest, type FakeLlmServer } from "./testing";

let upstream: FakeLlmServer;
/** Answers every request with the SSE events in `scripted`, as written. */
let scripted: Array<Record<string, unknown>> = [];
let scriptServer: Server;
let scriptUrl: string;

beforeAll(async () => {
  upstream = await startFakeAnthropicServer({ apiKey: "sk-ant" });
  scriptServer = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const event of scripted) res.write(`event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`);
      res.end();
    });
  });
  await new Promise<void>((resolve) => scriptServer.listen(0, "127.0.0.1", resolve));
  scriptUrl = `http://127.0.0.1:${(scriptServer.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  await upstream.stop();
  await new Promise<void>((resolve) => scriptServer.close(() => resolve()));
});

const client = (baseUrl = upstream.baseUrl) =>
  createAnthropicMessagesClient({ providerKey: "ant", modelAlias: "claude", providerModelId: "claude-sonnet-4-5", baseUrl, apiKey: () => "sk-ant" });
const request = textRequest([["user", "Hi"]], { maxOutputTokens: 50 });
const START = { type: "message_start", message: { usage: { input_tokens: 3, output_tokens: 1 } } };

describe("Anthropic Messages client", () => {
  it("sends the default API version, and the caller's version and betas merged with the ones the body needs", async () => {
    upstream.reset().setReply({ text: "ok" });
    await client().generate(request);
    expect(upstream.requests[0]?.headers).toMatchObject({ "x-api-key": "sk-ant", "anthropic-version": ANTHROPIC_VERSION });
    expect(upstream.requests[0]?.headers["anthropic-beta"]).toBeUndefined();
    expect(upstream.requests[0]?.headers.authorization).toBeUndefined();

    const midSystem: CanonicalRequest = {
      ...textRequest([["user", "Hi"], ["system", "Reminder."]]),
      anthropicHeaders: { version: "2023-01-01", beta: "context-1m-2025-08-07, mid-conversation-system-2026-04-07" },
    };
    await client().generate(midSystem);
    expect(upstream.requests[1]?.headers["anthropic-version"]).toBe("2023-01-01");
    expect(upstream.requests[1]?.headers["anthropic-beta"]).toBe("context-1m-2025-08-07,mid-conversation-system-2026-04-07");
  });

  it("maps 529 overloaded_error to unavailable, retryable, with its status", async () => {
    upstream.reset().setReply({ failWith: { status: 529, message: "Overloaded" } });
    await expect(client().generate(request)).rejects.toMatchObject({ kind: "unavailable", status: 529, retryable: true, message: expect.stringContaining("Overloaded") });
  });

  it.each([
    ["rate_limit_error", "rate_limited", 429],
    ["overloaded_error", "unavailable", 529],
    ["invalid_request_error", "bad_request", 400],
    ["authentication_error", "auth", 401],
    ["api_error", "unavailable", 500],
  ])("an in-stream %s becomes %s after the text already delivered", async (type, kind, status) => {
    scripted = [START, { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }, { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "part" } }, { type: "error", error: { type, message: "went wrong" } }];
    const { text, finish, error } = await collectStream(client(scriptUrl).stream(request));
    expect(text).toBe("part");
    expect(finish).toBeUndefined();
    expect(error).toMatchObject({ kind, status, message: 'Provider "ant" answered ' + status + ": went wrong" });
  });

  it("refuses a stream that ends without message_stop, even after a stop reason", async () => {
    scripted = [START, { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }, { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "half" } }, { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { output_tokens: 1 } }];
    const { error } = await collectStream(client(scriptUrl).stream(request));
    expect(error).toMatchObject({ kind: "unavailable", message: expect.stringContaining("without a finish signal") });
  });

  it("estimates usage when the upstream reports none", async () => {
    scripted = [{ type: "message_start", message: {} }, { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "hello" } }, { type: "message_delta", delta: { stop_reason: "end_turn" } }, { type: "message_stop" }];
    const { finish } = await collectStream(client(scriptUrl).stream(request));
    expect(finish).toMatchObject({ finishReason: "stop", usage: { estimated: true } });
    expect(finish?.usage.outputTokens).toBeGreaterThan(0);
  });
});
