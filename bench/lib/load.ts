// The load generator: node:http with keep-alive agents. Closed loop (one request after another)
// for concurrency 1; open loop (each request sent at its scheduled time whatever the responses
// do) for fixed arrival rates, with latency counted from the scheduled time, so a server that
// falls behind cannot hide it by slowing the client down (no coordinated omission).
import http from "node:http";

export interface Target {
  label: string;
  host: string;
  port: number;
  path: string;
  headers: Record<string, string>;
  /** POST unless set. */
  method?: "GET" | "POST";
}

export interface Shot {
  /** performance.now() times, in ms. */
  scheduledAt: number;
  sentAt: number;
  headersAt: number | null;
  firstByteAt: number | null;
  endAt: number;
  status: number | null;
  ok: boolean;
  /** e.g. "http_503:all_candidates_failed", "ECONNRESET", "timeout", "stream_without_done". */
  error: string | null;
  /** x-switchyard-decision, when the gateway answered. */
  decisionId: string | null;
  /** retry-after, when sent. */
  retryAfter: string | null;
}

export interface FireOptions {
  /**
   * What a good answer is: a chat completion, an SSE stream ending in [DONE], an Anthropic message
   * or its stream ending in message_stop, a Responses response or its stream ending in
   * response.completed, an embeddings list, or just the expected status.
   */
  expect: "chat" | "sse" | "messages" | "messages-sse" | "responses" | "responses-sse" | "embeddings" | "status";
  /** 200 unless set. */
  status?: number;
  timeoutMs: number;
}

/** One request; never rejects. `scheduledAt` defaults to now (closed loop). */
export function fire(agent: http.Agent, target: Target, body: Buffer, options: FireOptions, scheduledAt = performance.now()): Promise<Shot> {
  return new Promise((resolve) => {
    const shot: Shot = { scheduledAt, sentAt: performance.now(), headersAt: null, firstByteAt: null, endAt: 0, status: null, ok: false, error: null, decisionId: null, retryAfter: null };
    let settled = false;
    const settle = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      shot.endAt = performance.now();
      shot.error = error;
      shot.ok = error === null;
      resolve(shot);
    };
    const request = http.request(
      {
        agent,
        host: target.host,
        port: target.port,
        path: target.path,
        method: target.method ?? "POST",
        headers: target.method === "GET" ? target.headers : { ...target.headers, "content-type": "application/json", "content-length": String(body.length) },
      },
      (response) => {
        shot.headersAt = performance.now();
        shot.status = response.statusCode ?? null;
        const decision = response.headers["x-switchyard-decision"];
        shot.decisionId = typeof decision === "string" ? decision : null;
        const retryAfter = response.headers["retry-after"];
        shot.retryAfter = typeof retryAfter === "string" ? retryAfter : null;
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (shot.firstByteAt === null) shot.firstByteAt = performance.now();
          text += chunk;
        });
        response.on("error", (error: NodeJS.ErrnoException) => settle(error.code ?? error.message));
        response.on("aborted", () => settle("response_aborted"));
        response.on("end", () => {
          if (shot.status !== (options.status ?? 200)) {
            let code = "";
            try {
              code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? "";
            } catch {
              // not JSON
            }
            return settle(`http_${shot.status}${code ? `:${code}` : ""}`);
          }
          if (options.expect === "status") return settle(null);
          if (options.expect === "sse") {
            if (text.includes('"error"')) return settle("stream_error_event");
            return settle(text.trimEnd().endsWith("data: [DONE]") ? null : "stream_without_done");
          }
          if (options.expect === "messages-sse") {
            if (text.includes("event: error")) return settle("stream_error_event");
            return settle(text.includes("event: message_stop") ? null : "stream_without_message_stop");
          }
          if (options.expect === "responses-sse") {
            if (text.includes("event: response.failed") || text.includes("event: error")) return settle("stream_error_event");
            return settle(text.includes("event: response.completed") ? null : "stream_without_completed");
          }
          if (options.expect !== "chat") return settle(otherBodyError(options.expect, text));
          try {
            const parsed = JSON.parse(text) as { choices?: Array<{ message?: { content?: string | null; tool_calls?: unknown[] } }> };
            const message = parsed.choices?.[0]?.message;
            settle(typeof message?.content === "string" || (message?.tool_calls?.length ?? 0) > 0 ? null : "bad_body");
          } catch {
            settle("bad_json");
          }
        });
      },
    );
    const timer = setTimeout(() => {
      settle("timeout");
      request.destroy();
    }, options.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => settle(error.code ?? error.message));
    request.end(target.method === "GET" ? undefined : body);
  });
}

