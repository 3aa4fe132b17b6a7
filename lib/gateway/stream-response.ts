// Turns a committed provider stream into OpenAI SSE. Pull-based, so a slow client slows the
// upstream read instead of buffering; a client that goes away cancels the upstream.
import type { ApiError } from "@/lib/http/api-error";
import { ProviderError } from "@/lib/providers/provider-error";
import type { StreamPart, TokenUsage } from "@/lib/providers/types";
import { chunkBody, openAiFinishReason, sseData, usageChunkBody } from "./openai-format";

export interface SseOptions {
  decisionId: string;
  model: string;
  created: number;
  includeUsage: boolean;
  stream: AsyncIterable<StreamPart>;
  /** Called once at the end with the usage, or with the error that broke the stream. */
  onEnd(usage: TokenUsage | null, error: unknown): void;
  toApiError(error: unknown): ApiError;
}

export function openAiSseStream(options: SseOptions): ReadableStream<Uint8Array> {
  const iterator = options.stream[Symbol.asyncIterator]();
  const base = { decisionId: options.decisionId, model: options.model, created: options.created };
  let sentRole = false;
  let done = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      try {
        const next = await iterator.next();
        if (next.done) {
          // A provider stream always ends with a finish part; ending without one is a broken stream.
          throw new ProviderError({ kind: "unavailable", message: "The upstream stream ended without finishing." });
        }
        const part = next.value;
        if (part.type === "text") {
          if (part.text === "") return;
          controller.enqueue(sseData(chunkBody({ ...base, delta: sentRole ? { content: part.text } : { role: "assistant", content: part.text }, finishReason: null })));
          sentRole = true;
          return;
        }
        if (!sentRole) controller.enqueue(sseData(chunkBody({ ...base, delta: { role: "assistant", content: "" }, finishReason: null })));
        controller.enqueue(sseData(chunkBody({ ...base, delta: {}, finishReason: openAiFinishReason(part.finishReason) })));
        if (options.includeUsage) controller.enqueue(sseData(usageChunkBody({ ...base, usage: part.usage })));
        controller.enqueue(sseData("[DONE]"));
        done = true;
        options.onEnd(part.usage, null);
        controller.close();
        await iterator.return?.();
      } catch (error) {
        done = true;
        options.onEnd(null, error);
        // Bytes already reached the client: say what went wrong in-band; OpenAI SDKs raise it.
        controller.enqueue(sseData(options.toApiError(error).toBody()));
        controller.close();
      }
    },
    async cancel() {
      if (done) return;
      done = true;
      options.onEnd(null, new Error("the client closed the connection"));
      await iterator.return?.();
    },
  });
}
