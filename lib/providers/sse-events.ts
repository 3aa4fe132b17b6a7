// Server-sent events from a body read as chunks (eventsource-parser does the parsing): each
// chunk is decoded (UTF-8 sequences split across chunks are kept whole) and fed in, and the
// events it completes are yielded before the next chunk is read.
import { createParser, type EventSourceMessage } from "eventsource-parser";

export async function* sseEvents(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<EventSourceMessage> {
  const ready: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => void ready.push(event) });
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    while (ready.length > 0) yield ready.shift()!;
  }
  // An event the body ends before completing (no blank line after it) is dropped, as the
  // EventSource spec says and as the parser's own stream does.
  parser.feed(decoder.decode());
  while (ready.length > 0) yield ready.shift()!;
}
