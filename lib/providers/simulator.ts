// The `simulator` provider kind: no network, deterministic answers, real token counts, and
// configurable latency and failure rate. It lets a fresh install, the playground, demos and
// load tests exercise routing, fallback and the ledger without any model behind them.
// Every answer starts with "[Simulated <alias>]" so it is never mistaken for a model's.
import type { ModelPolicy, ProviderPolicy } from "@/lib/routing/types";
import { contentText } from "./chat-messages";
import { toProviderError } from "./map-error";
import { ProviderError } from "./provider-error";
import { countMessageTokens, countTextTokens, truncateToTokens } from "./token-count";
import type { ChatMessage, ChatRequest, FinishReason, GenerateResult, ProviderClient, StreamPart, TokenUsage } from "./types";

export interface SimulatorOptions {
  /** Uniform in [0, 1); a draw below `failureRate` fails the call. Default Math.random. */
  random?: () => number;
  /** Waits `ms`; must reject with the signal's reason when it fires. Default: a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

const OPENINGS = ["Understood.", "Here is a short answer.", "Good question.", "Noted.", "Sure.", "Let me summarise."];
const BODIES = [
  "The request was routed to this tier because it was the cheapest one allowed and adequate.",
  "A real model would answer here; this text only stands in for one.",
  "Routing, fallback, usage and cost are recorded exactly as for a real provider.",
  "The answer is derived from a hash of your last message, so it repeats for the same input.",
  "Token counts come from gpt-tokenizer, so cost figures are realistic.",
];
const CLOSINGS = ["Nothing was sent to any network.", "No external model was called.", "This reply is simulated."];

/** 32-bit FNV-1a: tiny, stable across runs and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function pick<T>(items: readonly T[], seed: number): T {
  return items[seed % items.length] as T;
}

/** The simulator's answer to `messages`: a pure function of the alias and the last user message. */
export function simulatedReply(alias: string, messages: readonly ChatMessage[]): string {
  const lastUser = messages.findLast((message) => message.role === "user");
  const prompt = lastUser ? contentText(lastUser.content) : "";
  const hash = fnv1a(prompt);
  const words = prompt.split(/\s+/).filter(Boolean).length;
  return [
    `[Simulated ${alias}]`,
    pick(OPENINGS, hash),
    pick(BODIES, hash >>> 8),
    pick(CLOSINGS, hash >>> 16),
    `(prompt #${hash.toString(16).padStart(8, "0")}, ${words} ${words === 1 ? "word" : "words"})`,
  ].join(" ");
}

/** A few words per chunk, so streams arrive in several pieces like a model's. */
function chunk(text: string): string[] {
  return text.match(/(?:\S+\s*){1,3}|\s+/g) ?? [text];
}

function timerSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function createSimulatorClient(provider: ProviderPolicy, model: ModelPolicy, options: SimulatorOptions = {}): ProviderClient {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? timerSleep;
  const now = options.now ?? (() => performance.now());
  const latencyMs = Math.max(0, provider.simulator?.latencyMs ?? 0);
  const failureRate = provider.simulator?.failureRate ?? 0;
  // Streams spend `latencyMs` before the first chunk, then a tenth of it between chunks.
  const chunkDelayMs = Math.round(latencyMs / 10);

  function answer(request: ChatRequest): { text: string; finishReason: FinishReason; usage: TokenUsage } {
    let full = simulatedReply(model.alias, request.messages);
    // Stop sequences end the answer where they first occur, as a model's would.
    const stops = request.stop === undefined ? [] : typeof request.stop === "string" ? [request.stop] : request.stop;
    for (const stop of stops) {
      const at = stop === "" ? -1 : full.indexOf(stop);
      if (at >= 0) full = full.slice(0, at);
    }
    const { text, truncated } =
      request.maxOutputTokens === undefined ? { text: full, truncated: false } : truncateToTokens(full, request.maxOutputTokens);
    return {
      text,
      finishReason: truncated ? "length" : "stop",
      usage: { inputTokens: countMessageTokens(request.messages), outputTokens: countTextTokens(text), estimated: false },
    };
  }

  function rollForFailure(): void {
    if (failureRate > 0 && random() < failureRate) {
      throw new ProviderError({
        kind: "unavailable",
        status: 503,
        message: `Simulated outage at provider "${provider.key}" (failure rate ${Math.round(failureRate * 100)}%)`,
      });
    }
  }

  async function generate(request: ChatRequest, signal?: AbortSignal): Promise<GenerateResult> {
    const started = now();
    try {
      if (signal?.aborted) throw signal.reason;
      rollForFailure();
      await sleep(latencyMs, signal);
      const latency = now() - started;
      return { ...answer(request), ttftMs: latency, latencyMs: latency };
    } catch (error) {
      throw toProviderError(error, signal);
    }
  }

  async function* stream(request: ChatRequest, signal?: AbortSignal): AsyncGenerator<StreamPart> {
    try {
      if (signal?.aborted) throw signal.reason;
      rollForFailure();
      const { text, finishReason, usage } = answer(request);
      await sleep(latencyMs, signal);
      for (const [index, piece] of chunk(text).entries()) {
        if (piece === "") continue;
        if (index > 0 && chunkDelayMs > 0) await sleep(chunkDelayMs, signal);
        yield { type: "text", text: piece };
      }
      yield { type: "finish", finishReason, usage };
    } catch (error) {
      throw toProviderError(error, signal);
    }
  }

  return { kind: "simulator", providerKey: provider.key, modelAlias: model.alias, generate, stream };
}
