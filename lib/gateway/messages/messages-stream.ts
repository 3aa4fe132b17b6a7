// A committed provider stream as Anthropic's SSE events. Pull-based like the OpenAI stream
// (lib/gateway/endpoints/stream-response.ts): a slow client slows the upstream read, a client that goes
// away cancels it, and a failure after the first byte is reported in-band as an `error` event,
// which the Anthropic SDK raises.
import { collect } from "@/lib/canonical/collect";
import type { AssistantPart } from "@/lib/canonical/types";
import type { ApiError } from "@/lib/http/api-error";
import { ProviderError } from "@/lib/providers/provider-error";
import { anthropicErrorBody } from "@/lib/wire/anthropic-messages/errors";
import { eventWriter, sseEvent } from "@/lib/wire/anthropic-messages/events";
import type { StreamOptions } from "../endpoints/endpoint-adapter";

export function messagesSseStream(options: StreamOptions & { toApiError(error: unknown): ApiError }): ReadableStream<Uint8Array> {
  const iterator = options.stream[Symbol.asyncIterator]();
  const writer = eventWriter({ decisionId: options.decisionId, model: options.model });
  const answer: AssistantPart[] = [];
  let started = false;
  let done = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      if (!started) {
        started = true;
        for (const event of writer.start()) controller.enqueue(sseEvent(event));
        return;
      }
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) throw new ProviderError({ kind: "unavailable", message: "The upstream stream ended without finishing." });
          const part = next.value;
          collect(answer, part);
          const events = writer.write(part);
          for (const event of events) controller.enqueue(sseEvent(event));
          if (part.type === "finish") {
            done = true;
            options.onEnd(part.usage, answer, null);
            controller.close();
            await iterator.return?.();
            return;
          }
          if (events.length > 0) return;
        }
      } catch (error) {
        done = true;
        options.onEnd(null, answer, error);
        controller.enqueue(sseEvent(anthropicErrorBody(options.toApiError(error), options.decisionId)));
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
