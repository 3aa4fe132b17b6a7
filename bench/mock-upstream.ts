// A lean OpenAI-compatible upstream for the gateway benchmark: POST /v1/chat/completions answers
// a `chat.completion` JSON body, or SSE chunks with a usage chunk and `data: [DONE]`, and POST
// /v1/embeddings a list of float vectors (768 dimensions unless asked for others), after a
// configurable delay. Unlike lib/providers/testing/fake-llm-server.ts it keeps no per-request
// record (only counters), so 100k requests cost no memory.
//
//   npx tsx bench/mock-upstream.ts [port] [delayMs]      standalone
//   fork()ed by bench/gateway.ts                          reports its port over IPC
//
// Control (loopback only): POST /__bench/config {"delayMs":1500}, GET /__bench/stats,
// POST /__bench/reset.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface MockStats {
  requests: number;
  completions: number;
  streams: number;
  embeddings: number;
  unauthorized: number;
  inFlight: number;
  maxInFlight: number;
  delayMs: number;
}

const API_KEY = process.env.BENCH_MOCK_KEY;
let delayMs = Number(process.argv[3] ?? process.env.BENCH_MOCK_DELAY_MS ?? 0);
const stats: MockStats = { requests: 0, completions: 0, streams: 0, embeddings: 0, unauthorized: 0, inFlight: 0, maxInFlight: 0, delayMs };

const ANSWER = ["The customer", " cannot find", " the export button", " since the last update."];
const COMPLETION_TOKENS = 12;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(parts.length === 1 ? parts[0]!.toString("utf8") : Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** A request that offers tools is answered with one call of the first, as an agent's model would. */
const TOOL_ARGUMENTS = '{"order_id":"A-1042"}';

function toolCompletion(model: string, promptTokens: number, toolName: string) {
  return {
    id: "chatcmpl-bench",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content: null, refusal: null, tool_calls: [{ id: "call_bench", type: "function", function: { name: toolName, arguments: TOOL_ARGUMENTS } }] }, logprobs: null, finish_reason: "tool_calls" }],
    usage: { prompt_tokens: promptTokens, completion_tokens: COMPLETION_TOKENS, total_tokens: promptTokens + COMPLETION_TOKENS },
  };
}

function completion(model: string, promptTokens: number) {
  return {
    id: "chatcmpl-bench",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content: ANSWER.join(""), refusal: null }, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: promptTokens, completion_tokens: COMPLETION_TOKENS, total_tokens: promptTokens + COMPLETION_TOKENS },
    system_fingerprint: "fp_bench",
  };
}

function sse(model: string, promptTokens: number, includeUsage: boolean, toolName: string | null): string {
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created, model, system_fingerprint: "fp_bench", choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
  let out = chunk({ role: "assistant", content: "" }, null);
  if (toolName) {
    out += chunk({ tool_calls: [{ index: 0, id: "call_bench", type: "function", function: { name: toolName, arguments: "" } }] }, null);
    for (const piece of [TOOL_ARGUMENTS.slice(0, 10), TOOL_ARGUMENTS.slice(10)]) out += chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }, null);
    out += chunk({}, "tool_calls");
  } else {
    for (const text of ANSWER) out += chunk({ content: text }, null);
    out += chunk({}, "stop");
  }
  if (includeUsage) {
    out += `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created, model, choices: [], usage: { prompt_tokens: promptTokens, completion_tokens: COMPLETION_TOKENS, total_tokens: promptTokens + COMPLETION_TOKENS } })}\n\n`;
  }
  return `${out}data: [DONE]\n\n`;
}

/** One fixed vector per input (the values do not matter to the gateway; the size of the answer does). */
function embeddingList(model: string, inputs: string[], dimensions: number) {
  const vector = Array.from({ length: dimensions }, (_, i) => Math.round(Math.sin(i + 1) * 1e6) / 1e6);
  const promptTokens = Math.max(1, Math.round(inputs.join(" ").length / 4));
  return { object: "list", data: inputs.map((_, index) => ({ object: "embedding", index, embedding: vector })), model, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } };
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = req.url ?? "/";
  if (url.startsWith("/__bench/")) {
    if (url === "/__bench/stats") return json(res, 200, stats);
    if (url === "/__bench/reset") {
      Object.assign(stats, { requests: 0, completions: 0, streams: 0, embeddings: 0, unauthorized: 0, maxInFlight: stats.inFlight });
      return json(res, 200, stats);
    }
    if (url === "/__bench/config" && req.method === "POST") {
      const body = JSON.parse((await readBody(req)) || "{}") as { delayMs?: number };
      if (typeof body.delayMs === "number") delayMs = stats.delayMs = body.delayMs;
      return json(res, 200, stats);
    }
    return json(res, 404, { error: "unknown control path" });
  }
  if (req.method !== "POST" || (url !== "/v1/chat/completions" && url !== "/v1/embeddings")) {
    return json(res, 404, { error: { message: `No route for ${req.method} ${url}`, type: "invalid_request_error", code: null, param: null } });
  }
  stats.requests += 1;
  stats.inFlight += 1;
  if (stats.inFlight > stats.maxInFlight) stats.maxInFlight = stats.inFlight;
  let finished = false;
  const done = () => {
    if (finished) return;
    finished = true;
    stats.inFlight -= 1;
  };
  res.on("close", done);
  const raw = await readBody(req);
  if (API_KEY && req.headers.authorization !== `Bearer ${API_KEY}`) {
    stats.unauthorized += 1;
    return json(res, 401, { error: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key", param: null } });
  }
  if (url === "/v1/embeddings") {
    const request = JSON.parse(raw) as { model?: string; input?: string | string[]; dimensions?: number };
    const inputs = Array.isArray(request.input) ? request.input : [request.input ?? ""];
    const answer = () => {
      if (res.destroyed) return;
      stats.embeddings += 1;
      json(res, 200, embeddingList(request.model ?? "mock-embed", inputs, request.dimensions ?? 768));
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
    return;
  }
  const body = JSON.parse(raw) as { model?: string; stream?: boolean; stream_options?: { include_usage?: boolean }; tools?: Array<{ function?: { name?: string } }> };
  const toolName = body.tools?.[0]?.function?.name ?? null;
  const model = body.model ?? "mock";
  const promptTokens = Math.max(1, Math.round(raw.length / 4));
  const answer = () => {
    if (res.destroyed) return;
    if (body.stream === true) {
      stats.streams += 1;
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.end(sse(model, promptTokens, body.stream_options?.include_usage === true, toolName));
    } else {
      stats.completions += 1;
      json(res, 200, toolName ? toolCompletion(model, promptTokens, toolName) : completion(model, promptTokens));
    }
  };
  if (delayMs > 0) setTimeout(answer, delayMs);
  else answer();
}

export function startMock(port: number): Promise<number> {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, { error: { message: "mock failed", type: "server_error", code: null, param: null } });
      else res.destroy();
    });
  });
  // Long keep-alive, so neither the gateway's pool nor the bench client races an idle close.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  server.requestTimeout = 0;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

const isMain = process.argv[1] && /mock-upstream\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) {
  startMock(Number(process.argv[2] ?? 0)).then((port) => {
    if (process.send) process.send({ port });
    else console.log(`mock upstream on http://127.0.0.1:${port}/v1 (delay ${delayMs} ms)`);
  });
  // Forked: exit with the parent.
  process.on("disconnect", () => process.exit(0));
}
