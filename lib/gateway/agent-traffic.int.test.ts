// Agent traffic end to end: the clients teams use (openai SDK, AI SDK, LangChain, the OpenAI
// Agents SDK) against the gateway over HTTP, with fake upstreams speaking each provider's wire
// protocol (local and hosted: OpenAI-compatible; frontier: Anthropic, translated), on a real
// PostgreSQL database.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { ChatOpenAI } from "@langchain/openai";
import { tool as langchainTool } from "@langchain/core/tools";
import { Agent, OpenAIChatCompletionsModel, run, setTracingDisabled, tool as agentTool } from "@openai/agents";
import { generateText, Output, stepCountIs, tool as aiTool } from "ai";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { startGatewayFixture, type GatewayFixture } from "./testing/gateway-fixture";

let gw: GatewayFixture;
let client: OpenAI;
const CARD = "4242 4242 4242 4242";
const weatherTool: OpenAI.ChatCompletionTool = {
  type: "function",
  function: { name: "get_weather", description: "Current weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
};

beforeAll(async () => {
  setTracingDisabled(true);
  gw = await startGatewayFixture("agents");
  const db = getDb();
  // Every model can do everything except gemma-2-9b, which cannot call tools and is the local
  // tier's first choice — so a tool request shows the capability check at work.
  await db.model.updateMany({ data: { supportsTools: true, supportsStructuredOutput: true, supportsImages: true, supportsReasoning: true, maxOutputTokens: null } });
  await db.model.update({ where: { alias: "gemma-2-9b" }, data: { supportsTools: false, priority: 1 } });
  await db.model.update({ where: { alias: "deepseek-v3" }, data: { inputPricePerMTok: 0.27, outputPricePerMTok: 1.1, cachedInputPricePerMTok: 0.07, priority: 1 } });
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

describe("tools through the openai SDK", () => {
  it("skips the model without tool support, says so, and returns the tool call (JSON)", async () => {
    gw.local.setReply({ toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' }] });
    const { data, response } = await client.chat.completions
      .create({ model: "auto", messages: [{ role: "user", content: "Weather in Paris?" }], tools: [weatherTool], tool_choice: "auto" })
      .withResponse();
    const choice = data.choices[0]!;
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.tool_calls?.[0]).toMatchObject({ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } });
    expect(response.headers.get("x-switchyard-model")).toBe("llama-3.1-8b");
    expect(gw.local.requests[0]?.body.tools).toEqual([weatherTool]);
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.trace as string[]).toContain("gemma-2-9b rejected: gemma-2-9b cannot call tools.");
    expect(record.trace as string[]).toContainEqual(expect.stringContaining("The answer calls tool get_weather"));
    expect(record.capabilities).toEqual(["tools"]);
    expect(record.toolCalls).toBe(1);
  });

  it("streams parallel tool calls in OpenAI's chunk shape", async () => {
    gw.local.setReply({
      toolCalls: [
        { id: "call_a", name: "get_weather", arguments: '{"city":"Paris"}' },
        { id: "call_b", name: "get_weather", arguments: '{"city":"Oslo"}' },
      ],
    });
    const stream = client.chat.completions.stream({ model: "auto", messages: [{ role: "user", content: "Weather in Paris and Oslo?" }], tools: [weatherTool], parallel_tool_calls: true });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.finish_reason).toBe("tool_calls");
    expect(final.choices[0]?.message.tool_calls?.map((call) => call.type === "function" && [call.id, JSON.parse(call.function.arguments).city])).toEqual([
      ["call_a", "Paris"],
      ["call_b", "Oslo"],
    ]);
    expect(gw.local.requests[0]?.body.parallel_tool_calls).toBe(true);
  });

  it("runs a two-turn tool loop: the tool result goes back upstream and the answer comes back", async () => {
    gw.local.enqueue({ toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' }] }, { text: "It is sunny in Paris." });
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "Weather in Paris?" }];
    const first = await client.chat.completions.create({ model: "auto", messages, tools: [weatherTool] });
    const call = first.choices[0]!.message.tool_calls![0]!;
    messages.push(first.choices[0]!.message, { role: "tool", tool_call_id: call.id, content: "sunny, 21 C" });
    const second = await client.chat.completions.create({ model: "auto", messages, tools: [weatherTool] });
    expect(second.choices[0]?.message.content).toBe("It is sunny in Paris.");
    expect(gw.local.requests[1]?.body.messages).toEqual([
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
      { role: "tool", tool_call_id: "call_1", content: "sunny, 21 C" },
    ]);
  });

  it("translates tools for an Anthropic upstream, streamed input included", async () => {
    gw.frontier.setReply({ toolCalls: [{ id: "toolu_1", name: "get_weather", arguments: '{"city":"Rome"}' }] });
    const stream = client.chat.completions.stream({ model: "tier:frontier", messages: [{ role: "user", content: "Weather in Rome?" }], tools: [weatherTool] });
    const final = await stream.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === "function" && [call.id, call.function.name, JSON.parse(call.function.arguments)]).toEqual(["toolu_1", "get_weather", { city: "Rome" }]);
    expect(final.choices[0]?.finish_reason).toBe("tool_calls");
    expect(gw.frontier.requests[0]?.body.tools).toEqual([expect.objectContaining({ name: "get_weather", input_schema: expect.objectContaining({ type: "object" }) })]);
  });

  it("answers 400 naming the capability when the pinned model cannot call tools", async () => {
    const error = await client.chat.completions.create({ model: "gemma-2-9b", messages: [{ role: "user", content: "Weather?" }], tools: [weatherTool] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toContain("gemma-2-9b cannot call tools");
    expect(gw.local.requests).toHaveLength(0);
  });
});

describe("structured output and images through the openai SDK", () => {
  it("passes response_format json_schema on and returns the JSON", async () => {
    gw.local.setReply({ text: '{"city":"Paris","celsius":21}' });
    const completion = await client.chat.completions.create({
      model: "auto",
      messages: [{ role: "user", content: "Weather in Paris as JSON" }],
      response_format: { type: "json_schema", json_schema: { name: "weather", strict: true, schema: { type: "object", properties: { city: { type: "string" }, celsius: { type: "number" } }, required: ["city", "celsius"], additionalProperties: false } } },
    });
    expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual({ city: "Paris", celsius: 21 });
    expect(gw.local.requests[0]?.body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "weather", strict: true } });
  });

  it("never sends an image to the frontier on the default rules, even for hard work", async () => {
    gw.hosted.setReply({ text: "A sunny sky." });
    gw.local.setReply({ text: "A sunny sky." });
    const { data, response } = await client.chat.completions
      .create(
        { model: "auto", messages: [{ role: "user", content: [{ type: "text", text: "Describe this photo" }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } }] }] },
        { headers: { "x-switchyard-difficulty": "hard" } },
      )
      .withResponse();
    expect(data.choices[0]?.message.content).toBe("A sunny sky.");
    expect(response.headers.get("x-switchyard-tier")).not.toBe("frontier");
    expect(gw.frontier.requests).toHaveLength(0);
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.dataClass).toBe("confidential");
    expect(record.findings).toEqual([{ type: "unscannable_image", count: 1 }]);
  });
});

