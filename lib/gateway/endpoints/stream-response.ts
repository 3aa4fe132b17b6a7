// Turns a committed provider stream into OpenAI SSE. Pull-based, so a slow client slows the
// upstream read instead of buffering; a client that goes away cancels the upstream. The answer
// is folded up on the way, so the ledger can count it if the upstream reports no usage.
import { collect } from "@/lib/canonical/collect";
import type { AssistantPart, StreamPart, Usage } from "@/lib/canonical/types";
import type { ApiError } from "@/lib/http/api-error";
import { ProviderError } from "@/lib/providers/provider-error";
import { chunkWriter, usageChunk } from "@/lib/wire/openai-chat/chunks";

export interface SseOptions {
  decisionId: string;
  model: string;
  created: number;
  includeUsage: boolean;
  stream: AsyncIterable<StreamPart>;
  /** Called once at the end with the usage (null if none arrived), the answer so far, and the error that broke the stream. */
  onEnd(usage: Usage | null, answer: AssistantPart[], error: unknown): void;
  toApiError(error: unknown): ApiError;
}

const encoder = new TextEncoder();

export function sseData(value: unknown): Uint8Array {
  return encoder.encode(`data: ${typeof value === "string" ? value : JSON.stringify(value)}\n\n`);
}

export function openAiSseStream(options: SseOptions): ReadableStream<Uint8Array> {
  const iterator = options.stream[Symbol.asyncIterator]();
  const base = { decisionId: options.decisionId, model: options.model, created: options.created };
  const writer = chunkWriter(base);
  const answer: AssistantPart[] = [];
  let done = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      try {
        // One upstream part per pull, skipping parts that carry nothing, so pull always enqueues.
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            // A provider stream always ends with a finish part; ending without one is a broken stream.
            throw new ProviderError({ kind: "unavailable", message: "The upstream stream ended without finishing." });
          }
          const part = next.value;
          collect(answer, part);
          const chunks = writer.write(part);
          for (const chunk of chunks) controller.enqueue(sseData(chunk));
          if (part.type === "finish") {
            done = true;
            // The record is journaled before the stream's last bytes: no finished answer without it.
            options.onEnd(part.usage, answer, null);
            if (options.includeUsage) controller.enqueue(sseData(usageChunk(base, part.usage)));
            controller.enqueue(sseData("[DONE]"));
            controller.close();
            await iterator.return?.();
            return;
          }
          if (chunks.length > 0) return;
        }
      } catch (error) {
        done = true;
        options.onEnd(null, answer, error);
        // Bytes already reached the client: say what went wrong in-band; OpenAI SDKs raise it.
        controller.enqueue(sseData(options.toApiError(error).toBody()));
        controller.close();
      }
    },
    async cancel() {
      if (done) return;
      done = true;
      options.onEnd(null, answer, new Error("the client closed the connection"));
      await iterator.return?.();
    },
  });
}
