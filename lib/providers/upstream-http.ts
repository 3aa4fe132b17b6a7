// POSTs to an upstream provider over node:http/https with keep-alive connections: the HTTP
// clients of the OpenAI-wire chat and embeddings calls.
//
// Why not fetch: in the built app `fetch` is Next's patched one (caching and tracing around
// every call, ~0.1 ms of CPU each), and undici's fetch itself costs more per call than
// node:http; the answer is read as node chunks, not through web streams.
import http, { type IncomingMessage } from "node:http";
import https from "node:https";

export interface UpstreamResponse {
  status: number;
  ok: boolean;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The whole body as text (for JSON answers and error bodies). */
  text(): Promise<string>;
  /**
   * The body as it arrives, for streams. Stopping early (break, return) lets the rest of the
   * body arrive for up to a second so the connection can carry the next call — an upstream
   * ends its stream just after its last event — and only then drops the connection.
   */
  chunks(): AsyncIterable<Buffer>;
}

const DRAIN_AFTER_STOP_MS = 1_000;

/** Lets the rest of a body arrive and be discarded, or drops the connection after graceMs. */
function release(res: IncomingMessage, graceMs: number) {
  if (res.complete || res.destroyed) return;
  const timer = setTimeout(() => res.destroy(), graceMs);
  timer.unref();
  res.once("end", () => clearTimeout(timer));
  res.once("close", () => clearTimeout(timer));
  res.resume();
}

/** One chunk at a time from a node stream, without destroying it when the reader stops. */
function chunksOf(res: IncomingMessage): AsyncIterable<Buffer> {
  let failure: Error | null = null;
  let ended = false;
  res.once("end", () => (ended = true));
  res.on("error", (error) => (failure ??= error));
  const next = (): Promise<IteratorResult<Buffer>> =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        const chunk = res.read() as Buffer | null;
        if (chunk !== null) return finish(() => resolve({ value: chunk, done: false }));
        if (failure) return finish(() => reject(failure));
        if (ended) return finish(() => resolve({ value: undefined, done: true }));
        // Closed without an end or an error: the connection went away mid-body.
        if (res.destroyed) return finish(() => reject(Object.assign(new Error("The upstream connection closed before the body ended"), { code: "ECONNRESET" })));
      };
      const finish = (settle: () => void) => {
        res.off("readable", attempt).off("end", attempt).off("error", attempt).off("close", attempt);
        settle();
      };
      res.on("readable", attempt).on("end", attempt).on("error", attempt).on("close", attempt);
      attempt();
    });
  return {
    [Symbol.asyncIterator]: () => ({
      next,
      return: async () => {
        release(res, DRAIN_AFTER_STOP_MS);
        return { value: undefined, done: true };
      },
    }),
  };
}

// One pool per protocol; sockets stay open between calls (the upstream decides for how long,
// by its Keep-Alive header, which Node's agent follows).
const agents = {
  "http:": new http.Agent({ keepAlive: true, scheduling: "lifo" }),
  "https:": new https.Agent({ keepAlive: true, scheduling: "lifo" }),
};

function responseOf(res: IncomingMessage): UpstreamResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const status = res.statusCode ?? 0;
  return {
    status,
    ok: status >= 200 && status < 300,
    headers,
    async text() {
      const parts: Buffer[] = [];
      for await (const chunk of res) parts.push(chunk as Buffer);
      return Buffer.concat(parts).toString("utf8");
    },
    chunks: () => chunksOf(res),
  };
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : Object.assign(new Error("The operation was aborted"), { name: "AbortError" });
}

/**
 * `{ ...headers, [name]: value }` by a loop: on Node 20 a spread with an added field gives every
 * object a hidden class of its own (bench/README.md, "Hidden classes per request"); fields
 * stored one by one in the same order share one.
 */
export function withFields(headers: Record<string, string>, name: string, value: string | number): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key in headers) out[key] = headers[key]!;
  out[name] = value;
  return out;
}

function send(target: URL, headers: Record<string, string>, body: string, signal: AbortSignal | undefined, retried: boolean): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(target, {
      method: "POST",
      agent: agents[target.protocol as keyof typeof agents],
      headers: withFields(headers, "content-length", Buffer.byteLength(body)),
    });
    // Destroyed without an error: the caller reads the signal's reason, and an error passed
    // here would be re-emitted on sockets and streams nobody listens to any more.
    const onAbort = () => request.destroy();
    signal?.addEventListener("abort", onAbort, { once: true });
    let answered = false;
    request.once("response", (res) => {
      answered = true;
      // Aborting later (mid-stream) still destroys the request, and with it the body's stream.
      res.once("close", () => signal?.removeEventListener("abort", onAbort));
      resolve(responseOf(res));
    });
    // `on`, not `once`: a request destroyed after its answer may emit a second error, which the
    // body's reader sees as the stream failing; unheard, it would crash the process.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      answered = true;
      signal?.removeEventListener("abort", onAbort);
      // A kept-alive socket the upstream closed just as it was reused: the request never reached
      // it, so one retry on a fresh connection is safe (Node's documented pattern).
      if (!retried && request.reusedSocket && error.code === "ECONNRESET" && !signal?.aborted) {
        send(target, headers, body, signal, true).then(resolve, reject);
        return;
      }
      reject(error);
    });
    request.end(body);
  });
}

/** POST `body` to `url`. Rejects on network errors and aborts; an HTTP error status resolves. */
export function postUpstream(url: string, headers: Record<string, string>, body: string, signal?: AbortSignal): Promise<UpstreamResponse> {
  const target = new URL(url);
  if (target.protocol !== "http:" && target.protocol !== "https:") return Promise.reject(new TypeError(`Not an http(s) URL: ${url}`));
  return send(target, headers, body, signal, false);
}
