// A ProviderClient that speaks Anthropic's Messages API itself, for the `anthropic` kind: the
// canonical request is serialised straight into the body the upstream receives (cache_control
// marks, thinking blocks with their signatures, tools) and the answer or stream is read straight
// back — no round trip through the AI SDK's model abstraction on the hot path. Errors, aborts and
// timeouts behave exactly as in the OpenAI-wire client (openai-chat-client.ts).
import type { AssistantPart, CanonicalRequest, CanonicalResult, StreamPart } from "@/lib/canonical/types";
import { collect } from "@/lib/canonical/collect";
import { canonicalToMessagesBody } from "@/lib/wire/anthropic-messages/from-canonical";
import { anthropicStreamReader } from "@/lib/wire/anthropic-messages/stream-reader";
import { readAnthropicUsage, readContentBlocks, readStopReason } from "@/lib/wire/anthropic-messages/upstream-answer";
import { kindForStatus, toProviderError } from "./map-error";
import { postUpstreamJson, readUpstreamJson } from "./openai-wire-post";
import { ProviderError } from "./provider-error";
import { sseEvents } from "./sse-events";
import { normaliseUsage } from "./token-count";
import type { ProviderClient } from "./types";
import type { UpstreamResponse } from "./upstream-http";
import { upstreamErrorMessage } from "./upstream-error-message";

/** The API version Switchyard speaks when the caller names none. */
export const ANTHROPIC_VERSION = "2023-06-01";

export interface AnthropicMessagesClientConfig {
  providerKey: string;
  modelAlias: string;
  providerModelId: string;
  /** e.g. https://api.anthropic.com/v1 — `/messages` is appended. */
  baseUrl: string;
  /** Read per call so a rotated secret takes effect at once; may throw a ProviderError. */
  apiKey: () => string;
  now?: () => number;
}

/** The HTTP status Anthropic uses for each error type, for errors that arrive inside a 200 stream. */
const STATUS_BY_ERROR_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
};

function streamError(providerKey: string, payload: unknown): ProviderError {
  const { type, message } = (payload ?? {}) as { type?: unknown; message?: unknown };
  const status = STATUS_BY_ERROR_TYPE[String(type)] ?? 500;
  const body = JSON.stringify({ error: { message: typeof message === "string" ? message : String(type ?? "") } });
  return new ProviderError({ kind: kindForStatus(status, `${String(type ?? "")} ${String(message ?? "")}`), status, message: upstreamErrorMessage(providerKey, status, body) });
}

/** The caller's anthropic-beta (Claude Code's) merged with the betas the body itself needs. */
function betaHeader(callerBeta: string | undefined, needed: readonly string[]): string | undefined {
  const betas = new Set((callerBeta ?? "").split(",").map((beta) => beta.trim()).filter(Boolean));
  for (const beta of needed) betas.add(beta);
  return betas.size > 0 ? [...betas].join(",") : undefined;
}

export function createAnthropicMessagesClient(config: AnthropicMessagesClientConfig): ProviderClient {
  const now = config.now ?? (() => performance.now());
  const url = `${config.baseUrl.replace(/\/+$/, "")}/messages`;

  function post(request: CanonicalRequest, stream: boolean, signal: AbortSignal | undefined): Promise<UpstreamResponse> {
    const apiKey = config.apiKey();
    const { body, betas } = canonicalToMessagesBody(request, { modelId: config.providerModelId, stream });
    const beta = betaHeader(request.anthropicHeaders?.beta, betas);
    const headers: Record<string, string> = {
      "x-api-key": apiKey,
      "anthropic-version": request.anthropicHeaders?.version ?? ANTHROPIC_VERSION,
      ...(beta ? { "anthropic-beta": beta } : {}),
    };
    return postUpstreamJson({ providerKey: config.providerKey, url, headers, accept: stream ? "text/event-stream" : "application/json", body, signal });
  }

  async function generate(request: CanonicalRequest, signal?: AbortSignal): Promise<CanonicalResult> {
    const started = now();
    try {
      if (signal?.aborted) throw signal.reason;
      const response = await post(request, false, signal);
      const json = await readUpstreamJson<{ content?: unknown; stop_reason?: unknown; usage?: unknown }>(response, config.providerKey);
      const content = readContentBlocks(json.content);
      const latencyMs = now() - started;
      return {
        content,
        finishReason: readStopReason(json.stop_reason),
        usage: normaliseUsage(readAnthropicUsage(json.usage), request, content),
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
      const reader = anthropicStreamReader();
      for await (const event of sseEvents(response.chunks())) {
        let value: unknown;
        try {
          value = JSON.parse(event.data);
        } catch {
          continue; // Keep-alive comments and non-JSON events carry no answer.
        }
        for (const part of reader.read(value)) {
          collect(answer, part);
          yield part;
        }
        if (reader.error !== undefined) throw streamError(config.providerKey, reader.error);
        if (reader.stopped) break;
      }
      if (!reader.stopped) {
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

  return { kind: "anthropic", providerKey: config.providerKey, modelAlias: config.modelAlias, generate, stream };
}
