// Between node:http and the Fetch API the gateway's handlers speak: an IncomingMessage becomes
// a Request, a Response is written to the ServerResponse. Next does the same for its route
// handlers, with its routing, tracing and request stores around it; the gateway's own server
// (lib/http/gateway-server.ts) needs none of that on the request path.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { GatewayRequest, RequestHeaders } from "./gateway-request";
import { answerTextOf } from "./json-answer";

/**
 * The body, read here when it is small enough to be read at all: the handler then takes the
 * Buffer as it is, without a stream to read it back through. What the handler must refuse keeps
 * its stream form or its size, so it refuses it as before: a declared length over the limit is
 * not read; an undeclared body that passes the limit is cut just past it (the handler answers
 * 413 and closes); a client gone mid-body becomes a stream that fails (the handler's 499).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | ReadableStream<Uint8Array>> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(Readable.toWeb(req) as ReadableStream<Uint8Array>);
  return new Promise((resolve) => new BodyCollector(req, limit, resolve));
}

/**
 * A class with bound methods rather than closures named in readBody: tsx, which loads this file
 * for scripts/serve.ts, keeps function names by `Object.defineProperty(fn, "name", …)` on every
 * named closure each time it is made, which turns each into a dictionary-mode object — four per
 * request here (bench/README.md, "Hidden classes per request").
 */
class BodyCollector {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly onData: (chunk: Buffer) => void;
  private readonly onEnd: () => void;
  private readonly onFail: () => void;

  constructor(
    private readonly req: IncomingMessage,
    private readonly limit: number,
    private readonly resolve: (body: Buffer | ReadableStream<Uint8Array>) => void,
  ) {
    this.onData = this.data.bind(this);
    this.onEnd = this.end.bind(this);
    this.onFail = this.fail.bind(this);
    req.on("data", this.onData).on("end", this.onEnd).on("error", this.onFail).on("aborted", this.onFail);
  }

  private done(result: Buffer | ReadableStream<Uint8Array>) {
    this.req.off("data", this.onData).off("end", this.onEnd).off("error", this.onFail).off("aborted", this.onFail);
    this.resolve(result);
  }

  private data(chunk: Buffer) {
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
    if (this.size > this.limit) {
      this.req.pause();
      this.done(Buffer.concat(this.chunks));
    }
  }

  private end() {
    this.done(this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks));
  }

  private fail() {
    this.done(new ReadableStream({ start: (controller) => controller.error(new Error("The client closed the connection while sending the body")) }));
  }
}

/**
 * The request as the handlers see it: a GatewayRequest (lib/http/gateway-request.ts says why not
 * undici's Request), typed as the Request the handlers are written against. Its signal aborts
 * when the connection closes before the answer is complete — while the handler waits on an
 * upstream, or mid-stream — so the upstream call is cancelled and the record says the client
 * went away.
 */
export async function toWebRequest(req: IncomingMessage, res: ServerResponse, origin: string, maxBodyBytes: number): Promise<Request> {
  const abort = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  const method = req.method ?? "GET";
  const url = origin + (req.url ?? "/");
  const body = method === "GET" || method === "HEAD" ? null : await readBody(req, maxBodyBytes);
  return new GatewayRequest(method, url, new RequestHeaders(req.headers), abort.signal, body) as unknown as Request;
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
    const text = answerTextOf(response);
    const body = text !== null ? text : Buffer.from(await response.arrayBuffer());
    headers["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);
    res.writeHead(response.status, headers).end(body);
    return;
  }
  res.writeHead(response.status, headers);
  // The headers leave with the first event when the handler has one ready now (one write instead
  // of two); otherwise on their own once this turn of the event loop is done, as before.
  // (headersSent is already true after writeHead; flushHeaders sends nothing once they are out.)
  const flushHeadersAlone = setImmediate(() => {
    if (!res.destroyed) res.flushHeaders();
  });
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  res.once("close", cancel);
  // Events produced together (a finish, the usage and [DONE]) leave in one write: the socket is
  // corked from the first of them until the next tick, which delays nothing that waits.
  let corked = false;
  const uncork = () => {
    corked = false;
    res.uncork();
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!corked) {
        corked = true;
        res.cork();
        process.nextTick(uncork);
      }
      if (!res.write(value)) await new Promise<void>((resolve) => (res.once("drain", resolve), res.once("close", resolve)));
    }
    res.end();
  } catch {
    // The handler's stream failed after the headers went out: all that is left is to close.
    res.destroy();
  } finally {
    clearImmediate(flushHeadersAlone);
    res.off("close", cancel);
  }
}
