// A streamed Anthropic thinking block keeps its signature through the Anthropic client, so a
// Messages caller (Claude Code) can send the block back in its next turn.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect } from "@/lib/canonical/collect";
import type { AssistantPart, StreamPart } from "@/lib/canonical/types";
import { eventWriter } from "@/lib/wire/anthropic-messages/events";
import { createProviderClient } from "./create-provider-client";
import { modelPolicy, providerPolicy, textRequest } from "./testing";

const EVENTS = [
  { type: "message_start", message: { id: "msg_t", type: "message", role: "assistant", model: "m", content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 5, output_tokens: 1 } } },
  { type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "", signature: "" } },
  { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "Weigh it." } },
  { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "sig-abc" } },
  { type: "content_block_stop", index: 0 },
  { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
  { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "Done." } },
  { type: "content_block_stop", index: 1 },
  { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 9 } },
  { type: "message_stop" },
];

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const event of EVENTS) res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("streamed thinking through the Anthropic client", () => {
  it("carries the signature to the canonical stream and out as a signature_delta", async () => {
    const client = createProviderClient(
      providerPolicy({ key: "ant", kind: "anthropic", baseUrl, apiKeyEnv: "ANT_KEY" }),
      modelPolicy({ providerKey: "ant", alias: "thinker", providerModelId: "claude-x" }),
      { readSecret: () => "sk-ant" },
    );
    const parts: StreamPart[] = [];
    for await (const part of client.stream(textRequest([["user", "Think"]], { maxOutputTokens: 2000 }))) parts.push(part);
    const answer: AssistantPart[] = [];
    for (const part of parts) collect(answer, part);
    expect(answer).toEqual([
      { type: "reasoning", text: "Weigh it.", signature: "sig-abc" },
      { type: "text", text: "Done." },
    ]);

    const writer = eventWriter({ decisionId: "d", model: "thinker" });
    const deltas = parts.flatMap((part) => writer.write(part)).filter((event) => event.type === "content_block_delta").map((event) => event.delta);
    expect(deltas).toEqual([
      { type: "thinking_delta", thinking: "Weigh it." },
      { type: "signature_delta", signature: "sig-abc" },
      { type: "text_delta", text: "Done." },
    ]);
  });
});
