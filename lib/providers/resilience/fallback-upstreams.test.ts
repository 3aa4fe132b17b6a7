// The fallback executor over the real provider adapters, against fake upstreams on localhost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker";
import { createProviderClient } from "../create-provider-client";
import { executeGenerate, executeStream } from "./fallback";
import { ProviderError } from "../provider-error";
import { collectStream, modelPolicy, providerPolicy, startFakeAnthropicServer, startFakeOpenAIServer, type FakeLlmServer } from "../testing";
import { resultText } from "../testing";
import { request } from "../testing/scripted-candidates";

describe("fallback over real adapters and fake upstreams", () => {
  let local: FakeLlmServer;
  let frontier: FakeLlmServer;
  beforeAll(async () => {
    local = await startFakeOpenAIServer();
    frontier = await startFakeAnthropicServer({ apiKey: "sk-ant" });
  });
  afterAll(async () => {
    await local.stop();
    await frontier.stop();
  });

  const candidates = () => {
    const localProvider = providerPolicy({ key: "ollama", kind: "openai-compatible", baseUrl: local.baseUrl });
    const frontierProvider = providerPolicy({ key: "anthropic", kind: "anthropic", baseUrl: frontier.baseUrl, apiKeyEnv: "ANTHROPIC_KEY" });
    const localModel = modelPolicy({ alias: "llama-8b", providerKey: "ollama", providerModelId: "llama3.1:8b" });
    const frontierModel = modelPolicy({ alias: "claude", providerKey: "anthropic", providerModelId: "claude-sonnet-4-5" });
    return [
      { alias: localModel.alias, providerKey: "ollama", getClient: () => createProviderClient(localProvider, localModel) },
      {
        alias: frontierModel.alias,
        providerKey: "anthropic",
        getClient: () => createProviderClient(frontierProvider, frontierModel, { readSecret: () => "sk-ant" }),
      },
    ];
  };

  it("a 503 from the local server before the first byte → the frontier model serves the stream", async () => {
    local.reset().setReply({ failWith: { status: 503, message: "model loading" } });
    frontier.reset().setReply({ chunks: ["Fine, ", "thanks."], firstByteDelayMs: 5 });
    const outcome = await executeStream(candidates(), request, { breaker: new CircuitBreaker() });
    expect(outcome.served.alias).toBe("claude");
    expect(outcome.attempts).toMatchObject([{ alias: "llama-8b", errorKind: "unavailable", status: 503, message: expect.stringContaining("model loading") }]);
    const { text, finish } = await collectStream(outcome.stream);
    expect(text).toBe("Fine, thanks.");
    expect(finish?.usage.estimated).toBe(false);
  });

  it("a break after the first chunk reaches the caller and the frontier is never called", async () => {
    local.reset().setReply({ chunks: ["par", "tial"], chunkDelayMs: 5, failMidStream: { afterChunks: 1 } });
    frontier.reset();
    const outcome = await executeStream(candidates(), request, { breaker: new CircuitBreaker() });
    expect(outcome.served.alias).toBe("llama-8b");
    const { text, error } = await collectStream(outcome.stream);
    expect(text).toBe("par");
    expect(error).toBeInstanceOf(ProviderError);
    expect(frontier.requests).toHaveLength(0);
  });

  it("a 200 whose first token is too slow counts as a timeout and falls back", async () => {
    local.reset().setReply({ firstChunkDelayMs: 5_000 });
    frontier.reset().setReply({ text: "Quick." });
    const breaker = new CircuitBreaker();
    const outcome = await executeStream(candidates(), request, { breaker, attemptTimeoutMs: 100 });
    expect(outcome.served.alias).toBe("claude");
    expect(outcome.attempts).toMatchObject([{ alias: "llama-8b", errorKind: "timeout" }]);
    expect((await collectStream(outcome.stream)).text).toBe("Quick.");
    expect(breaker.snapshot().find((health) => health.providerKey === "ollama")?.consecutiveFailures).toBe(1);
  });

  it("non-streaming: a 429 at the local server falls to the frontier and opens the local circuit", async () => {
    local.reset().setReply({ failWith: { status: 429, retryAfterSeconds: 20 } });
    frontier.reset().setReply({ text: "Served." });
    const breaker = new CircuitBreaker();
    const outcome = await executeGenerate(candidates(), request, { breaker });
    expect(resultText(outcome.result)).toBe("Served.");
    expect(outcome.attempts).toMatchObject([{ errorKind: "rate_limited", retryAfterSeconds: 20 }]);
    expect(breaker.stateOf("ollama")).toBe("open");
  });
});
