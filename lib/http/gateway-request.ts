// A request as the gateway's own server hands it to the route handlers: the part of the Fetch
// API's Request they read (method, url, headers.get, signal, the body), without building
// undici's Request. On Node 20 a Request costs its Headers (each header appended and validated
// again), a second AbortSignal that follows the caller's, a ReadableStream over a body already in
// memory and a WHATWG URL parse — about a twentieth of the CPU a whole gateway request takes,
// and a dozen hidden classes made per request (bench/README.md, "Hidden classes per request").
import type { IncomingHttpHeaders } from "node:http";

/**
 * Where a body read before the handler ran is kept. A symbol from the global registry: the
 * production server (scripts/serve.ts, loaded by tsx) and the handlers (Next's build) each hold
 * their own copy of this module, so `instanceof` could not tell one from the other.
 */
const BUFFERED_BODY = Symbol.for("switchyard.gateway-request.buffered-body");

/** The body as the server read it, when it did (null: read `request.body` as a stream). */
export function bufferedBodyOf(request: Request): Buffer | null {
  const held = (request as unknown as Record<symbol, unknown>)[BUFFERED_BODY];
  return Buffer.isBuffer(held) ? held : null;
}

/** node:http's parsed headers (names lower-cased, repeats joined with ", ") read as Fetch Headers. */
export class RequestHeaders implements Headers {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  getSetCookie(): string[] {
    const value = this.raw["set-cookie"];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  }

  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }

  *entries(): HeadersIterator<[string, string]> {
    for (const name of Object.keys(this.raw).sort()) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }

  *keys(): HeadersIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): HeadersIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): HeadersIterator<[string, string]> {
    return this.entries();
  }

  // A request's headers are what the client sent; the handlers never change them.
  append(): void {
    throw new TypeError("The request's headers are read-only.");
  }

  set(): void {
    throw new TypeError("The request's headers are read-only.");
  }

  delete(): void {
    throw new TypeError("The request's headers are read-only.");
  }
}

type BodyStream = ReadableStream<Uint8Array<ArrayBuffer>>;

type RequestSurface = Pick<Request, "method" | "url" | "headers" | "signal" | "body" | "bodyUsed" | "arrayBuffer" | "text" | "json">;

export class GatewayRequest implements RequestSurface {
  private content: Buffer | BodyStream | null;
  private used = false;
  readonly [BUFFERED_BODY]: Buffer | null;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: RequestHeaders,
    readonly signal: AbortSignal,
    content: Buffer | ReadableStream<Uint8Array> | null,
  ) {
    this.content = content as Buffer | BodyStream | null;
    this[BUFFERED_BODY] = Buffer.isBuffer(content) ? content : null;
  }

  /** The body as a stream, made on first use from a body already in memory. */
  get body(): BodyStream | null {
    if (Buffer.isBuffer(this.content)) {
      const bytes = new Uint8Array(this.content.buffer as ArrayBuffer, this.content.byteOffset, this.content.byteLength);
      this.content = new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          if (bytes.byteLength > 0) controller.enqueue(bytes);
          controller.close();
        },
      });
    }
    return this.content;
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  private async readBytes(): Promise<Buffer> {
    if (this.used) throw new TypeError("Body is unusable: Body has already been read");
    this.used = true;
    if (this.content === null) return Buffer.alloc(0);
    if (Buffer.isBuffer(this.content)) return this.content;
    const chunks: Uint8Array[] = [];
    const reader = this.content.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.readBytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return (await this.readBytes()).toString("utf8");
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}
