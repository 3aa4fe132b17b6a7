// A ProviderClient over an AI SDK 7 provider model (LanguageModelV4), for upstreams whose wire
// Switchyard translates rather than speaks itself (Anthropic). It calls the provider model's
// doGenerate / doStream directly: one model call, no multi-step loop, no client-side tool
// execution, no retries (Switchyard falls back across candidates itself, and a retry inside the
// SDK would hide a failure from the breaker and double the latency).
import type { LanguageModelV4, LanguageModelV4Content, LanguageModelV4FinishReason, LanguageModelV4Usage } from "@ai-sdk/provider";
import type { AssistantPart, CanonicalRequest, CanonicalResult, FinishReason, StreamPart } from "@/lib/canonical/types";
import type { ProviderKind } from "@/lib/routing/types";
import { fromStreamErrorPayload, toProviderError } from "./map-error";
import { toCallOptions } from "./model-prompt";
import { collect } from "@/lib/canonical/collect";
import { ProviderError } from "./provider-error";
import { readStream } from "./read-stream";
import { normaliseUsage, type ReportedUsage } from "./token-count";
import type { ProviderClient } from "./types";

export interface AiSdkClientConfig {
  kind: ProviderKind;
  providerKey: string;
  modelAlias: string;
  /** Called per request; may throw a ProviderError (e.g. missing secret), which the call rejects with. */
  resolveModel: () => LanguageModelV4;
  now?: () => number;
}

const FINISH_REASONS: Record<LanguageModelV4FinishReason["unified"], FinishReason> = {
  stop: "stop",
  length: "length",
  "content-filter": "content_filter",
  "tool-calls": "tool_calls",
  error: "error",
  interrupted: "other",
  other: "other",
};

export function toFinishReason(reason: LanguageModelV4FinishReason): FinishReason {
  return FINISH_REASONS[reason.unified];
}

export function reportedUsage(usage: LanguageModelV4Usage | undefined): ReportedUsage {
  return {
    input: usage?.inputTokens.total,
    output: usage?.outputTokens.total,
    cached: usage?.inputTokens.cacheRead,
    cacheWrite: usage?.inputTokens.cacheWrite,
    reasoning: usage?.outputTokens.reasoning,
  };
}

function signatureOf(metadata: unknown): string | undefined {
  const signature = (metadata as { anthropic?: { signature?: unknown } } | undefined)?.anthropic?.signature;
  return typeof signature === "string" ? signature : undefined;
}

function toAssistantParts(content: readonly LanguageModelV4Content[]): AssistantPart[] {
  const parts: AssistantPart[] = [];
  for (const part of content) {
    if (part.type === "text" && part.text !== "") parts.push({ type: "text", text: part.text });
    else if (part.type === "reasoning") {
      const signature = signatureOf(part.providerMetadata);
      parts.push({ type: "reasoning", text: part.text, ...(signature ? { signature } : {}) });
    } else if (part.type === "tool-call" && !part.providerExecuted) {
      parts.push({ type: "tool_call", id: part.toolCallId, name: part.toolName, arguments: part.input });
    }
  }
  return parts;
}

export function createAiSdkClient(config: AiSdkClientConfig): ProviderClient {
  const now = config.now ?? (() => performance.now());

  async function generate(request: CanonicalRequest, signal?: AbortSignal): Promise<CanonicalResult> {
    const started = now();
    try {
      if (signal?.aborted) throw signal.reason;
      const result = await config.resolveModel().doGenerate({ ...toCallOptions(request), ...(signal ? { abortSignal: signal } : {}) });
      const content = toAssistantParts(result.content);
      const latencyMs = now() - started;
      return {
        content,
        finishReason: toFinishReason(result.finishReason),
        usage: normaliseUsage(reportedUsage(result.usage), request, content),
        ttftMs: latencyMs,
        latencyMs,
      };
    } catch (error) {
      throw toProviderError(error, signal);
    }
  }

  async function* stream(request: CanonicalRequest, signal?: AbortSignal): AsyncGenerator<StreamPart> {
    const upstream = new AbortController();
    const forward = () => upstream.abort(signal?.reason);
    signal?.addEventListener("abort", forward, { once: true });
    let completed = false;
    const answer: AssistantPart[] = [];
    const toolIndex = new Map<string, number>();
    const emit = function* (part: StreamPart) {
      collect(answer, part);
      yield part;
    };
    try {
      if (signal?.aborted) throw signal.reason;
      const { stream: parts } = await config.resolveModel().doStream({ ...toCallOptions(request), abortSignal: upstream.signal });
      // Provider failures before or inside the stream arrive as `error` parts; each is thrown here.
      for await (const part of readStream(parts)) {
        switch (part.type) {
          case "text-delta":
            if (part.delta !== "") yield* emit({ type: "text", text: part.delta });
            break;
          case "reasoning-delta": {
            if (part.delta !== "") yield* emit({ type: "reasoning", text: part.delta });
            // Anthropic's signature_delta: the thinking block's signature, needed to send it back.
            const signature = signatureOf(part.providerMetadata);
            if (signature) yield* emit({ type: "reasoning", text: "", signature });
            break;
          }
          case "tool-input-start":
            if (part.providerExecuted) break;
            toolIndex.set(part.id, toolIndex.size);
            yield* emit({ type: "tool_call_start", index: toolIndex.size - 1, id: part.id, name: part.toolName });
            break;
          case "tool-input-delta": {
            const index = toolIndex.get(part.id);
            if (index !== undefined && part.delta !== "") yield* emit({ type: "tool_call_delta", index, arguments: part.delta });
            break;
          }
          case "tool-call":
            // Providers that do not stream tool input send the whole call at once.
            if (part.providerExecuted || toolIndex.has(part.toolCallId)) break;
            toolIndex.set(part.toolCallId, toolIndex.size);
            yield* emit({ type: "tool_call_start", index: toolIndex.size - 1, id: part.toolCallId, name: part.toolName });
            if (part.input !== "") yield* emit({ type: "tool_call_delta", index: toolIndex.size - 1, arguments: part.input });
            break;
          case "error":
            throw fromStreamErrorPayload(part.error) ?? part.error;
          case "finish":
            if (part.finishReason.unified === "interrupted") {
              throw new ProviderError({ kind: "unavailable", message: "The upstream stream ended without a finish signal; the answer may be incomplete" });
            }
            completed = true;
            yield { type: "finish", finishReason: toFinishReason(part.finishReason), usage: normaliseUsage(reportedUsage(part.usage), request, answer) };
            return;
          default:
            break;
        }
      }
      throw new ProviderError({ kind: "unavailable", message: "The upstream stream ended without a finish part" });
    } catch (error) {
      throw toProviderError(error, signal?.aborted ? signal : upstream.signal.aborted ? upstream.signal : undefined);
    } finally {
      signal?.removeEventListener("abort", forward);
      if (!completed) upstream.abort();
    }
  }

  return { kind: config.kind, providerKey: config.providerKey, modelAlias: config.modelAlias, generate, stream };
}
