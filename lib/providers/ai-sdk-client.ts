// A ProviderClient over any AI SDK 7 language model (openai chat, anthropic, openai-compatible).
// Retries are off (maxRetries: 0): Switchyard falls back across candidates itself, and a
// retry inside the SDK would hide a failure from the breaker and double the latency.
import { generateText, streamText, type FinishReason as SdkFinishReason, type LanguageModel } from "ai";
import type { ProviderKind } from "@/lib/routing/types";
import { toModelMessages } from "./chat-messages";
import { toProviderError } from "./map-error";
import { ProviderError } from "./provider-error";
import { normaliseUsage } from "./token-count";
import type { ChatRequest, FinishReason, GenerateResult, ProviderClient, StreamPart } from "./types";

export interface AiSdkClientConfig {
  kind: ProviderKind;
  providerKey: string;
  modelAlias: string;
  /** Called per request; may throw a ProviderError (e.g. missing secret), which the call rejects with. */
  resolveModel: () => LanguageModel;
  now?: () => number;
}

const SDK_FINISH_REASONS: Record<Exclude<SdkFinishReason, "interrupted">, FinishReason> = {
  stop: "stop",
  length: "length",
  "content-filter": "content_filter",
  "tool-calls": "tool_calls",
  error: "error",
  other: "other",
};

export function toFinishReason(reason: SdkFinishReason): FinishReason {
  return reason === "interrupted" ? "other" : SDK_FINISH_REASONS[reason];
}

function callSettings(request: ChatRequest) {
  return {
    messages: toModelMessages(request.messages),
    // AI SDK 7 rejects system messages inside `messages` unless told otherwise; keeping them
    // in place preserves the caller's ordering (providers that need them first hoist them).
    allowSystemInMessages: true,
    maxRetries: 0,
    maxOutputTokens: request.maxOutputTokens,
    temperature: request.temperature,
    topP: request.topP,
    seed: request.seed,
    presencePenalty: request.presencePenalty,
    frequencyPenalty: request.frequencyPenalty,
    stopSequences: typeof request.stop === "string" ? [request.stop] : request.stop,
  };
}

export function createAiSdkClient(config: AiSdkClientConfig): ProviderClient {
  const now = config.now ?? (() => performance.now());

  async function generate(request: ChatRequest, signal?: AbortSignal): Promise<GenerateResult> {
    const started = now();
    try {
      if (signal?.aborted) throw signal.reason;
      const result = await generateText({
        model: config.resolveModel(),
        ...callSettings(request),
        ...(signal ? { abortSignal: signal } : {}),
      });
      const latencyMs = now() - started;
      return {
        text: result.text,
        finishReason: toFinishReason(result.finishReason),
        usage: normaliseUsage(result.usage, request.messages, result.text),
        ttftMs: latencyMs,
        latencyMs,
      };
    } catch (error) {
      throw toProviderError(error, signal);
    }
  }

  async function* stream(request: ChatRequest, signal?: AbortSignal): AsyncGenerator<StreamPart> {
    // Our own controller, so a consumer that stops iterating early also cancels the upstream
    // request; the caller's signal is forwarded into it.
    const upstream = new AbortController();
    const forward = () => upstream.abort(signal?.reason);
    signal?.addEventListener("abort", forward, { once: true });
    let completed = false;
    let text = "";
    try {
      if (signal?.aborted) throw signal.reason;
      const result = streamText({
        model: config.resolveModel(),
        ...callSettings(request),
        abortSignal: upstream.signal,
        // Errors arrive as `error` parts below; without a handler the SDK also logs them.
        onError: () => {},
      });
      // AI SDK 7 does not throw for provider failures in streams: HTTP errors before the first
      // byte, in-stream error events and broken connections all arrive as `error` parts, and an
      // abort as an `abort` part. Each becomes a thrown ProviderError here.
      for await (const part of result.stream) {
        switch (part.type) {
          case "text-delta":
            if (part.text === "") break;
            text += part.text;
            yield { type: "text", text: part.text };
            break;
          case "error":
            throw part.error;
          case "abort":
            throw signal?.reason ?? new ProviderError({ kind: "unknown", message: "The upstream stream was aborted" });
          case "finish":
            if (part.finishReason === "interrupted") {
              throw new ProviderError({ kind: "unavailable", message: "The upstream stream ended without a finish signal; the answer may be incomplete" });
            }
            completed = true;
            yield { type: "finish", finishReason: toFinishReason(part.finishReason), usage: normaliseUsage(part.totalUsage, request.messages, text) };
            break;
        }
      }
      if (!completed) throw new ProviderError({ kind: "unavailable", message: "The upstream stream ended without a finish part" });
    } catch (error) {
      throw toProviderError(error, signal);
    } finally {
      signal?.removeEventListener("abort", forward);
      if (!completed) upstream.abort();
    }
  }

  return { kind: config.kind, providerKey: config.providerKey, modelAlias: config.modelAlias, generate, stream };
}
