import { describe, expect, it } from "vitest";
import { createProviderClient } from "./create-provider-client";
import { ProviderError, RequestAbortedError } from "./provider-error";
import { simulatedReply, type SimulatorOptions } from "./simulator";
import { collectStream, modelPolicy, providerPolicy } from "./testing";
import { countMessageTokens, countTextTokens } from "./token-count";
import type { ChatRequest } from "./types";

const request: ChatRequest = {
  messages: [
    { role: "system", content: "Be helpful." },
    { role: "user", content: "Summarise the quarterly report in two lines." },
  ],
};

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
    expect(first.text).toBe(second.text);
    expect(first.text.startsWith("[Simulated sim-small] ")).toBe(true);
    expect(first.finishReason).toBe("stop");
    const other = await simulator().generate({ messages: [{ role: "user", content: "Something else entirely" }] });
    expect(other.text).not.toBe(first.text);
  });

  it("depends on the last user message only", () => {
    const withHistory = simulatedReply("m", [{ role: "user", content: "old" }, { role: "assistant", content: "x" }, { role: "user", content: "new" }]);
    expect(withHistory).toBe(simulatedReply("m", [{ role: "user", content: "new" }]));
  });

  it("counts tokens with gpt-tokenizer (not estimated: these are its real counts)", async () => {
    const result = await simulator().generate(request);
    expect(result.usage).toEqual({
      inputTokens: countMessageTokens(request.messages),
      outputTokens: countTextTokens(result.text),
      estimated: false,
    });
  });

  it("honours maxOutputTokens with a length stop", async () => {
    const result = await simulator().generate({ ...request, maxOutputTokens: 5 });
    expect(result.finishReason).toBe("length");
    expect(result.usage.outputTokens).toBeLessThanOrEqual(5);
    expect(result.text.startsWith("[Simulated")).toBe(true);
    const { finish, text } = await collectStream(simulator().stream({ ...request, maxOutputTokens: 5 }));
    expect(text).toBe(result.text);
    expect(finish?.finishReason).toBe("length");
  });

  it("ends the answer at a stop sequence", async () => {
    const result = await simulator().generate({ ...request, stop: ["]"] });
    expect(result).toMatchObject({ text: "[Simulated sim-small", finishReason: "stop" });
  });

  it("streams the same text in several chunks, then finish", async () => {
    const whole = await simulator().generate(request);
    const { parts, text, finish } = await collectStream(simulator().stream(request));
    expect(parts.filter((part) => part.type === "text").length).toBeGreaterThan(3);
    expect(text).toBe(whole.text);
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