describe("restricted data in any part of an agent request never leaves local", () => {
  const escaped = [..."4242424242424242"].map((digit) => `\\u003${digit}`).join("");
  const cases: Array<[string, Omit<OpenAI.ChatCompletionCreateParamsNonStreaming, "model">]> = [
    [
      "tool-call arguments written as \\u escapes",
      {
        messages: [
          { role: "user", content: "Charge the customer" },
          { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "charge", arguments: `{"card":"${escaped}"}` } }] },
          { role: "tool", tool_call_id: "call_1", content: "done" },
        ],
      },
    ],
    ["a tool result", { messages: [{ role: "user", content: "Look it up" }, { role: "assistant", content: null, tool_calls: [{ id: "c", type: "function", function: { name: "lookup", arguments: "{}" } }] }, { role: "tool", tool_call_id: "c", content: `card ${CARD}` }] }],
    ["a tool description", { messages: [{ role: "user", content: "hello" }], tools: [{ type: "function", function: { name: "charge", description: `Charges card ${CARD}`, parameters: { type: "object" } } }] }],
    ["a stop sequence", { messages: [{ role: "user", content: "hello" }], stop: [CARD] }],
    ["a tool-call id", { messages: [{ role: "user", content: "go" }, { role: "assistant", content: null, tool_calls: [{ id: `call_${CARD.replace(/ /g, "")}`, type: "function", function: { name: "x", arguments: "{}" } }] }, { role: "tool", tool_call_id: `call_${CARD.replace(/ /g, "")}`, content: "ok" }] }],
  ];

  it.each(cases)("%s", async (_where, body) => {
    gw.local.setReply({ text: "Handled locally." });
    const { response } = await client.chat.completions.create({ model: "auto", ...body }, { headers: { "x-switchyard-difficulty": "hard" } }).withResponse();
    expect(response.headers.get("x-switchyard-tier")).toBe("local");
    expect(gw.hosted.requests).toHaveLength(0);
    expect(gw.frontier.requests).toHaveLength(0);
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.dataClass).toBe("restricted");
  });
});

