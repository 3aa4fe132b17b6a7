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
   * Tool calls to answer with (after any text). The finish reason becomes tool_calls unless
   * set; streams send each call's arguments in two pieces.
   */
  toolCalls?: FakeToolCall[];
  /** Embeddings (OpenAI fake, `/v1/embeddings`): the vector per input; default distinct small vectors. */
  vectors?: number[][];
  /**
   * Usage to report. Omitted: counted crudely (input = words in the request's messages,
   * output = number of chunks). `null`: report no usage at all (OpenAI wire only).
   * inputTokens counts every input token, cached ones included (each wire reports it its way).
   */
  usage?: FakeUsage | null;
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

export interface FakeToolCall {
  id?: string;
  name: string;
  /** JSON text. */
  arguments: string;
}

export interface FakeUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
}

export const DEFAULT_FAKE_TEXT = "Hello from the fake upstream.";

/** The stream chunks a reply produces: explicit chunks, or the text split after each space. */
export function replyChunks(reply: FakeReply): string[] {
  if (reply.chunks) return reply.chunks;
  // A reply that only calls tools has no text unless it says so.
  const text = reply.text ?? (reply.toolCalls?.length ? "" : DEFAULT_FAKE_TEXT);
  if (text === "") return [];
  return text.match(/\S+\s*|\s+/g) ?? [text];
}

/** The reply's tool calls with ids filled in. */
export function replyToolCalls(reply: FakeReply): Array<Required<FakeToolCall>> {
  return (reply.toolCalls ?? []).map((call, index) => ({ id: call.id ?? `call_fake_${index}`, name: call.name, arguments: call.arguments }));
}

export function replyFinishReason(reply: FakeReply): FakeFinishReason {
  return reply.finishReason ?? (reply.toolCalls?.length ? "tool_calls" : "stop");
}

/** Splits a tool call's arguments in two, as providers stream them in pieces. */
export function argumentPieces(text: string): string[] {
  const middle = Math.ceil(text.length / 2);
  return text.length < 2 ? [text] : [text.slice(0, middle), text.slice(middle)];
}

export function replyText(reply: FakeReply): string {
  return replyChunks(reply).join("");
}
