// POST /api/v1/responses end to end: the official openai SDK (responses.create, JSON and
// streamed, function tools over two turns, structured output) and the OpenAI Agents SDK's default
// model against the gateway over HTTP, with fake upstreams (local and hosted: OpenAI-compatible,
// answered through chat completions; frontier: Anthropic, translated) on a real PostgreSQL database.
import { Agent, run, setDefaultOpenAIClient, setOpenAIAPI, setTracingDisabled, tool as agentTool } from "@openai/agents";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { startGatewayFixture, type GatewayFixture } from "../testing/gateway-fixture";

let gw: GatewayFixture;
let client: OpenAI;
const CARD = "4242 4242 4242 4242";
const weatherTool: OpenAI.Responses.FunctionTool = {
  type: "function",
  name: "get_weather",
  description: "Current weather for a city",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false },
  strict: true,
};

beforeAll(async () => {
  setTracingDisabled(true);
  gw = await startGatewayFixture("responses");
  await getDb().model.updateMany({ data: { supportsTools: true, supportsStructuredOutput: true, supportsImages: true, supportsReasoning: true, maxOutputTokens: null } });
  await gw.republish();
  client = new OpenAI({ baseURL: `${gw.origin}/api/v1`, apiKey: gw.apiKey, maxRetries: 0 });
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

describe("responses.create through the openai SDK", () => {
  it("answers a string input with a response object, usage and one record", async () => {
    gw.local.setReply({ text: "Hello from local.", usage: { inputTokens: 12, outputTokens: 4, cachedInputTokens: 8, reasoningTokens: 1 } });
    const { data, response } = await client.responses.create({ model: "auto", instructions: "Be brief.", input: "Say hello", metadata: { ticket: "T-1" } }).withResponse();
    expect(data).toMatchObject({ object: "response", status: "completed", model: "llama-3.1-8b", store: false, instructions: "Be brief.", metadata: { ticket: "T-1" } });
    expect(data.output_text).toBe("Hello from local.");
    expect(data.output).toEqual([expect.objectContaining({ type: "message", role: "assistant", status: "completed", content: [expect.objectContaining({ type: "output_text", text: "Hello from local." })] })]);
    expect(data.usage).toEqual({ input_tokens: 12, input_tokens_details: { cached_tokens: 8 }, output_tokens: 4, output_tokens_details: { reasoning_tokens: 1 }, total_tokens: 16 });
    expect(gw.local.requests[0]?.body.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Say hello" },
    ]);
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record).toMatchObject({ endpoint: "responses", status: "success", inputTokens: 12, cachedInputTokens: 8, outputTokens: 4, reasoningTokens: 1 });
    expect(await getDb().decisionRecord.count({ where: { id: record.id } })).toBe(1);
  });

  it("streams Responses events the SDK assembles, ending with response.completed and usage", async () => {
    gw.local.setReply({ chunks: ["Streamed ", "hello."], usage: { inputTokens: 5, outputTokens: 2 } });
    const stream = client.responses.stream({ model: "auto", input: [{ role: "user", content: [{ type: "input_text", text: "Stream it" }] }] });
    const types: string[] = [];
    const sequence: number[] = [];
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
    }
    const final = await stream.finalResponse();
    expect(final.output_text).toBe("Streamed hello.");
    expect(final.usage).toMatchObject({ input_tokens: 5, output_tokens: 2 });
    expect(types[0]).toBe("response.created");
    expect(types).toContain("response.output_text.delta");
    expect(types.at(-1)).toBe("response.completed");
    expect(sequence).toEqual(sequence.map((_value, index) => index));
    expect(gw.local.requests[0]?.body.stream).toBe(true);
  });

  it("runs a function_call → function_call_output round, JSON and streamed", async () => {
    gw.local.enqueue({ toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' }] }, { chunks: ["Sunny ", "in Paris."] });
    const first = await client.responses.create({ model: "auto", input: "Weather in Paris?", tools: [weatherTool] });
    const call = first.output.find((item) => item.type === "function_call");
    expect(call).toMatchObject({ type: "function_call", call_id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}', status: "completed" });
    const stream = client.responses.stream({
      model: "auto",
      tools: [weatherTool],
      input: [{ role: "user", content: "Weather in Paris?" }, ...(first.output as OpenAI.Responses.ResponseInputItem[]), { type: "function_call_output", call_id: "call_1", output: "sunny, 21 C" }],
    });
    const final = await stream.finalResponse();
    expect(final.output_text).toBe("Sunny in Paris.");
    expect(gw.local.requests[1]?.body.messages).toEqual([
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
      { role: "tool", tool_call_id: "call_1", content: "sunny, 21 C" },
    ]);
    expect(gw.local.requests[1]?.body.tools).toEqual([{ type: "function", function: { name: "get_weather", description: "Current weather for a city", parameters: weatherTool.parameters, strict: true } }]);
  });

  it("streams a tool call's arguments as function_call_arguments deltas", async () => {
    gw.local.setReply({ toolCalls: [{ id: "call_9", name: "get_weather", arguments: '{"city":"Oslo"}' }] });
    const stream = client.responses.stream({ model: "auto", input: "Weather in Oslo?", tools: [weatherTool] });
    const deltas: string[] = [];
    stream.on("response.function_call_arguments.delta", (event) => deltas.push(event.delta));
    const final = await stream.finalResponse();
    expect(deltas.join("")).toBe('{"city":"Oslo"}');
    expect(final.output).toEqual([expect.objectContaining({ type: "function_call", call_id: "call_9", name: "get_weather", arguments: '{"city":"Oslo"}' })]);
  });

  it("passes text.format json_schema on and returns the JSON", async () => {
    gw.local.setReply({ text: '{"city":"Paris","celsius":21}' });
    const schema = { type: "object", properties: { city: { type: "string" }, celsius: { type: "number" } }, required: ["city", "celsius"], additionalProperties: false };
    const response = await client.responses.create({ model: "auto", input: "Weather in Paris as JSON", text: { format: { type: "json_schema", name: "weather", schema, strict: true } } });
    expect(JSON.parse(response.output_text)).toEqual({ city: "Paris", celsius: 21 });
    expect(gw.local.requests[0]?.body.response_format).toEqual({ type: "json_schema", json_schema: { name: "weather", schema, strict: true } });
  });

  it("is answered by an Anthropic model, translated, streamed tool input included", async () => {
    gw.frontier.setReply({ toolCalls: [{ id: "toolu_1", name: "get_weather", arguments: '{"city":"Rome"}' }] });
    const stream = client.responses.stream({ model: "tier:frontier", instructions: "Use tools.", input: "Weather in Rome?", tools: [weatherTool], max_output_tokens: 300 });
    const final = await stream.finalResponse();
    expect(final.output).toEqual([expect.objectContaining({ type: "function_call", call_id: "toolu_1", name: "get_weather" })]);
    const call = final.output[0];
    expect(call?.type === "function_call" && JSON.parse(call.arguments)).toEqual({ city: "Rome" });
    const body = gw.frontier.requests[0]?.body;
    expect(body).toMatchObject({ max_tokens: 300, system: [expect.objectContaining({ text: "Use tools." })] });
    expect(body?.tools).toEqual([expect.objectContaining({ name: "get_weather", input_schema: expect.objectContaining({ type: "object" }) })]);
  });

  it("answers JSON from an Anthropic model as a message item", async () => {
    gw.frontier.setReply({ text: "Ciao from the frontier." });
    const response = await client.responses.create({ model: "tier:frontier", input: "Say ciao" });
    expect(response.output_text).toBe("Ciao from the frontier.");
    expect(response.usage?.input_tokens).toBeGreaterThan(0);
  });
});

describe("refusals in OpenAI's error shape", () => {
  it.each([
    ["previous_response_id", { previous_response_id: "resp_123" }, "send the full conversation"],
    ["store: true", { store: true }, "send the full conversation"],
    ["a hosted tool", { tools: [{ type: "web_search" }] }, "run at OpenAI"],
  ])("refuses %s with a 400 naming it", async (_what, extra, words) => {
    const error = await client.responses.create({ model: "auto", input: "hi", ...(extra as object) } as OpenAI.Responses.ResponseCreateParamsNonStreaming).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toContain(words);
    expect(gw.local.requests).toHaveLength(0);
  });

  it("answers 401 for a bad key in OpenAI's shape", async () => {
    const bad = new OpenAI({ baseURL: `${gw.origin}/api/v1`, apiKey: "sy_wrong", maxRetries: 0 });
    await expect(bad.responses.create({ model: "auto", input: "hi" })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it("ends a stream that breaks after its first byte with response.failed, and records the error", async () => {
    gw.local.setReply({ chunks: ["Half ", "an ", "answer"], failMidStream: { afterChunks: 1 } });
    const { data: stream, response } = await client.responses.create({ model: "auto", input: "Break", stream: true }).withResponse();
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.at(-1)).toBe("response.failed");
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record).toMatchObject({ endpoint: "responses", status: "error", errorCode: "stream_interrupted" });
  });
});

describe("the same guarantees as chat completions", () => {
  it("a card number only in a function_call_output item never leaves local", async () => {
    gw.local.setReply({ text: "Handled locally." });
    const { response } = await client.responses
      .create(
        {
          model: "auto",
          input: [
            { role: "user", content: "Look the customer up" },
            { type: "function_call", call_id: "c1", name: "lookup", arguments: "{}" },
            { type: "function_call_output", call_id: "c1", output: `card ${CARD}` },
          ],
        },
        { headers: { "x-switchyard-difficulty": "hard" } },
      )
      .withResponse();
    expect(response.headers.get("x-switchyard-tier")).toBe("local");
    expect(gw.hosted.requests).toHaveLength(0);
    expect(gw.frontier.requests).toHaveLength(0);
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record).toMatchObject({ dataClass: "restricted", endpoint: "responses" });
    expect(record.findings).toEqual([{ type: "payment_card", count: 1 }]);
  });

  it("a card number only in function_call arguments is found too", async () => {
    gw.local.setReply({ text: "ok" });
    const { response } = await client.responses
      .create({ model: "auto", input: [{ role: "user", content: "Charge" }, { type: "function_call", call_id: "c1", name: "charge", arguments: JSON.stringify({ card: CARD }) }, { type: "function_call_output", call_id: "c1", output: "done" }] })
      .withResponse();
    expect(response.headers.get("x-switchyard-tier")).toBe("local");
    expect((await recordOf(response.headers.get("x-switchyard-decision"))).dataClass).toBe("restricted");
  });

  /** Sets the feature's budget tiny and spends past it with one served request. */
  async function overBudget(featureKey: string, budgetAction: "block" | "downgrade") {
    await getDb().feature.update({ where: { key: featureKey }, data: { monthlyBudgetUsd: 0.000001, budgetAction } });
    await gw.republish();
    gw.local.setReply({ text: "spend", usage: { inputTokens: 100_000, outputTokens: 100_000 } });
    await client.responses.create({ model: "auto", input: "spend" }, { headers: { "x-switchyard-feature": featureKey } }).catch(() => null);
    await gw.flushLedger();
  }
  async function restoreBudget(featureKey: string) {
    await getDb().feature.update({ where: { key: featureKey }, data: { monthlyBudgetUsd: 1000, budgetAction: "downgrade" } });
    await gw.republish();
  }

  it("a feature over a blocking budget is refused with 429 and a refused record", async () => {
    try {
      await overBudget("research-notebook", "block");
      const error = await client.responses.create({ model: "auto", input: "more" }, { headers: { "x-switchyard-feature": "research-notebook" } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      const decisionId = (error as InstanceType<typeof OpenAI.RateLimitError>).headers?.get("x-switchyard-decision") ?? null;
      expect(await recordOf(decisionId)).toMatchObject({ endpoint: "responses", status: "refused", errorCode: "budget_exceeded" });
    } finally {
      await restoreBudget("research-notebook");
    }
  });

  it("a feature over a downgrading budget is kept to the cheapest tier, even for hard work", async () => {
    try {
      await overBudget("code-assist", "downgrade");
      gw.local.setReply({ text: "cheap" });
      const { response } = await client.responses.create({ model: "auto", input: "Prove it" }, { headers: { "x-switchyard-feature": "code-assist", "x-switchyard-difficulty": "hard" } }).withResponse();
      expect(response.headers.get("x-switchyard-tier")).toBe("local");
      const record = await recordOf(response.headers.get("x-switchyard-decision"));
      expect(record.trace as string[]).toContainEqual(expect.stringContaining("so it is downgraded"));
    } finally {
      await restoreBudget("code-assist");
    }
  });
});

describe("the OpenAI Agents SDK's default model (Responses)", () => {
  it("runs an agent with a tool through /v1/responses", async () => {
    setDefaultOpenAIClient(client);
    setOpenAIAPI("responses");
    gw.local.enqueue({ toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Kyoto"}' }] }, { text: "Kyoto is sunny." });
    const getWeather = agentTool({ name: "get_weather", description: "Weather for a city", parameters: z.object({ city: z.string() }), execute: async ({ city }) => `sunny in ${city}` });
    const agent = new Agent({ name: "Weather", instructions: "Answer with the tool.", model: "auto", tools: [getWeather] });
    const result = await run(agent, "Weather in Kyoto?");
    expect(result.finalOutput).toBe("Kyoto is sunny.");
    expect(gw.local.requests).toHaveLength(2);
    expect(JSON.stringify(gw.local.requests[1]?.body.messages)).toContain("sunny in Kyoto");
  });
});
