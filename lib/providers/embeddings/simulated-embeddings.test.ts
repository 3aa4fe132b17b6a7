import { describe, expect, it } from "vitest";
import { RequestAbortedError } from "../provider-error";
import { modelPolicy, providerPolicy } from "../testing";
import type { SimulatorOptions } from "../simulator";
import { createSimulatedEmbeddingClient, simulatedVector } from "./simulated-embeddings";

function client(latencyMs: number, options: SimulatorOptions = {}) {
  return createSimulatedEmbeddingClient(
    providerPolicy({ key: "sim", kind: "simulator", simulator: { latencyMs, failureRate: 0 } }),
    modelPolicy({ providerKey: "sim", alias: "nomic-embed-text" }),
    options,
  );
}

describe("simulated embeddings", () => {
  it("are unit vectors, the same for the same text and model, different otherwise", () => {
    const vector = simulatedVector("nomic-embed-text", "hello", 16);
    expect(vector).toHaveLength(16);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
    expect(simulatedVector("nomic-embed-text", "hello", 16)).toEqual(vector);
    expect(simulatedVector("nomic-embed-text", "hello!", 16)).not.toEqual(vector);
    expect(simulatedVector("other", "hello", 16)).not.toEqual(vector);
  });

  it("wait the provider's latencyMs before answering, and report the time taken (injected sleep and clock)", async () => {
    const waits: number[] = [];
    let clock = 1_000;
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock += ms;
    };
    const result = await client(250, { sleep, now: () => clock }).embed({ inputs: ["hello", "world"], dimensions: 8 });
    expect(waits).toEqual([250]);
    expect(result.latencyMs).toBe(250);
    expect(result.vectors).toEqual([simulatedVector("nomic-embed-text", "hello", 8), simulatedVector("nomic-embed-text", "world", 8)]);
  });

  it("stop when the caller aborts during the latency", async () => {
    const controller = new AbortController();
    const pending = client(10_000).embed({ inputs: ["hello"] }, controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(RequestAbortedError);
  });
});
