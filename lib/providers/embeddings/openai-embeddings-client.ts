// OpenAI's `/embeddings` wire, for the `openai` and `openai-compatible` kinds (Ollama, vLLM,
// llama.cpp, Together, …), spoken over node:http directly like the chat client: the body sent is the
// scanned input and nothing else, usage is read exactly as reported, and errors go through the
// same mapping. Vectors are always asked for as floats — not every server speaks base64 (Ollama
// does not) — and encoded for the caller by the gateway when it asked for base64.
import { toProviderError } from "../map-error";
import { postOpenAiWire, readUpstreamJson } from "../openai-wire-post";
import { ProviderError } from "../provider-error";
import { countTextTokens } from "../token-count";
import type { ProviderKind } from "@/lib/routing/types";
import type { EmbeddingClient, EmbeddingRequest, EmbeddingResult } from "./types";

export interface OpenAiEmbeddingsClientConfig {
  kind: Extract<ProviderKind, "openai" | "openai-compatible">;
  providerKey: string;
  modelAlias: string;
  providerModelId: string;
  /** e.g. https://api.openai.com/v1 — `/embeddings` is appended. */
  baseUrl: string;
  apiKey: () => string | undefined;
  now?: () => number;
}

/** The vectors of an upstream answer, in input order; throws when the answer does not hold one per input. */
export function readEmbeddings(json: unknown, count: number, providerKey: string): number[][] {
  const data = (json as { data?: unknown } | null)?.data;
  const invalid = () => new ProviderError({ kind: "unknown", message: `Provider "${providerKey}" answered without one embedding per input`, retryable: true });
  if (!Array.isArray(data) || data.length !== count) throw invalid();
  const vectors: number[][] = new Array(count);
  for (const [position, entry] of (data as Array<{ index?: unknown; embedding?: unknown }>).entries()) {
    const index = typeof entry.index === "number" ? entry.index : position;
    if (!Array.isArray(entry.embedding) || !entry.embedding.every((value) => typeof value === "number") || index < 0 || index >= count) throw invalid();
    vectors[index] = entry.embedding as number[];
  }
  if (vectors.some((vector) => vector === undefined)) throw invalid();
  return vectors;
}

export function createOpenAiEmbeddingsClient(config: OpenAiEmbeddingsClientConfig): EmbeddingClient {
  const now = config.now ?? (() => performance.now());
  const url = `${config.baseUrl.replace(/\/+$/, "")}/embeddings`;

  async function embed(request: EmbeddingRequest, signal?: AbortSignal): Promise<EmbeddingResult> {
    const started = now();
    try {
      if (signal?.aborted) throw signal.reason;
      const body = {
        model: config.providerModelId,
        input: request.inputs,
        encoding_format: "float",
        ...(request.dimensions !== undefined ? { dimensions: request.dimensions } : {}),
        ...(request.user !== undefined ? { user: request.user } : {}),
      };
      const response = await postOpenAiWire({ providerKey: config.providerKey, url, apiKey: config.apiKey(), accept: "application/json", body, signal });
      const json = await readUpstreamJson<{ usage?: { prompt_tokens?: unknown } }>(response, config.providerKey);
      const vectors = readEmbeddings(json, request.inputs.length, config.providerKey);
      const reported = json.usage?.prompt_tokens;
      const counted = typeof reported === "number" && Number.isFinite(reported) && reported >= 0;
      return {
        vectors,
        inputTokens: counted ? Math.round(reported) : request.inputs.reduce((sum, text) => sum + countTextTokens(text), 0),
        estimated: !counted,
        latencyMs: now() - started,
      };
    } catch (error) {
      throw toProviderError(error, signal);
    }
  }

  return { kind: config.kind, providerKey: config.providerKey, modelAlias: config.modelAlias, embed };
}
