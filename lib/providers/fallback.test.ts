import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CircuitBreaker, type HealthGate } from "./circuit-breaker";
import { createProviderClient } from "./create-provider-client";
import { CandidatesFailedError, executeGenerate, executeStream, FallbackAbortedError, type FallbackCandidate } from "./fallback";
import { toProviderError } from "./map-error";
import { ProviderError, RequestAbortedError } from "./provider-error";
import { collectStream, modelPolicy, providerPolicy, startFakeAnthropicServer, startFakeOpenAIServer, type FakeLlmServer } from "./testing";
import { resultText, textRequest } from "./testing";
import type { ProviderClient, StreamPart } from "./types";

const request = textRequest([["user", "hi"]]);
const usage = { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };

interface Script {
  /** Thrown before any output. */
  fail?: ProviderError;
  chunks?: string[];
  /** Thrown after this many chunks were yielded. */
  failAfter?: { chunks: number; error: ProviderError };
  /** Never answers; only the signal ends it. */
  hang?: boolean;
}

function untilAborted(signal?: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** A candidate whose client follows a script, and counts what happened to it. */
function scripted(providerKey: string, script: Script) {
  const log = { clients: 0, calls: 0, returned: 0 };
  const client: ProviderClient = {
    kind: "simulator",
    providerKey,
    modelAlias: `${providerKey}-model`,
    async generate(_request, signal) {
      log.calls++;
      try {
        if (script.hang) await untilAborted(signal);
        if (script.fail) throw script.fail;
        const text = (script.chunks ?? ["ok"]).join("");
        return { content: [{ type: "text", text }], finishReason: "stop", usage, ttftMs: 1, latencyMs: 1 };
      } catch (error) {
        throw toProviderError(error, signal);
      }
    },
    async *stream(_request, signal): AsyncGenerator<StreamPart> {
      log.calls++;
      try {
        if (script.hang) await untilAborted(signal);
        if (script.fail) throw script.fail;
        for (const [index, text] of (script.chunks ?? ["ok"]).entries()) {
          if (script.failAfter && index === script.failAfter.chunks) throw script.failAfter.error;
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (signal?.aborted) throw signal.reason;
          yield { type: "text", text };
        }
        yield { type: "finish", finishReason: "stop", usage };
      } catch (error) {
        throw toProviderError(error, signal);
      } finally {
        log.returned++;
      }
    },
  };
  const candidate: FallbackCandidate & { log: typeof log } = {
    alias: `${providerKey}-model`,
    providerKey,
    getClient: () => {
      log.clients++;
      return client;
    },
    log,
  };
  return candidate;
}

/** A real breaker, with every call written down. */
function recordingBreaker(breaker = new CircuitBreaker()) {
  const events: string[] = [];
  const gate: HealthGate = {
    canRequest: (key) => breaker.canRequest(key),
    onSuccess: (key) => {
      events.push(`success:${key}`);
      breaker.onSuccess(key);
    },
    onFailure: (key, error) => {
      events.push(`failure:${key}:${error.kind}`);
      breaker.onFailure(key, error);
    },
    release: (key) => {
      events.push(`release:${key}`);
      breaker.release(key);
    },
  };
  return { gate, events, breaker };
}

const outage = new ProviderError({ kind: "unavailable", status: 503, message: "down for maintenance" });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("executeGenerate", () => {
  it("falls to the next candidate when the first fails, recording the attempt", async () => {
    const { gate, events } = recordingBreaker();
    const first = scripted("local", { fail: outage });
    const second = scripted("hosted", { chunks: ["from hosted"] });
    const outcome = await executeGenerate([first, second], request, { breaker: gate });
    expect(outcome.served).toBe(second);
    expect(resultText(outcome.result)).toBe("from hosted");
    expect(outcome.attempts).toEqual([
      { alias: "local-model", providerKey: "local", outcome: "failed", errorKind: "unavailable", status: 503, message: "down for maintenance", latencyMs: expect.any(Number) },
    ]);
    expect(events).toEqual(["failure:local:unavailable", "success:hosted"]);
  });

  it("skips a candidate whose circuit is open, without building its client", async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1 });
    breaker.onFailure("local", outage);
    const first = scripted("local", {});
    const second = scripted("hosted", {});
    const outcome = await executeGenerate([first, second], request, { breaker });
    expect(outcome.served).toBe(second);
    expect(first.log.clients).toBe(0);
    expect(outcome.attempts).toMatchObject([{ providerKey: "local", outcome: "skipped", errorKind: "circuit_open", latencyMs: 0 }]);
  });

  it("throws CandidatesFailedError with every attempt when none serves", async () => {
    const error = await rejection(
      executeGenerate([scripted("a", { fail: outage }), scripted("b", { fail: new ProviderError({ kind: "rate_limited", status: 429, message: "slow", retryAfterSeconds: 2 }) })], request, {
        breaker: new CircuitBreaker(),
      }),
    );
    expect(error).toBeInstanceOf(CandidatesFailedError);
    const failed = error as CandidatesFailedError;
    expect(failed.attempts.map((attempt) => attempt.errorKind)).toEqual(["unavailable", "rate_limited"]);
    expect(failed.attempts[1]?.retryAfterSeconds).toBe(2);
    expect(failed.lastError?.kind).toBe("rate_limited");
    expect(failed.stoppedEarly).toBe(false);

    const breaker = new CircuitBreaker({ failureThreshold: 1 });
    breaker.onFailure("a", outage);
    const allSkipped = (await rejection(executeGenerate([scripted("a", {})], request, { breaker }))) as CandidatesFailedError;
    expect(allSkipped.lastError).toBeNull();
    expect(allSkipped.message).toMatch(/circuit is open/);
  });

  it("does not fall back on the caller's own bad request", async () => {
    const second = scripted("b", {});
    const error = (await rejection(
      executeGenerate([scripted("a", { fail: new ProviderError({ kind: "bad_request", status: 400, message: "temperature must be <= 2" }) }), second], request, {
        breaker: new CircuitBreaker(),
      }),
    )) as CandidatesFailedError;
    expect(error.stoppedEarly).toBe(true);
    expect(error.lastError?.kind).toBe("bad_request");
    expect(second.log.calls).toBe(0);
  });

  it("gives each attempt attemptTimeoutMs, then moves on with a timeout recorded", async () => {
    const { gate, events } = recordingBreaker();
    const outcome = await executeGenerate([scripted("slow", { hang: true }), scripted("fast", {})], request, { breaker: gate, attemptTimeoutMs: 30 });
    expect(outcome.served.providerKey).toBe("fast");
    expect(outcome.attempts[0]).toMatchObject({ providerKey: "slow", errorKind: "timeout", message: "No answer within 30 ms" });
    expect(outcome.attempts[0]?.latencyMs).toBeGreaterThanOrEqual(25);
    expect(events).toEqual(["failure:slow:timeout", "success:fast"]);
  });

  it("stops at the caller's abort, counting nothing against the provider", async () => {
    const { gate, events } = recordingBreaker();
    const controller = new AbortController();
    const second = scripted("b", {});
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(executeGenerate([scripted("a", { hang: true }), second], request, { breaker: gate, signal: controller.signal }));
    expect(error).toBeInstanceOf(FallbackAbortedError);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(second.log.calls).toBe(0);
    expect(events).toEqual(["release:a"]);
  });
});

