// A ProviderClient that speaks OpenAI's chat completions wire itself, for the `openai` and
// `openai-compatible` kinds: the canonical request is serialised straight into the body the
// upstream receives (tools, response_format and unknown OpenAI fields included), and the answer
// or stream is read straight back — no translation through a model abstraction on the hot path.
import type { CanonicalRequest, CanonicalResult, StreamPart } from "@/lib/canonical/types";
import type { ProviderKind } from "@/lib/routing/types";
import { canonicalToChatBody } from "@/lib/wire/openai-chat/from-canonical";
import { readAssistantMessage, readFinishReason } from "@/lib/wire/openai-chat/completion";
import { chunkReader } from "@/lib/wire/openai-chat/chunks";
import { readWireUsage } from "@/lib/wire/openai-chat/usage";
import { kindForStatus, toProviderError } from "./map-error";
import { ProviderError } from "./provider-error";
import { sseEvents } from "./sse-events";
import { postOpenAiWire, readUpstreamJson } from "./openai-wire-post";
import type { UpstreamResponse } from "./upstream-http";
import { normaliseUsage } from "./token-count";
import type { AssistantPart, ProviderClient } from "./types";
import { upstreamErrorMessage } from "./upstream-error-message";
import { collect } from "@/lib/canonical/collect";

export interface OpenAiChatClientConfig {
  kind: Extract<ProviderKind, "openai" | "openai-compatible">;
  providerKey: string;
  modelAlias: string;
  providerModelId: string;
  /** e.g. https://api.openai.com/v1 — `/chat/completions` is appended. */
  baseUrl: string;
  /** Read per call so a rotated secret takes effect at once; may throw a ProviderError. */
  apiKey: () => string | undefined;
  now?: () => number;
}

export function createOpenAiChatClient(config: OpenAiChatClientConfig): ProviderClient {
  const now = config.now ?? (() => performance.now());
  const url = `${config.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const maxTokensField = config.kind === "openai" ? "max_completion_tokens" : "max_tokens";

  function post(request: CanonicalRequest, stream: boolean, signal: AbortSignal | undefined): Promise<UpstreamResponse> {
    const body = canonicalToChatBody(request, { modelId: config.providerModelId, stream, maxTokensField });
    return postOpenAiWire({ providerKey: config.providerKey, url, apiKey: config.apiKey(), accept: stream ? "text/event-stream" : "application/json", body, signal });
  }

  async function generate(request: CanonicalRequest, signal?: AbortSignal): Promise<CanonicalResult> {
    const started = now();
    try {
      if (signal?.aborted) throw signal.reason;
      const response = await post(request, false, signal);
      const json = await readUpstreamJson<{ choices?: Array<{ message?: unknown; finish_reason?: unknown }>; usage?: unknown }>(response, config.providerKey);
      const choice = json.choices?.[0];
      if (!choice) throw new ProviderError({ kind: "unknown", message: `Provider "${config.providerKey}" answered without a choice`, retryable: true });
      const content = readAssistantMessage(choice.message);
      const latencyMs = now() - started;
      const reported = readWireUsage(json.usage);
      return {
        content,
        finishReason: readFinishReason(choice.finish_reason),
        usage: normaliseUsage(reported, request, content),
        ttftMs: latencyMs,
        latencyMs,
      };
    } catch (error) {
      throw toProviderError(error, signal);
    }
  }

  async function* stream(request: CanonicalRequest, signal?: AbortSignal): AsyncGenerator<StreamPart> {
    // Our own controller, so a consumer that stops iterating early also cancels the upstream.
    const upstream = new AbortController();
    const forward = () => upstream.abort(signal?.reason);
    signal?.addEventListener("abort", forward, { once: true });
    let completed = false;
    const answer: AssistantPart[] = [];
    try {
      if (signal?.aborted) throw signal.reason;
      const response = await post(request, true, upstream.signal);
      const reader = chunkReader();
      let done = false;
      for await (const event of sseEvents(response.chunks())) {
        if (event.data === "[DONE]") {
          done = true;
          break;
        }
        let value: unknown;
        try {
          value = JSON.parse(event.data);
        } catch {
          continue; // Keep-alive comments and non-JSON events carry no answer.
        }
        const error = (value as { error?: { message?: unknown; code?: unknown; type?: unknown; status?: unknown } }).error;
        if (error) {
          const label = `${String(error.type ?? "")} ${String(error.code ?? "")} ${String(error.message ?? "")}`;
          const status = typeof error.status === "number" ? error.status : /rate/i.test(label) ? 429 : 503;
          throw new ProviderError({ kind: kindForStatus(status, label), status, message: upstreamErrorMessage(config.providerKey, status, JSON.stringify(value)) });
        }
        for (const part of reader.read(value)) {
          collect(answer, part);
          yield part;
        }
      }
      // Servers differ: OpenAI ends with [DONE]; some end the body after the finish chunk.
      if (!done && reader.finishReason === null) {
        throw new ProviderError({ kind: "unavailable", message: "The upstream stream ended without a finish signal; the answer may be incomplete" });
      }
      completed = true;
      yield { type: "finish", finishReason: reader.finishReason ?? "stop", usage: normaliseUsage(reader.usage, request, answer) };
    } catch (error) {
      throw toProviderError(error, signal?.aborted ? signal : upstream.signal.aborted ? upstream.signal : undefined);
    } finally {
      signal?.removeEventListener("abort", forward);
      if (!completed) upstream.abort();
    }
  }

  return { kind: config.kind, providerKey: config.providerKey, modelAlias: config.modelAlias, generate, stream };
}
