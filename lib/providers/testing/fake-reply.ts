// What a fake upstream should do with one request. Shared by both wire protocols so a
// test reads the same whichever provider it drives.

export type FakeFinishReason = "stop" | "length" | "content_filter" | "tool_calls";

export interface FakeReply {
  /** Answer text. Streamed as `chunks` when given, else split into words. */
  text?: string;
  /** Exact stream chunks; their concatenation is the answer text. */
  chunks?: string[];
  /** Wait before the status line (and so before any byte). */
  firstByteDelayMs?: number;
  /** Stream: wait after the 200 and the opening event(s), before the first text chunk. */
  firstChunkDelayMs?: number;
  /** Wait between streamed chunks. */
  chunkDelayMs?: number;
  finishReason?: FakeFinishReason;
  /**
   * Usage to report. Omitted: counted crudely (input = words in the request's messages,
   * output = number of chunks). `null`: report no usage at all (OpenAI wire only).
   */
  usage?: { inputTokens: number; outputTokens: number } | null;
  /** Answer with this HTTP error instead of a completion. */
  failWith?: {
    status: number;
    message?: string;
    /** Sent as the `retry-after` header (seconds). */
    retryAfterSeconds?: number;
    headers?: Record<string, string>;
    /** Raw body, replacing the protocol's error JSON. */
    body?: string;
  };
  /**
   * Stream: send this many chunks, then fail. "error-event" sends the protocol's in-stream
   * error; "disconnect" closes the connection without finishing the response.
   */
  failMidStream?: { afterChunks: number; mode?: "error-event" | "disconnect"; message?: string };
  /** Never answer (until the client gives up or the server stops). */
  hang?: boolean;
}

export const DEFAULT_FAKE_TEXT = "Hello from the fake upstream.";

/** The stream chunks a reply produces: explicit chunks, or the text split after each space. */
export function replyChunks(reply: FakeReply): string[] {
  if (reply.chunks) return reply.chunks;
  const text = reply.text ?? DEFAULT_FAKE_TEXT;
  return text.match(/\S+\s*|\s+/g) ?? [text];
}

export function replyText(reply: FakeReply): string {
  return replyChunks(reply).join("");
}
