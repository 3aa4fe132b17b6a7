import { describe, expect, it } from "vitest";
import { createProviderClient } from "./create-provider-client";
import { ProviderError, RequestAbortedError } from "./provider-error";
import { simulatedReply, type SimulatorOptions } from "./simulator";
import type { CanonicalRequest } from "@/lib/canonical/types";
import { collectStream, modelPolicy, providerPolicy, resultText, textRequest } from "./testing";
import { countRequestTokens, countTextTokens } from "./token-count";

const request = textRequest([
  ["system", "Be helpful."],
  ["user", "Summarise the quarterly report in two lines."],
]);
const withParameters = (parameters: CanonicalRequest["parameters"]): CanonicalRequest => ({ ...request, parameters });

function simulator(knobs: { latencyMs: number; failureRate: number } = { latencyMs: 0, failureRate: 0 }, options: SimulatorOptions = {}) {
  return createProviderClient(
    providerPolicy({ key: "sim", kind: "simulator", simulator: knobs }),
    modelPolicy({ providerKey: "sim", alias: "sim-small" }),
    { simulator: options },
  );
}

describe("simulator provider", () => {
  it("answers deterministically, labelled with the model alias", async () => {
    const first = await simulator().generate(request);
    const second = await simulator().generate(request);
    expect(resultText(first)).toBe(resultText(second));
    expect(resultText(first).startsWith("[Simulated sim-small] ")).toBe(true);
    expect(first.finishReason).toBe("stop");
    const other = await simulator().generate(textRequest([["user", "Something else entirely"]]));
    expect(resultText(other)).not.toBe(resultText(first));
  });

  it("depends on the last user message only", () => {
    const withHistory = simulatedReply("m", textRequest([["user", "old"], ["assistant", "x"], ["user", "new"]]).messages);
    expect(withHistory).toBe(simulatedReply("m", textRequest([["user", "new"]]).messages));
  });

  it("counts tokens with gpt-tokenizer (not estimated: these are its real counts)", async () => {
    const result = await simulator().generate(request);
    expect(result.usage).toEqual({
      inputTokens: countRequestTokens(request),
      outputTokens: countTextTokens(resultText(result)),
      cachedInputTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
      estimated: false,
    });
  });

  it("honours maxOutputTokens with a length stop", async () => {
    const result = await simulator().generate(withParameters({ maxOutputTokens: 5 }));
    expect(result.finishReason).toBe("length");
    expect(result.usage.outputTokens).toBeLessThanOrEqual(5);
    expect(resultText(result).startsWith("[Simulated")).toBe(true);
    const { finish, text: streamed } = await collectStream(simulator().stream(withParameters({ maxOutputTokens: 5 })));
    expect(streamed).toBe(resultText(result));
    expect(finish?.finishReason).toBe("length");
  });

  it("ends the answer at a stop sequence", async () => {
    const result = await simulator().generate(withParameters({ stop: ["]"] }));
    expect(resultText(result)).toBe("[Simulated sim-small");
    expect(result.finishReason).toBe("stop");
  });

  it("streams the same text in several chunks, then finish", async () => {
    const whole = await simulator().generate(request);
    const { parts, text: streamed, finish } = await collectStream(simulator().stream(request));
    expect(parts.filter((part) => part.type === "text").length).toBeGreaterThan(3);
    expect(streamed).toBe(resultText(whole));
    expect(finish).toEqual({ type: "finish", finishReason: "stop", usage: whole.usage });
  });

  it("fails as unavailable when the injected draw is under failureRate", async () => {
    const failing = simulator({ latencyMs: 0, failureRate: 0.3 }, { random: () => 0.29 });
    await expect(failing.generate(request)).rejects.toBeInstanceOf(ProviderError);
    await expect(failing.generate(request)).rejects.toMatchObject({ kind: "unavailable", status: 503, retryable: true });
    expect((await collectStream(failing.stream(request))).error).toMatchObject({ kind: "unavailable" });
    await expect(simulator({ latencyMs: 0, failureRate: 0.3 }, { random: () => 0.3 }).generate(request)).resolves.toBeDefined();
  });

  it("waits latencyMs before answering and before the first chunk (injected sleep)", async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    await simulator({ latencyMs: 200, failureRate: 0 }, { sleep }).generate(request);
    expect(waits).toEqual([200]);
    waits.length = 0;
    const { parts } = await collectStream(simulator({ latencyMs: 200, failureRate: 0 }, { sleep }).stream(request));
    expect(waits[0]).toBe(200);
    expect(waits.slice(1).every((ms) => ms === 20)).toBe(true);
    expect(waits).toHaveLength(parts.length - 1); // one wait before each text part, none before finish
  });

  it("stops when the caller aborts", async () => {
    const controller = new AbortController();
    const pending = simulator({ latencyMs: 10_000, failureRate: 0 }).generate(request, controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(RequestAbortedError);
  });
});

