// Candidates whose clients follow a script (fail, hang, stream some chunks then break), a breaker
// that writes every call down, and the request they are asked: what the fallback executor's unit
// tests (../fallback.test.ts) drive it with.
import { CircuitBreaker, type HealthGate } from "../resilience/circuit-breaker";
import type { FallbackCandidate } from "../resilience/fallback";
import { toProviderError } from "../map-error";
import { ProviderError } from "../provider-error";
import type { ProviderClient, StreamPart } from "../types";
import { textRequest } from "./requests";

export const request = textRequest([["user", "hi"]]);
export const usage = { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };

export interface Script {
  /** Thrown before any output. */
  fail?: ProviderError;
  chunks?: string[];
  /** Thrown after this many chunks were yielded. */
  failAfter?: { chunks: number; error: ProviderError };
  /** Never answers; only the signal ends it. */
  hang?: boolean;
}

export function untilAborted(signal?: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** A candidate whose client follows a script, and counts what happened to it. */
export function scripted(providerKey: string, script: Script) {
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
export function recordingBreaker(breaker = new CircuitBreaker()) {
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

export const outage = new ProviderError({ kind: "unavailable", status: 503, message: "down for maintenance" });

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}
