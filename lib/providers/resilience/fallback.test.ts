import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker";
import { CandidatesFailedError, executeGenerate, executeStream, FallbackAbortedError, type FallbackCandidate } from "./fallback";
import { toProviderError } from "../map-error";
import { ProviderError, RequestAbortedError } from "../provider-error";
import { collectStream, resultText } from "../testing";
import { outage, recordingBreaker, rejection, request, scripted, untilAborted } from "../testing/scripted-candidates";
import type { StreamPart } from "../types";

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
