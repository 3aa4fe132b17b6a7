// A raw HTTP client for hostile input: bodies as bytes (invalid UTF-8, over the size cap),
// headers as latin-1 strings (each char one byte on the wire, so non-ASCII goes out as is) and
// repeated header lines. fetch() normalises too much of this away, so node:http is used directly.
import { Agent, request as httpRequest, type OutgoingHttpHeaders } from "node:http";

export interface HostileRequest {
  method: "GET" | "POST";
  /** Path and query, e.g. "/api/v1/chat/completions". */
  path: string;
  /** A value array sends the header once per entry; null leaves the header out. */
  headers: Record<string, string | string[] | null>;
  body?: Buffer;
}

export interface HostileResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  elapsedMs: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/**
 * Sends one request and reads the whole answer (a stream to its end). Rejects only when no
 * answer arrives within `timeoutMs`; a socket error after the status line (the gateway closes
 * the connection on a 413 without reading the rest of the body) still yields the answer.
 */
export function sendHostile(origin: string, hostile: HostileRequest, timeoutMs = 10_000): Promise<HostileResponse> {
  const started = performance.now();
  const url = new URL(hostile.path, origin);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(hostile.headers)) if (value !== null) headers[name] = value;
  if (hostile.body) headers["content-length"] = String(hostile.body.byteLength);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new Error(`no complete answer within ${timeoutMs} ms: ${hostile.method} ${hostile.path}`)));
      req.destroy();
    }, timeoutMs);
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: hostile.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      const done = () => finish(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), elapsedMs: performance.now() - started }));
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", done);
      // Closed after the answer was sent in full (connection: close) — still an answer.
      res.on("error", done);
      res.on("aborted", done);
    });
    req.on("error", (error) => {
      // The server answered and closed before the whole body was written: the response handler resolves.
      setTimeout(() => finish(() => reject(error)), 200);
    });
    if (hostile.body) req.end(hostile.body);
    else req.end();
  });
}

export function closeHostileAgent() {
  agent.destroy();
}
