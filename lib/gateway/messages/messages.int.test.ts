// The Anthropic Messages endpoint end to end with the official Anthropic SDK: JSON, streams,
// tools, count_tokens and error types, translated to OpenAI-compatible fake upstreams (local,
// hosted) and sent natively-shaped to the Anthropic fake (frontier), on a real PostgreSQL.
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startGatewayFixture, type GatewayFixture } from "../testing/gateway-fixture";

let gw: GatewayFixture;
let client: Anthropic;
const CARD = "4242 4242 4242 4242";
const weatherTool: Anthropic.Tool = {
  name: "get_weather",
  description: "Current weather for a city",
  input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

beforeAll(async () => {
  gw = await startGatewayFixture("messages");
  const db = getDb();
  await db.model.updateMany({ data: { supportsTools: true, supportsStructuredOutput: true, supportsImages: true, supportsReasoning: true, maxOutputTokens: null } });
  await gw.republish();
  client = new Anthropic({ baseURL: `${gw.origin}/api`, apiKey: gw.apiKey, maxRetries: 0 });
});
afterAll(async () => gw?.stop());
beforeEach(() => {
  for (const upstream of [gw.local, gw.hosted, gw.frontier]) upstream.reset();
  gw.resetHealth();
});

async function recordOf(id: string | null) {
  await gw.flushLedger();
  return getDb().decisionRecord.findUniqueOrThrow({ where: { id: id ?? "" } });
}

async function messagesRecordCount() {
  await gw.flushLedger();
  return getDb().decisionRecord.count({ where: { apiKeyId: gw.keyId, endpoint: "messages" } });
}

describe("messages through the Anthropic SDK, translated to an OpenAI-compatible upstream", () => {
  it("answers a mapped vendor name in Anthropic's message shape and records one decision", async () => {
    gw.local.setReply({ text: "Hello from local.", usage: { inputTokens: 20, outputTokens: 4 } });
    const before = await messagesRecordCount();
    const { data, response } = await client.messages
      .create({ model: "claude-sonnet-4-5-20250929", max_tokens: 200, system: "Be brief.", messages: [{ role: "user", content: "Say hello" }], stop_sequences: ["END"] })
      .withResponse();
    expect(data).toMatchObject({ type: "message", role: "assistant", content: [{ type: "text", text: "Hello from local." }], stop_reason: "end_turn", usage: { input_tokens: 20, output_tokens: 4 } });
    expect(data.id).toMatch(/^msg_/);
    expect(response.headers.get("x-switchyard-tier")).toBe("local");
    expect(gw.local.requests[0]?.body).toMatchObject({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Say hello" },
      ],
      max_tokens: 200,
      stop: ["END"],
    });
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record).toMatchObject({ endpoint: "messages", requestedModel: "claude-sonnet-4-5-20250929", status: "success", inputTokens: 20, outputTokens: 4 });
    expect((record.trace as string[])[0]).toBe("The requested model 'claude-sonnet-4-5-20250929' matches the model-name mapping 'claude-*', so it is routed as 'auto'.");
    expect(await messagesRecordCount()).toBe(before + 1);
  });

  it("streams Anthropic's event sequence with usage in message_delta", async () => {
    gw.local.setReply({ chunks: ["Hel", "lo", " there"], usage: { inputTokens: 11, outputTokens: 3 } });
    const stream = client.messages.stream({ model: "auto", max_tokens: 100, messages: [{ role: "user", content: "Say hello" }] });
    const texts: string[] = [];
    stream.on("text", (text) => texts.push(text));
    const final = await stream.finalMessage();
    expect(texts.join("")).toBe("Hello there");
    expect(final).toMatchObject({ content: [{ type: "text", text: "Hello there" }], stop_reason: "end_turn", usage: { input_tokens: 11, output_tokens: 3 } });

    const raw = await fetch(`${gw.origin}/api/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": gw.apiKey, "content-type": "application/json", "anthropic-version": "2023-06-01" },
      body: JSON.stringify({ model: "auto", max_tokens: 100, stream: true, messages: [{ role: "user", content: "Say hello" }] }),
    });
    const events = [...(await raw.text()).matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
    expect(events).toEqual(["message_start", "ping", "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"]);
    const record = await recordOf(raw.headers.get("x-switchyard-decision"));
    expect(record).toMatchObject({ endpoint: "messages", stream: true, status: "success" });
    expect(record.ttftMs).not.toBeNull();
  });

  it("runs a tool round: tool_use out, tool_result back as a tool message, final text", async () => {
    gw.local.enqueue({ toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' }] }, { text: "It is sunny in Paris." });
    const messages: Anthropic.MessageParam[] = [{ role: "user", content: "Weather in Paris?" }];
    const first = await client.messages.create({ model: "auto", max_tokens: 200, messages, tools: [weatherTool], tool_choice: { type: "auto" } });
    expect(first.stop_reason).toBe("tool_use");
    const call = first.content.find((block): block is Anthropic.ToolUseBlock => block.type === "tool_use");
    expect(call).toMatchObject({ id: "call_1", name: "get_weather", input: { city: "Paris" } });
    messages.push({ role: "assistant", content: first.content }, { role: "user", content: [{ type: "tool_result", tool_use_id: "call_1", content: "sunny, 21 C" }] });
    const second = await client.messages.create({ model: "auto", max_tokens: 200, messages, tools: [weatherTool] });
    expect(second.content).toEqual([{ type: "text", text: "It is sunny in Paris." }]);
    expect(gw.local.requests[0]?.body.tools).toEqual([{ type: "function", function: { name: "get_weather", description: "Current weather for a city", parameters: weatherTool.input_schema } }]);
    expect(gw.local.requests[1]?.body.messages).toEqual([
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
      { role: "tool", tool_call_id: "call_1", content: "sunny, 21 C" },
    ]);
  });

  it("streams a tool call as input_json_delta fragments the SDK assembles", async () => {
    gw.local.setReply({ toolCalls: [{ id: "call_s", name: "get_weather", arguments: '{"city":"Oslo"}' }] });
    const final = await client.messages.stream({ model: "auto", max_tokens: 100, messages: [{ role: "user", content: "Weather in Oslo?" }], tools: [weatherTool] }).finalMessage();
    expect(final.stop_reason).toBe("tool_use");
    expect(final.content).toEqual([{ type: "tool_use", id: "call_s", name: "get_weather", input: { city: "Oslo" } }]);
  });
});

describe("messages to an Anthropic upstream", () => {
  it("sends opus traffic to the frontier (mapping: hard), forwards anthropic-beta and cache_control, and prices cached tokens", async () => {
    gw.frontier.setReply({ text: "Deep answer.", usage: { inputTokens: 1_000, outputTokens: 50, cachedInputTokens: 600, cacheWriteTokens: 200 } });
    const { data, response } = await client.messages
      .create(
        {
          model: "claude-opus-4-8",
          max_tokens: 300,
          system: [{ type: "text", text: "You are a careful reviewer.", cache_control: { type: "ephemeral" } }],
          messages: [{ role: "user", content: [{ type: "text", text: "Review this design.", cache_control: { type: "ephemeral" } }] }],
          tools: [{ ...weatherTool, cache_control: { type: "ephemeral" } }],
        },
        { headers: { "anthropic-beta": "context-1m-2025-08-07", "anthropic-version": "2023-06-01" } },
      )
      .withResponse();
    expect(data.usage).toMatchObject({ input_tokens: 200, output_tokens: 50, cache_read_input_tokens: 600, cache_creation_input_tokens: 200 });
    expect(response.headers.get("x-switchyard-tier")).toBe("frontier");
    const upstream = gw.frontier.requests[0]!;
    expect(String(upstream.headers["anthropic-beta"])).toContain("context-1m-2025-08-07");
    expect(upstream.headers["anthropic-version"]).toBe("2023-06-01");
    expect(upstream.body.system).toEqual([{ type: "text", text: "You are a careful reviewer.", cache_control: { type: "ephemeral" } }]);
    expect(upstream.body.messages).toEqual([{ role: "user", content: [{ type: "text", text: "Review this design.", cache_control: { type: "ephemeral" } }] }]);
    expect(upstream.body.tools).toEqual([expect.objectContaining({ name: "get_weather", cache_control: { type: "ephemeral" } })]);
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record).toMatchObject({ endpoint: "messages", difficulty: "hard", tierKey: "frontier", inputTokens: 1_000, cachedInputTokens: 600, cacheWriteTokens: 200 });
    expect(Number(record.costUsd)).toBeGreaterThan(0);
  });

  it("sends thinking blocks back as reasoning and an explicit thinking budget upstream", async () => {
    gw.frontier.setReply({ text: "Done." });
    await client.messages.create({
      model: "tier:frontier",
      max_tokens: 4_000,
      thinking: { type: "enabled", budget_tokens: 2_048 },
      messages: [
        { role: "user", content: "First step?" },
        { role: "assistant", content: [{ type: "thinking", thinking: "Consider the inputs.", signature: "sig-1" }, { type: "text", text: "Step one." }] },
        { role: "user", content: "Next?" },
      ],
    });
    const body = gw.frontier.requests[0]!.body;
    expect(body.thinking).toEqual({ type: "enabled", budget_tokens: 2_048 });
    expect((body.messages as Array<{ content: unknown }>)[1]?.content).toEqual([
      { type: "thinking", thinking: "Consider the inputs.", signature: "sig-1" },
      { type: "text", text: "Step one." },
    ]);
  });
});

describe("data classes and budgets on the messages endpoint", () => {
  it("keeps a card number found only inside a tool_result block on the local tier", async () => {
    gw.local.setReply({ text: "Refund noted." });
    const messages: Anthropic.MessageParam[] = [
      { role: "user", content: "Look up the customer's payment details." },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "lookup", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: `card ${CARD}` }] }] },
    ];
    const { response } = await client.messages.create({ model: "claude-opus-4-8", max_tokens: 100, messages, tools: [weatherTool] }).withResponse();
    expect(response.headers.get("x-switchyard-tier")).toBe("local");
    expect(gw.frontier.requests).toHaveLength(0);
    expect(gw.hosted.requests).toHaveLength(0);
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.dataClass).toBe("restricted");

    const pinned = await client.messages.create({ model: "tier:frontier", max_tokens: 100, messages }).catch((error: unknown) => error);
    expect(pinned).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect((pinned as InstanceType<typeof Anthropic.PermissionDeniedError>).error).toMatchObject({ type: "error", error: { type: "permission_error" } });
    expect(gw.frontier.requests).toHaveLength(0);
  });

  it("refuses a feature over a blocking budget with a rate_limit_error, and downgrades one set to downgrade", async () => {
    const db = getDb();
    const feature = { "x-switchyard-feature": "contract-review" };
    try {
      await db.feature.update({ where: { key: "contract-review" }, data: { monthlyBudgetUsd: 0.000001, budgetAction: "block" } });
      await gw.republish();
      gw.frontier.setReply({ text: "x", usage: { inputTokens: 100_000, outputTokens: 100_000 } });
      gw.local.setReply({ text: "cheap", usage: { inputTokens: 10, outputTokens: 1 } });
      // The first request spends past the tiny budget (unless earlier spend already has); the next one is refused.
      await client.messages.create({ model: "claude-opus-4-8", max_tokens: 100, messages: [{ role: "user", content: "Hi" }] }, { headers: feature }).catch(() => null);
      const refused = await client.messages.create({ model: "claude-opus-4-8", max_tokens: 100, messages: [{ role: "user", content: "Hi" }] }, { headers: feature }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(Anthropic.RateLimitError);
      expect((refused as InstanceType<typeof Anthropic.RateLimitError>).error).toMatchObject({ error: { type: "rate_limit_error" } });

      await db.feature.update({ where: { key: "contract-review" }, data: { budgetAction: "downgrade" } });
      await gw.republish();
      const { response } = await client.messages.create({ model: "claude-opus-4-8", max_tokens: 100, messages: [{ role: "user", content: "Hi" }] }, { headers: feature }).withResponse();
      expect(response.headers.get("x-switchyard-tier")).not.toBe("frontier");
      const record = await recordOf(response.headers.get("x-switchyard-decision"));
      expect((record.trace as string[]).join(" ")).toMatch(/budget/i);
    } finally {
      await db.feature.update({ where: { key: "contract-review" }, data: { monthlyBudgetUsd: 1000, budgetAction: "downgrade" } });
      await gw.republish();
    }
  });
});

describe("count_tokens and errors in Anthropic's shape", () => {
  it("counts a prompt's tokens for an authenticated key", async () => {
    const counted = await client.messages.countTokens({ model: "claude-sonnet-4-5", system: "Be brief.", messages: [{ role: "user", content: "How many tokens is this sentence?" }], tools: [weatherTool] });
    expect(counted.input_tokens).toBeGreaterThan(10);
    const bad = await new Anthropic({ baseURL: `${gw.origin}/api`, apiKey: "sy_wrong", maxRetries: 0 }).messages.countTokens({ model: "auto", messages: [{ role: "user", content: "x" }] }).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it("401 authentication_error for an unknown key, with a request id as Anthropic's answers have", async () => {
    const error = await new Anthropic({ baseURL: `${gw.origin}/api`, apiKey: "sy_wrong", maxRetries: 0 }).messages.create({ model: "auto", max_tokens: 10, messages: [{ role: "user", content: "x" }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((error as InstanceType<typeof Anthropic.AuthenticationError>).error).toMatchObject({ type: "error", error: { type: "authentication_error" }, request_id: expect.stringMatching(/^req_[0-9a-f-]{36}$/) });
    expect((error as InstanceType<typeof Anthropic.AuthenticationError>).requestID).toMatch(/^req_/);
  });

  it("401 for no key names both headers the gateway reads", async () => {
    const response = await fetch(`${gw.origin}/api/v1/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "auto", max_tokens: 10, messages: [{ role: "user", content: "x" }] }) });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { type: string; error: { type: string; message: string }; request_id?: string };
    expect(body).toMatchObject({ type: "error", error: { type: "authentication_error" }, request_id: expect.stringMatching(/^req_/) });
    expect(body.error.message).toContain("'x-api-key: <key>'");
    expect(body.error.message).toContain("'Authorization: Bearer <key>'");
  });

  it("400 invalid_request_error naming the field, recorded", async () => {
    const before = await messagesRecordCount();
    const missing = await client.messages.create({ model: "auto", messages: [{ role: "user", content: "x" }] } as unknown as Anthropic.MessageCreateParamsNonStreaming).catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(Anthropic.BadRequestError);
    expect((missing as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({ type: "error", error: { type: "invalid_request_error", message: expect.stringContaining("max_tokens") } });
    const serverTool = await client.messages
      .create({ model: "auto", max_tokens: 10, messages: [{ role: "user", content: "x" }], tools: [{ type: "web_search_20250305", name: "web_search" }] })
      .catch((caught: unknown) => caught);
    expect(serverTool).toBeInstanceOf(Anthropic.BadRequestError);
    expect((serverTool as Error).message).toContain("web_search_20250305");
    expect(await messagesRecordCount()).toBe(before + 2);
  });

  it("404 not_found_error for an unmapped model name, naming the mapping to add", async () => {
    const error = await client.messages.create({ model: "gemini-2.5-pro", max_tokens: 10, messages: [{ role: "user", content: "x" }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    const body = (error as InstanceType<typeof Anthropic.NotFoundError>).error as { error: { type: string; message: string }; request_id: string };
    expect(body.error.type).toBe("not_found_error");
    expect(body.error.message).toContain("model-name mapping");
    expect(body.error.message).toContain("'gemini-*' → auto");
    const record = await recordOf(body.request_id);
    expect(record).toMatchObject({ endpoint: "messages", requestedModel: "gemini-2.5-pro", httpStatus: 404, errorCode: "model_not_found" });
  });

  it("the same 404 on chat completions, in OpenAI's shape", async () => {
    const response = await fetch(`${gw.origin}/api/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${gw.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gemini-2.5-pro", messages: [{ role: "user", content: "x" }] }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "model_not_found", param: "model", message: expect.stringContaining("model-name mapping") } });
  });
});
