// postUpstream against real node:http servers on loopback.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { postUpstream } from "./upstream-http";

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{ url: string; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  server = createServer((req, res) => {
    sockets.add(req.socket);
    let body = "";
    req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`, sockets };
}

async function readAll(chunks: AsyncIterable<Buffer>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk.toString("utf8");
  return text;
}

describe("postUpstream", () => {
  it("sends the body and headers and reads status, headers and text", async () => {
    const { url } = await serve((req, res, body) => {
      res.writeHead(201, { "content-type": "application/json", "x-echo": req.headers.authorization ?? "" }).end(JSON.stringify({ got: JSON.parse(body) }));
    });
    const response = await postUpstream(url, { authorization: "Bearer k", "content-type": "application/json" }, '{"a":1}');
    expect(response).toMatchObject({ status: 201, ok: true, headers: { "x-echo": "Bearer k" } });
    expect(JSON.parse(await response.text())).toEqual({ got: { a: 1 } });
  });

  it("keeps the connection for the next call", async () => {
    const { url, sockets } = await serve((_req, res) => res.end("{}"));
    for (let i = 0; i < 3; i++) await (await postUpstream(url, {}, "{}")).text();
    expect(sockets.size).toBe(1);
  });

  it("an HTTP error status resolves, not rejects", async () => {
    const { url } = await serve((_req, res) => res.writeHead(429, { "retry-after": "7" }).end('{"error":{}}'));
    const response = await postUpstream(url, {}, "{}");
    expect(response).toMatchObject({ status: 429, ok: false, headers: { "retry-after": "7" } });
  });

  it("retries once on a fresh connection when the upstream closed the kept-alive one as it was reused", async () => {
    let calls = 0;
    const { url } = await serve((req, res) => {
      calls++;
      // The second call arrives on the kept socket: drop it without answering.
      if (calls === 2) return void req.socket.destroy();
      res.end(`{"call":${calls}}`);
    });
    await (await postUpstream(url, {}, "{}")).text();
    expect(await (await postUpstream(url, {}, "{}")).text()).toBe('{"call":3}');
  });

  it("rejects with the network error's code when nothing listens", async () => {
    const { url } = await serve((_req, res) => res.end());
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    await expect(postUpstream(url, {}, "{}")).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("an abort before the answer rejects, and one mid-stream ends the body with an error", async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n");
    });
    const early = new AbortController();
    early.abort();
    await expect(postUpstream(url, {}, "{}", early.signal)).rejects.toThrow();
    const late = new AbortController();
    const response = await postUpstream(url, {}, "{}", late.signal);
    const reading = readAll(response.chunks());
    setTimeout(() => late.abort(), 20);
    await expect(reading).rejects.toThrow();
  });

  it("a reader that stops early lets the rest arrive, so the connection is reused", async () => {
    const { url, sockets } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n");
      setTimeout(() => res.end("data: [DONE]\n\n"), 20);
    });
    const first = await postUpstream(url, {}, "{}");
    for await (const chunk of first.chunks()) {
      expect(chunk.toString()).toBe("data: one\n\n");
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    await (await postUpstream(url, {}, "{}")).text();
    expect(sockets.size).toBe(1);
  });
});
