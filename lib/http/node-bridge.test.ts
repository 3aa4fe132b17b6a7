// The bridge on a real node:http server on loopback, driven by node's fetch and raw sockets.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendWebResponse, toWebRequest } from "./node-bridge";

const LIMIT = 1_000;
let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: (request: Request) => Promise<Response>): Promise<string> {
  server = createServer((req, res) => {
    void toWebRequest(req, res, "http://gateway.test", LIMIT)
      .then(handler)
      .then((response) => sendWebResponse(response, res));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("toWebRequest", () => {
  it("carries method, path and query, every header and the body", async () => {
    let seen: { method: string; url: string; auth: string | null; repeated: string | null; body: string } | null = null;
    const origin = await serve(async (request) => {
      seen = { method: request.method, url: request.url, auth: request.headers.get("authorization"), repeated: request.headers.get("x-repeated"), body: await request.text() };
      return Response.json({ ok: true });
    });
    const headers = new Headers({ authorization: "Bearer sk-test", "content-type": "application/json" });
    headers.append("x-repeated", "a");
    headers.append("x-repeated", "b");
    await fetch(`${origin}/api/v1/chat/completions?x=1`, { method: "POST", headers, body: JSON.stringify({ model: "auto" }) });
    expect(seen).toEqual({ method: "POST", url: "http://gateway.test/api/v1/chat/completions?x=1", auth: "Bearer sk-test", repeated: "a, b", body: '{"model":"auto"}' });
  });

  it("cuts an undeclared body just past the limit, so the handler sees it is too large", async () => {
    let size = 0;
    const origin = await serve(async (request) => {
      size = (await request.arrayBuffer()).byteLength;
      return new Response(null, { status: 413, headers: { connection: "close" } });
    });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(400));
        controller.close();
      },
    });
    const response = await fetch(`${origin}/`, { method: "POST", body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect(size).toBeGreaterThan(LIMIT);
    expect(size).toBeLessThan(2_000);
  });

  it("leaves a body whose declared length is over the limit unread, for the handler to refuse by its header", async () => {
    let seen: { declared: string | null; streamed: boolean } | null = null;
    const origin = await serve(async (request) => {
      seen = { declared: request.headers.get("content-length"), streamed: request.body !== null };
      return new Response(null, { status: 413, headers: { connection: "close" } });
    });
    const response = await fetch(`${origin}/`, { method: "POST", body: "x".repeat(5_000) });
    expect(response.status).toBe(413);
    expect(seen).toEqual({ declared: "5000", streamed: true });
  });

  it("a client gone mid-body leaves the handler a body that fails to read", async () => {
    let failed: Promise<boolean> = Promise.resolve(false);
    let handled: () => void = () => {};
    const wasHandled = new Promise<void>((resolve) => (handled = resolve));
    const origin = await serve(async (request) => {
      failed = request.text().then(
        () => false,
        () => true,
      );
      handled();
      return new Response(null, { status: 499 });
    });
    const socket = net.connect(Number(new URL(origin).port), "127.0.0.1");
    socket.write("POST /x HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"a\":");
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await wasHandled;
    expect(await failed).toBe(true);
  });

  it("has no body on GET", async () => {
    let body: ReadableStream | null | undefined;
    const origin = await serve(async (request) => {
      body = request.body;
      return new Response(null, { status: 204 });
    });
    expect((await fetch(`${origin}/api/health`)).status).toBe(204);
    expect(body).toBeNull();
  });

  it("aborts the request's signal when the client goes away before the answer", async () => {
    let aborted: Promise<boolean> = Promise.resolve(false);
    const origin = await serve(async (request) => {
      aborted = new Promise((resolve) => request.signal.addEventListener("abort", () => resolve(true)));
      await aborted;
      return Response.json({ late: true });
    });
    const { port } = new URL(origin);
    const socket = net.connect(Number(port), "127.0.0.1");
    socket.write("POST /slow HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}");
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    expect(await aborted).toBe(true);
  });
});

describe("sendWebResponse", () => {
  it("sends a whole body with its length, status and headers (cookies kept apart)", async () => {
    const origin = await serve(async () => {
      const headers = new Headers({ "x-switchyard-decision": "d-1", "content-type": "application/json" });
      headers.append("set-cookie", "a=1");
      headers.append("set-cookie", "b=2");
      return new Response(JSON.stringify({ error: { code: "x" } }), { status: 429, headers });
    });
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(429);
    expect(response.headers.get("x-switchyard-decision")).toBe("d-1");
    expect(response.headers.get("content-length")).toBe(String('{"error":{"code":"x"}}'.length));
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.json()).toEqual({ error: { code: "x" } });
  });

  it("streams server-sent events as they are produced", async () => {
    let release: () => void = () => {};
    const second = new Promise<void>((resolve) => (release = resolve));
    const origin = await serve(async () => {
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode("data: one\n\n"));
          await second;
          controller.enqueue(encoder.encode("data: [DONE]\n\n"));
          controller.close();
        },
      });
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    });
    const response = await fetch(`${origin}/`);
    const reader = response.body!.getReader();
    // The first event arrives while the handler still holds the second back.
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: one\n\n");
    release();
    let rest = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toBe("data: [DONE]\n\n");
  });

  it("sends a stream's headers before its first event when the handler has none ready yet", async () => {
    let release: () => void = () => {};
    const first = new Promise<void>((resolve) => (release = resolve));
    const origin = await serve(async () => {
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          await first;
          controller.enqueue(new TextEncoder().encode("data: [DONE]\n\n"));
          controller.close();
        },
      });
      return new Response(body, { status: 200, headers: { "content-type": "text/event-stream", "x-switchyard-decision": "d-2" } });
    });
    // fetch resolves on the headers: they must not wait for the first event.
    const response = await fetch(`${origin}/`);
    expect(response.headers.get("x-switchyard-decision")).toBe("d-2");
    release();
    expect(await response.text()).toBe("data: [DONE]\n\n");
  });

  it("cancels the handler's stream when the client goes away mid-stream", async () => {
    let cancelled: (reason: unknown) => void = () => {};
    const wasCancelled = new Promise((resolve) => (cancelled = resolve));
    const origin = await serve(async () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("data: one\n\n"));
        },
        cancel: (reason) => cancelled(reason ?? "cancelled"),
      });
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    });
    const controller = new AbortController();
    const response = await fetch(`${origin}/`, { signal: controller.signal });
    await response.body!.getReader().read();
    controller.abort();
    await expect(wasCancelled).resolves.toBeDefined();
  });
});