describe("honest usage and cost", () => {
  it("prices a stream's cached tokens at the cached price and records what caching saved", async () => {
    gw.hosted.setReply({ chunks: ["Cached ", "answer."], usage: { inputTokens: 1_000, outputTokens: 10, cachedInputTokens: 800 } });
    const { data: stream, response } = await client.chat.completions.create({ model: "deepseek-v3", stream: true, messages: [{ role: "user", content: "Answer from cache" }] }).withResponse();
    for await (const chunk of stream) void chunk;
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record).toMatchObject({ inputTokens: 1_000, cachedInputTokens: 800, outputTokens: 10, usageEstimated: false });
    expect(record.costUsd?.toNumber()).toBeCloseTo((200 * 0.27 + 800 * 0.07 + 10 * 1.1) / 1e6, 12);
    expect(record.cacheSavingsUsd?.toNumber()).toBeCloseTo((800 * (0.27 - 0.07)) / 1e6, 12);
  });

  it("records a stream that lost its usage as estimated, never as free", async () => {
    gw.hosted.setReply({ chunks: ["No ", "usage ", "here."], usage: null });
    const { data: stream, response } = await client.chat.completions.create({ model: "deepseek-v3", stream: true, messages: [{ role: "user", content: "Count me" }] }).withResponse();
    for await (const chunk of stream) void chunk;
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.usageEstimated).toBe(true);
    expect(record.outputTokens).toBeGreaterThan(0);
    expect(record.costUsd?.toNumber()).toBeGreaterThan(0);
    expect(record.trace as string[]).toContainEqual(expect.stringContaining("estimated from counted tokens"));
  });
});

describe("other clients, unchanged", () => {
  it("AI SDK: generateText runs a tool over several steps", async () => {
    gw.local.enqueue({ toolCalls: [{ id: "call_1", name: "weather", arguments: '{"city":"Paris"}' }] }, { text: "Paris is sunny." });
    const provider = createOpenAICompatible({ name: "switchyard", baseURL: `${gw.origin}/api/v1`, apiKey: gw.apiKey, includeUsage: true });
    let ran: unknown = null;
    const result = await generateText({
      model: provider.chatModel("auto"),
      prompt: "What is the weather in Paris?",
      tools: { weather: aiTool({ description: "Weather for a city", inputSchema: z.object({ city: z.string() }), execute: async ({ city }) => ((ran = city), { city, sky: "sunny" }) }) },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    });
    expect(ran).toBe("Paris");
    expect(result.text).toBe("Paris is sunny.");
    expect(result.steps).toHaveLength(2);
    expect(JSON.stringify(gw.local.requests[1]?.body.messages)).toContain("sunny");
  });

  it("AI SDK: Output.object parses the structured answer", async () => {
    gw.local.setReply({ text: '{"name":"Ada","age":36}' });
    const provider = createOpenAICompatible({ name: "switchyard", baseURL: `${gw.origin}/api/v1`, apiKey: gw.apiKey, supportsStructuredOutputs: true });
    const { output } = await generateText({ model: provider.chatModel("auto"), prompt: "Who?", output: Output.object({ schema: z.object({ name: z.string(), age: z.number() }) }), maxRetries: 0 });
    expect(output).toEqual({ name: "Ada", age: 36 });
    expect(gw.local.requests[0]?.body.response_format).toMatchObject({ type: "json_schema" });
  });

  it("LangChain: bindTools and withStructuredOutput", async () => {
    const model = new ChatOpenAI({ model: "auto", apiKey: gw.apiKey, configuration: { baseURL: `${gw.origin}/api/v1` }, maxRetries: 0 });
    gw.local.setReply({ toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Lima"}' }] });
    const weather = langchainTool(async ({ city }: { city: string }) => `sunny in ${city}`, { name: "get_weather", description: "Weather for a city", schema: z.object({ city: z.string() }) });
    const message = await model.bindTools([weather]).invoke("Weather in Lima?");
    expect(message.tool_calls).toEqual([expect.objectContaining({ name: "get_weather", args: { city: "Lima" }, id: "call_1" })]);

    gw.local.setReply({ text: '{"city":"Lima","celsius":19}' });
    const structured = await model.withStructuredOutput(z.object({ city: z.string(), celsius: z.number() }), { method: "jsonSchema" }).invoke("Weather in Lima as data");
    expect(structured).toEqual({ city: "Lima", celsius: 19 });
  });

  it("OpenAI Agents SDK: an agent with a tool on the chat completions model", async () => {
    gw.local.enqueue({ toolCalls: [{ id: "call_1", name: "get_weather", arguments: '{"city":"Kyoto"}' }] }, { text: "Kyoto is sunny." });
    const getWeather = agentTool({ name: "get_weather", description: "Weather for a city", parameters: z.object({ city: z.string() }), execute: async ({ city }) => `sunny in ${city}` });
    const agent = new Agent({ name: "Weather", instructions: "Answer with the tool.", model: new OpenAIChatCompletionsModel(client, "auto"), tools: [getWeather] });
    const result = await run(agent, "Weather in Kyoto?");
    expect(result.finalOutput).toBe("Kyoto is sunny.");
    expect(JSON.stringify(gw.local.requests[1]?.body.messages)).toContain("sunny in Kyoto");
  });
});
