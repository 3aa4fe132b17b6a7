// A ProviderClient that speaks OpenAI's chat completions wire itself, for the `openai` and
// `openai-compatible` kinds: the canonical request is serialised straight into the body the
// upstream receives (tools, response_format and unknown OpenAI fields included), and the answer
// or stream is read straight back — no translation through a model abstraction on the hot path.
import { EventSourceParserStream } from "eventsource-parser/stream";
import type { CanonicalRequest, CanonicalResult, StreamPart } from "@/lib/canonical/types";
import type { ProviderKind } from "@/lib/routing/types";
import { canonicalToChatBody } from "@/lib/wire/openai-chat/from-canonical";
import { readAssistantMessage, readFinishReason } from "@/lib/wire/openai-chat/completion";
import { chunkReader } from "@/lib/wire/openai-chat/chunks";
import { readWireUsage } from "@/lib/wire/openai-chat/usage";
import { kindForStatus, networkCodeOf, toProviderError } from "./map-error";
import { ProviderError } from "./provider-error";
import { readStream } from "./read-stream";
import { retryAfterSeconds } from "./retry-after";
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
  fetch?: typeof fetch;
  now?: () => number;
}

async function failureFrom(response: Response, providerKey: string): Promise<ProviderError> {
  const text = await response.text().catch(() => "");
  const headers = Object.fromEntries(response.headers.entries());
  const retryAfter = retryAfterSeconds(headers);
  const message = upstreamErrorMessage(providerKey, response.status, text);
  return new ProviderError({
    kind: kindForStatus(response.status, text),
    status: response.status,
    message,
    ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    // The model or route does not exist at this provider: no outage; a 409 may pass on retry.
    ...(response.status === 404 ? { retryable: false } : response.status === 409 ? { retryable: true } : {}),
  });
}

export function createOpenAiChatClient(config: OpenAiChatClientConfig): ProviderClient {
  const now = config.now ?? (() => performance.now());
  const doFetch = config.fetch ?? fetch;
  const url = `${config.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const maxTokensField = config.kind === "openai" ? "max_completion_tokens" : "max_tokens";

  async function post(request: CanonicalRequest, stream: boolean, signal: AbortSignal | undefined): Promise<Response> {
    const apiKey = config.apiKey();
    const body = canonicalToChatBody(request, { modelId: config.providerModelId, stream, maxTokensField });
    let response: Response;
    try {
      response = await doFetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: stream ? "text/event-stream" : "application/json",
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      // fetch says only "fetch failed"; the cause's code (ECONNREFUSED, ETIMEDOUT) is what helps.
      const code = networkCodeOf(error);
      const normalised = toProviderError(error);
      if (!(normalised instanceof ProviderError) || code === undefined) throw normalised;
      throw new ProviderError({ kind: normalised.kind, message: `Provider "${config.providerKey}" could not be reached (${code})`, retryable: true, cause: error });
    }
    if (!response.ok) throw await failureFrom(response, config.providerKey);
    return response;
  }

  async function generate(request: CanonicalRequest, signal?: AbortSignal): Promise<CanonicalResult> {
    const started = now();
    try {
      if (signal?.aborted) throw signal.reason;
      const response = await post(request, false, signal);
      let json: { choices?: Array<{ message?: unknown; finish_reason?: unknown }>; usage?: unknown };
      try {
        json = (await response.json()) as typeof json;
      } catch (error) {
        throw new ProviderError({ kind: "unknown", message: `Provider "${config.providerKey}" answered with invalid JSON`, retryable: true, cause: error });
      }
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
      if (!response.body) throw new ProviderError({ kind: "unavailable", message: `Provider "${config.providerKey}" sent an empty stream` });
      const reader = chunkReader();
      const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
      let done = false;
      for await (const event of readStream(events)) {
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
