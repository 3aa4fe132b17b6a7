// Between node:http and the Fetch API the gateway's handlers speak: an IncomingMessage becomes
// a Request, a Response is written to the ServerResponse. Next does the same for its route
// handlers, with its routing, tracing and request stores around it; the gateway's own server
// (lib/http/gateway-server.ts) needs none of that on the request path.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/**
 * The request as the handlers see it. Its signal aborts when the connection closes before the
 * answer is complete — while the handler waits on an upstream, or mid-stream — so the upstream
 * call is cancelled and the record says the client went away.
 */
export function toWebRequest(req: IncomingMessage, res: ServerResponse, origin: string): Request {
  const abort = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: abort.signal };
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = "half";
  }
  return new Request(origin + (req.url ?? "/"), init);
}

const isStream = (response: Response) => (response.headers.get("content-type") ?? "").startsWith("text/event-stream");

function headersOf(response: Response): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") out[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out["set-cookie"] = cookies;
  return out;
}

/**
 * Writes the Response. A whole body (JSON) goes out in one write with its length; a stream is
 * written chunk by chunk as the handler produces it, waiting when the socket is full, and is
 * cancelled when the client goes away (the handler's onEnd then settles its record).
 */
export async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers = headersOf(response);
  if (!response.body) {
    res.writeHead(response.status, headers).end();
    return;
  }
  if (!isStream(response)) {
    const body = Buffer.from(await response.arrayBuffer());
    headers["content-length"] = String(body.byteLength);
    res.writeHead(response.status, headers).end(body);
    return;
  }
  res.writeHead(response.status, headers);
  res.flushHeaders();
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  res.once("close", cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value)) await new Promise<void>((resolve) => (res.once("drain", resolve), res.once("close", resolve)));
    }
    res.end();
  } catch {
    // The handler's stream failed after the headers went out: all that is left is to close.
    res.destroy();
  } finally {
    res.off("close", cancel);
  }
}
