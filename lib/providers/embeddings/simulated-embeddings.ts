// The simulator's embeddings: deterministic unit vectors seeded by the model and the text, so the
// same text always embeds the same way and different texts differ — enough for a demo's search
// to return stable (meaningless) neighbours. Nothing leaves the process; tokens are counted exactly.
// The provider's latency and failure rate apply as they do to the chat simulator (../simulator.ts),
// so a demo or a benchmark sees embeddings take the time it was set to.
import type { ModelPolicy, ProviderPolicy } from "@/lib/routing/types";
import { toProviderError } from "../map-error";
import { ProviderError } from "../provider-error";
import { timerSleep, type SimulatorOptions } from "../simulator";
import { countTextTokens } from "../token-count";
import type { EmbeddingClient, EmbeddingRequest } from "./types";

/** Vector length when neither the request nor the model says (nomic-embed-text's). */
export const SIMULATED_DIMENSIONS = 768;

/** 32-bit FNV-1a then a mulberry32 stream: stable across runs and platforms. */
function seededRandom(text: string): () => number {
  let seed = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) seed = Math.imul(seed ^ text.charCodeAt(index), 0x01000193);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulatedVector(alias: string, text: string, dimensions: number): number[] {
  const random = seededRandom(`${alias}\u0000${text}`);
  const raw = Array.from({ length: dimensions }, () => random() * 2 - 1);
  const norm = Math.sqrt(raw.reduce((sum, value) => sum + value * value, 0)) || 1;
  return raw.map((value) => value / norm);
}

export function createSimulatedEmbeddingClient(provider: ProviderPolicy, model: ModelPolicy, options: SimulatorOptions = {}): EmbeddingClient {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? timerSleep;
  const now = options.now ?? (() => performance.now());
  const latencyMs = Math.max(0, provider.simulator?.latencyMs ?? 0);
  const failureRate = provider.simulator?.failureRate ?? 0;
  return {
    kind: "simulator",
    providerKey: provider.key,
    modelAlias: model.alias,
    async embed(request: EmbeddingRequest, signal?: AbortSignal) {
      const started = now();
      try {
        if (signal?.aborted) throw signal.reason;
        if (failureRate > 0 && random() < failureRate) {
          throw new ProviderError({ kind: "unavailable", status: 503, message: `Simulated outage at provider "${provider.key}" (failure rate ${Math.round(failureRate * 100)}%)` });
        }
        await sleep(latencyMs, signal);
        const dimensions = request.dimensions ?? model.embeddingDimensions ?? SIMULATED_DIMENSIONS;
        return {
          vectors: request.inputs.map((text) => simulatedVector(model.alias, text, dimensions)),
          inputTokens: request.inputs.reduce((sum, text) => sum + countTextTokens(text), 0),
          estimated: false,
          latencyMs: now() - started,
        };
      } catch (error) {
        throw toProviderError(error, signal);
      }
    },
  };
}
