// A committed provider stream as Responses SSE (`event: <type>` + `data: <json>`). Pull-based like
// the chat stream: a slow client slows the upstream read, a client that leaves cancels it. A
// failure after the first byte ends the stream with response.failed, which the SDKs raise.
import { collect } from "@/lib/canonical/collect";
import type { AssistantPart } from "@/lib/canonical/types";
import { ProviderError } from "@/lib/providers/provider-error";
import { responseEventWriter, type ResponseEvent } from "@/lib/wire/openai-responses/events";
import type { ResponseEcho } from "@/lib/wire/openai-responses/response-body";
import type { ToolNames } from "@/lib/wire/openai-responses/to-canonical";
import type { StreamOptions } from "../endpoints/endpoint-adapter";
import { midStreamError } from "../endpoints/openai-chat-adapter";

const encoder = new TextEncoder();

export function sseEvent(event: ResponseEvent): Uint8Array {
  return encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}

export function responsesSseStream(options: StreamOptions, echo: ResponseEcho, names: ToolNames): ReadableStream<Uint8Array> {
  const iterator = options.stream[Symbol.asyncIterator]();
  const writer = responseEventWriter({ decisionId: options.decisionId, model: options.model, createdAt: options.created, echo, names });
  const answer: AssistantPart[] = [];
  let started = false;
  let done = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      const send = (events: ResponseEvent[]) => events.forEach((event) => controller.enqueue(sseEvent(event)));
      if (!started) {
        started = true;
        send(writer.start());
        return;
      }
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) throw new ProviderError({ kind: "unavailable", message: "The upstream stream ended without finishing." });
          const part = next.value;
          collect(answer, part);
          const events = writer.write(part);
          send(events);
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
        const apiError = midStreamError(error);
        send(writer.fail({ code: apiError.code, message: apiError.message }));
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