/** Null when a Messages, Responses or embeddings JSON answer is complete, else why not. */
function otherBodyError(expect: "messages" | "responses" | "embeddings", text: string): string | null {
  try {
    const parsed = JSON.parse(text) as { type?: string; content?: unknown[]; object?: string; status?: string; output?: unknown[]; data?: Array<{ embedding?: unknown }> };
    if (expect === "messages") return parsed.type === "message" && (parsed.content?.length ?? 0) > 0 ? null : "bad_body";
    if (expect === "responses") return parsed.object === "response" && parsed.status === "completed" && (parsed.output?.length ?? 0) > 0 ? null : "bad_body";
    return parsed.object === "list" && (parsed.data?.length ?? 0) > 0 && parsed.data!.every((item) => item.embedding !== undefined) ? null : "bad_body";
  } catch {
    return "bad_json";
  }
}

/** Closed loop: `count` requests, one at a time. */
export async function closedLoop(agent: http.Agent, target: Target, body: Buffer, options: FireOptions, count: number): Promise<Shot[]> {
  const shots: Shot[] = [];
  for (let i = 0; i < count; i += 1) shots.push(await fire(agent, target, body, options));
  return shots;
}

export interface OpenLoopRun {
  rate: number;
  durationS: number;
  startedAt: number;
  /** When the last request was sent. */
  lastSentAt: number;
  shots: Shot[];
  /** Greatest delay between a scheduled time and the actual send (the client's own lag). */
  maxSendLagMs: number;
  /** Requests in flight, sampled every 100 ms. */
  inFlightSamples: number[];
}

/** Open loop: `rate` requests per second for `durationS` seconds, each sent on schedule. */
export async function openLoop(agent: http.Agent, target: Target, body: Buffer, options: FireOptions, rate: number, durationS: number): Promise<OpenLoopRun> {
  const total = Math.round(rate * durationS);
  const interval = 1000 / rate;
  const startedAt = performance.now() + 20;
  const shots: Shot[] = new Array(total);
  const pending: Array<Promise<void>> = [];
  let next = 0;
  let inFlight = 0;
  let maxSendLagMs = 0;
  let lastSentAt = startedAt;
  const inFlightSamples: number[] = [];
  const sampler = setInterval(() => inFlightSamples.push(inFlight), 100);
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && startedAt + next * interval <= now) {
        const index = next;
        const scheduledAt = startedAt + index * interval;
        next += 1;
        inFlight += 1;
        maxSendLagMs = Math.max(maxSendLagMs, performance.now() - scheduledAt);
        lastSentAt = performance.now();
        pending.push(
          fire(agent, target, body, options, scheduledAt).then((shot) => {
            inFlight -= 1;
            shots[index] = shot;
          }),
        );
      }
      if (next < total) setTimeout(tick, Math.max(0, startedAt + next * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  clearInterval(sampler);
  return { rate, durationS, startedAt, lastSentAt, shots, maxSendLagMs, inFlightSamples };
}

export function errorsByKind(shots: readonly Shot[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const shot of shots) if (shot.error) counts[shot.error] = (counts[shot.error] ?? 0) + 1;
  return counts;
}

export function keepAliveAgent(maxSockets = Infinity): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, scheduling: "fifo", keepAliveMsecs: 1_000 });
}
