// A real HTTP server on 127.0.0.1 (ephemeral port) that speaks one provider's wire protocol.
// Used by the adapter unit tests, the gateway's integration tests, Playwright and the
// benchmarks, so it depends on node:http only.
//
//   const upstream = await startFakeOpenAIServer({ apiKey: "sk-test" });
//   upstream.enqueue({ failWith: { status: 429, retryAfterSeconds: 7 } }); // next request only
//   upstream.setReply({ text: "hi", chunkDelayMs: 5 });                   // every later request
//   … createOpenAI({ baseURL: upstream.baseUrl, apiKey: "sk-test" }) …
//   expect(upstream.requests[0]?.body.model).toBe("gpt-4o-mini");
//   await upstream.stop();
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { anthropicWire } from "./anthropic-wire";
import { replyChunks, type FakeReply } from "./fake-reply";
import { EMBEDDINGS_PATH, writeEmbeddings } from "./openai-embeddings-wire";
import { openaiWire } from "./openai-wire";
import { countedUsage, type WireProtocol } from "./wire-protocol";

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-cased header names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (an empty object when the body is not JSON). */
  body: Record<string, unknown>;
  rawBody: string;
  receivedAt: number;
}

export interface FakeServerOptions {
  /** When set, requests carrying another key get the protocol's 401. */
  apiKey?: string;
  /** Default reply for every request not served from the queue. */
  reply?: FakeReply | ((request: RecordedRequest) => FakeReply);
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
}

export class FakeLlmServer {
  readonly requests: RecordedRequest[] = [];
  private server: Server | null = null;
  private queue: FakeReply[] = [];
  private reply: FakeReply | ((request: RecordedRequest) => FakeReply);
  private apiKey: string | undefined;
  private port = 0;
  private readonly requestedPort: number;
  /** Timers of hanging or delayed responses, cleared on stop so tests exit promptly. */
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly protocol: WireProtocol,
    options: FakeServerOptions = {},
  ) {
    this.reply = options.reply ?? {};
    this.apiKey = options.apiKey;
    this.requestedPort = options.port ?? 0;
  }

  /** e.g. "http://127.0.0.1:41234" */
  get origin(): string {
    if (!this.server) throw new Error("FakeLlmServer is not started");
    return `http://127.0.0.1:${this.port}`;
  }

  /** What SDKs take as baseURL: the origin plus "/v1". */
  get baseUrl(): string {
    return `${this.origin}/v1`;
  }

  /** Requests to the completion endpoint only. */
  get completionRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.path === this.protocol.path);
  }

  async start(): Promise<this> {
    if (this.server) return this;
    const server = createServer((req, res) => void this.handle(req, res));
    // Keep-alive sockets would otherwise hold stop() open until they time out.
    server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.requestedPort, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Replaces the default reply for requests not served from the queue. */
  setReply(reply: FakeReply | ((request: RecordedRequest) => FakeReply)): this {
    this.reply = reply;
    return this;
  }

  /** Queues one-off replies, used in order by the next requests, before the default. */
  enqueue(...replies: FakeReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  setApiKey(apiKey: string | undefined): this {
    this.apiKey = apiKey;
    return this;
  }

  /** Forgets recorded requests and queued replies; the default reply becomes `{}`. */
  reset(): this {
    this.requests.length = 0;
    this.queue = [];
    this.reply = {};
    return this;
  }

  private pause(ms: number, res: ServerResponse): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(!res.destroyed);
    return new Promise((resolve) => {
      const onClose = () => {
        clearTimeout(timer);
        this.timers.delete(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        res.off("close", onClose);
        resolve(!res.destroyed);
      }, ms);
      this.timers.add(timer);
      res.once("close", onClose);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(rawBody);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      // Not JSON: recorded as rawBody only.
    }
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: (req.url ?? "/").split("?")[0] ?? "/",
      headers: req.headers,
      body,
      rawBody,
      receivedAt: Date.now(),
    };
    this.requests.push(recorded);

    const wire = this.protocol;
    const embeddings = wire.name === "openai" && recorded.path === EMBEDDINGS_PATH;
    if (recorded.method !== "POST" || (recorded.path !== wire.path && !embeddings)) {
      wire.writeError(res, 404, `No route for ${recorded.method} ${recorded.path}`, {});
      return;
    }
    if (this.apiKey !== undefined && wire.apiKeyOf(req.headers) !== this.apiKey) {
      wire.writeError(res, 401, "Incorrect API key provided.", {});
      return;
    }

    const reply = this.queue.shift() ?? (typeof this.reply === "function" ? this.reply(recorded) : this.reply);
    if (reply.hang) return; // Left open; stop() or the client closes it.
    if (!(await this.pause(reply.firstByteDelayMs ?? 0, res))) return;

    if (reply.failWith) {
      const { status, message, retryAfterSeconds, headers = {}, body: errorBody } = reply.failWith;
      const allHeaders = { ...headers, ...(retryAfterSeconds !== undefined ? { "retry-after": String(retryAfterSeconds) } : {}) };
      if (errorBody !== undefined) {
        res.writeHead(status, { "content-type": "application/json", ...allHeaders });
        res.end(errorBody);
      } else {
        wire.writeError(res, status, message ?? `Fake upstream error ${status}`, allHeaders);
      }
      return;
    }

    if (embeddings) return writeEmbeddings(res, body, reply);
    const usage = reply.usage === null ? null : (reply.usage ?? countedUsage(body, replyChunks(reply).length));
    const context = { pause: (ms: number) => this.pause(ms, res), usage };
    if (wire.isStreaming(body)) await wire.writeStream(res, body, reply, context);
    else wire.writeCompletion(res, body, reply, context);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

/** A started fake of OpenAI's chat completions API (`POST /v1/chat/completions`) and embeddings (`POST /v1/embeddings`). */
export function startFakeOpenAIServer(options?: FakeServerOptions): Promise<FakeLlmServer> {
  return new FakeLlmServer(openaiWire, options).start();
}

/** A started fake of Anthropic's Messages API (`POST /v1/messages`). */
export function startFakeAnthropicServer(options?: FakeServerOptions): Promise<FakeLlmServer> {
  return new FakeLlmServer(anthropicWire, options).start();
}
