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