describe("executeStream", () => {
  it("falls back when the first candidate fails before its first byte", async () => {
    const { gate, events } = recordingBreaker();
    const first = scripted("local", { fail: outage });
    const second = scripted("hosted", { chunks: ["Hel", "lo"] });
    const outcome = await executeStream([first, second], request, { breaker: gate });
    expect(outcome.served).toBe(second);
    expect(outcome.attempts).toMatchObject([{ providerKey: "local", errorKind: "unavailable" }]);
    expect(outcome.ttftMs).toBeGreaterThan(0);
    const { text, finish, error } = await collectStream(outcome.stream);
    expect(error).toBeUndefined();
    expect(text).toBe("Hello");
    expect(finish?.finishReason).toBe("stop");
    expect(events).toEqual(["failure:local:unavailable", "success:hosted"]);
  });

  it("surfaces a failure after the first byte to the caller — no switch to another candidate", async () => {
    const { gate, events } = recordingBreaker();
    const first = scripted("local", { chunks: ["a", "b", "c"], failAfter: { chunks: 2, error: outage } });
    const second = scripted("hosted", {});
    const outcome = await executeStream([first, second], request, { breaker: gate });
    expect(outcome.served).toBe(first);
    const { text, error } = await collectStream(outcome.stream);
    expect(text).toBe("ab");
    expect(error).toBe(outage);
    expect(second.log.clients).toBe(0);
    expect(events).toEqual(["failure:local:unavailable"]);
  });

  it("applies attemptTimeoutMs to the first byte, and idleTimeoutMs after it", async () => {
    const outcome = await executeStream([scripted("slow", { hang: true }), scripted("fast", { chunks: ["x"] })], request, {
      breaker: new CircuitBreaker(),
      attemptTimeoutMs: 30,
    });
    expect(outcome.served.providerKey).toBe("fast");
    expect(outcome.attempts[0]).toMatchObject({ errorKind: "timeout", message: "No first token within 30 ms" });

    // Once committed, a stalled upstream fails the stream itself.
    const stalling: FallbackCandidate = {
      alias: "stall",
      providerKey: "stall",
      getClient: () => ({
        kind: "simulator",
        providerKey: "stall",
        modelAlias: "stall",
        generate: () => Promise.reject(new Error("unused")),
        async *stream(_request, signal) {
          yield { type: "text", text: "first" };
          await untilAborted(signal).catch((error: unknown) => {
            throw toProviderError(error, signal);
          });
        },
      }),
    };
    const committed = await executeStream([stalling], request, { breaker: new CircuitBreaker(), idleTimeoutMs: 30 });
    const { text, error } = await collectStream(committed.stream);
    expect(text).toBe("first");
    expect(error).toMatchObject({ kind: "timeout", message: "No stream output within 30 ms" });
  });

  it("reports the caller's abort mid-stream as RequestAbortedError, with no verdict on the provider", async () => {
    const { gate, events } = recordingBreaker();
    const controller = new AbortController();
    const outcome = await executeStream([scripted("a", { chunks: ["1", "2", "3", "4"] })], request, { breaker: gate, signal: controller.signal });
    const parts: StreamPart[] = [];
    let caught: unknown;
    try {
      for await (const part of outcome.stream) {
        parts.push(part);
        controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    expect(parts).toHaveLength(1);
    expect(caught).toBeInstanceOf(RequestAbortedError);
    expect(events).toEqual(["release:a"]);
  });

  it("a consumer that stops early releases the upstream and the breaker", async () => {
    const { gate, events } = recordingBreaker();
    const candidate = scripted("a", { chunks: ["1", "2", "3"] });
    const outcome = await executeStream([candidate], request, { breaker: gate });
    for await (const part of outcome.stream) {
      expect(part).toEqual({ type: "text", text: "1" });
      break;
    }
    expect(candidate.log.returned).toBe(1);
    expect(events).toEqual(["release:a"]);
  });

  it("rejects with FallbackAbortedError when aborted before anything commits", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(executeStream([scripted("a", {})], request, { breaker: new CircuitBreaker(), signal: controller.signal })).rejects.toBeInstanceOf(
      FallbackAbortedError,
    );
  });
});

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