describe("simulator provider with agent traffic", () => {
  const tools = [
    { name: "get_weather", description: "Current weather for a city", parameters: { type: "object", properties: { city: { type: "string" }, unit: { enum: ["celsius", "fahrenheit"] } }, required: ["city", "unit"] } },
    { name: "lookup_order", description: "Look up an order by id", parameters: { type: "object", properties: { order_id: { type: "string" } } } },
  ];
  const asked = (text: string): CanonicalRequest => ({ ...textRequest([["user", text]]), tools });

  it("calls the tool the conversation calls for, with arguments that fit its schema, the same way every time", async () => {
    const first = await simulator().generate(asked("What is the weather in Paris today?"));
    const again = await simulator().generate(asked("What is the weather in Paris today?"));
    expect(first.finishReason).toBe("tool_calls");
    expect(first.content).toEqual(again.content);
    const [call] = first.content;
    expect(call).toMatchObject({ type: "tool_call", name: "get_weather" });
    expect(JSON.parse((call as { arguments: string }).arguments)).toMatchObject({ unit: "celsius", city: expect.any(String) });
    expect((await simulator().generate(asked("Where is my order A-1042?"))).content[0]).toMatchObject({ name: "lookup_order" });
  });

  it("answers in words after a tool result, so an agent loop ends", async () => {
    const first = await simulator().generate(asked("What is the weather in Paris?"));
    const call = first.content[0] as { id: string };
    const second = await simulator().generate({
      ...asked("What is the weather in Paris?"),
      messages: [...asked("").messages.slice(0, 0), { role: "user", content: [{ type: "text", text: "What is the weather in Paris?" }] }, { role: "assistant", content: first.content }, { role: "tool", toolCallId: call.id, content: [{ type: "text", text: "sunny" }] }],
    });
    expect(second.finishReason).toBe("stop");
    expect(resultText(second)).toMatch(/^\[Simulated sim-small\] get_weather returned: sunny/);
  });

  // Claude Code 2.1 appends a mid-conversation system message after the user's turn.
  it("calls a tool when a system message follows the user's turn, and answers in words when one follows a tool result", async () => {
    const trailing = { role: "system" as const, content: [{ type: "text" as const, text: "Available agent types: none." }] };
    const question = asked("What is the weather in Paris?");
    const first = await simulator().generate({ ...question, messages: [...question.messages, trailing] });
    expect(first.finishReason).toBe("tool_calls");
    expect(first.content[0]).toMatchObject({ type: "tool_call", name: "get_weather" });
    const call = first.content[0] as { id: string };
    const second = await simulator().generate({
      ...question,
      messages: [...question.messages, { role: "assistant", content: first.content }, { role: "tool", toolCallId: call.id, content: [{ type: "text", text: "sunny" }] }, trailing],
    });
    expect(second.finishReason).toBe("stop");
    expect(resultText(second)).toMatch(/^\[Simulated sim-small\] get_weather returned: sunny/);
  });

  it("streams a tool call as a start and argument pieces", async () => {
    const { toolCalls, finish } = await collectStream(simulator().stream(asked("weather in Oslo")));
    expect(toolCalls).toHaveLength(1);
    expect(JSON.parse(toolCalls[0]!.arguments)).toHaveProperty("city");
    expect(finish?.finishReason).toBe("tool_calls");
  });

  it("picks the tool a coding agent's prompt names over one with a long description", async () => {
    const agentTools = [
      { name: "Workflow", description: `Runs a workflow of steps. ${"Use it to read, edit and tell the user about files and what each step says. ".repeat(20)}`, parameters: { type: "object", properties: { name: { type: "string" } } } },
      { name: "Read", description: "Reads a file from the local filesystem.", parameters: { type: "object", properties: { file_path: { type: "string" } }, required: ["file_path"] } },
      { name: "Bash", description: "Runs a shell command.", parameters: { type: "object", properties: { command: { type: "string" } } } },
    ];
    const result = await simulator().generate({ ...textRequest([["user", "Read the file notes.txt and tell me what it says."]]), tools: agentTools });
    expect(result.content[0]).toMatchObject({ type: "tool_call", name: "Read" });
  });

  it("does not call a tool when tool_choice is none, and calls the named one when forced", async () => {
    expect((await simulator().generate({ ...asked("weather in Oslo"), toolChoice: { type: "none" } })).finishReason).toBe("stop");
    expect((await simulator().generate({ ...asked("weather in Oslo"), toolChoice: { type: "tool", name: "lookup_order" } })).content[0]).toMatchObject({ name: "lookup_order" });
  });

  it("answers schema-valid JSON for json_schema and a JSON object for json_object", async () => {
    const schema = { type: "object", properties: { title: { type: "string" }, score: { type: "integer", minimum: 1, maximum: 5 }, tags: { type: "array", items: { type: "string" }, minItems: 2 } }, required: ["title", "score", "tags"], additionalProperties: false };
    const result = await simulator().generate({ ...textRequest([["user", "Rate this"]]), outputFormat: { type: "json_schema", name: "rating", schema } });
    const value = JSON.parse(resultText(result)) as { title: string; score: number; tags: string[] };
    expect(Object.keys(value).sort()).toEqual(["score", "tags", "title"]);
    expect(value.score).toBe(1);
    expect(value.tags).toHaveLength(2);
    const object = JSON.parse(resultText(await simulator().generate({ ...textRequest([["user", "hi"]]), outputFormat: { type: "json_object" } })));
    expect(object).toMatchObject({ simulated: true, model: "sim-small" });
  });

  it("says plainly that it did not look at an image", async () => {
    const result = await simulator().generate({ ...textRequest([]), messages: [{ role: "user", content: [{ type: "text", text: "What is this?" }, { type: "image", url: "https://example.com/cat.png" }] }] });
    expect(resultText(result)).toMatch(/^\[Simulated sim-small\].*received 1 image and did not look at it/);
  });
});
