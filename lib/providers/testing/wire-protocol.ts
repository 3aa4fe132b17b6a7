// The seam between the fake server's plumbing (listen, record, delay, fail) and one
// provider's wire format (paths, auth header, JSON and SSE bodies).
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import type { FakeReply, FakeUsage } from "./fake-reply";

export interface StreamContext {
  /** Sleeps; resolves false when the client has gone away, so the writer stops. */
  pause(ms: number): Promise<boolean>;
  /** Counted usage when the reply sets none. */
  usage: FakeUsage | null;
}

export interface WireProtocol {
  name: "openai" | "anthropic";
  /** Path of the completion endpoint, e.g. "/v1/chat/completions". */
  path: string;
  /** The API key the request carries, in this protocol's header. */
  apiKeyOf(headers: IncomingHttpHeaders): string | undefined;
  isStreaming(body: Record<string, unknown>): boolean;
  writeError(res: ServerResponse, status: number, message: string, headers: Record<string, string>): void;
  writeCompletion(res: ServerResponse, body: Record<string, unknown>, reply: FakeReply, context: StreamContext): void;
  writeStream(res: ServerResponse, body: Record<string, unknown>, reply: FakeReply, context: StreamContext): Promise<void>;
}

/** Usage reported when a reply sets none: whitespace words in, chunks out. Crude on purpose. */
export function countedUsage(body: Record<string, unknown>, chunkCount: number): { inputTokens: number; outputTokens: number } {
  const words = JSON.stringify(body.messages ?? "").split(/\s+/).filter(Boolean).length;
  return { inputTokens: words, outputTokens: chunkCount };
}

export function sseHeaders(res: ServerResponse): void {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  // Headers go out now, as real providers do, so "first byte" means the first event.
  res.flushHeaders();
}
