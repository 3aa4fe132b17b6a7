// The property every gateway endpoint must keep under hostile input, and the runner that checks
// it with fast-check: no 5xx but the documented 503s (with healthy fake upstreams: no 500, no
// 502), errors in the endpoint's own shape, every answer complete within a bound, and a valid
// request still served afterwards.
import { appendFileSync } from "node:fs";
import fc from "fast-check";
import { expect } from "vitest";
import { sendHostile, type HostileRequest, type HostileResponse } from "./hostile-request";

/** One seed for the whole tier, so a failure replays exactly; override with FUZZ_SEED to explore. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261210);
/** Cases per endpoint and run: FUZZ_RUNS overrides (e.g. 20000 for a long local session). */
export const fuzzRuns = (standard: number) => Number(process.env.FUZZ_RUNS ?? standard);
/** Generous: a hung request is a failure, not a slow one. */
export const ANSWER_BOUND_MS = 10_000;

export type ErrorShape = "openai" | "anthropic" | "health";

/** 503s the gateway documents: overload, nothing to serve it, the database or journal unreachable or full. */
const DOCUMENTED_503 = new Set(["gateway_overloaded", "no_candidate", "all_candidates_failed", "database_unavailable", "journal_unavailable", "journal_full", "no_policy"]);

function parseJson(response: HostileResponse): unknown {
  try {
    return JSON.parse(response.body.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Whether a 5xx is one of the documented 503s. Anthropic's shape has no code, so there it is any 503 but the unexpected-error one. */
function documented503(shape: ErrorShape, status: number, body: unknown): boolean {
  if (status !== 503) return false;
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (shape === "health") return true;
  if (shape === "anthropic") return typeof error?.message === "string" && !error.message.includes("unexpected error");
  return typeof error?.code === "string" && DOCUMENTED_503.has(error.code);
}

/** What is wrong with an answer, or null when it keeps the property. */
export function answerProblem(response: HostileResponse, shape: ErrorShape): string | null {
  const { status } = response;
  if (response.elapsedMs > ANSWER_BOUND_MS) return `took ${Math.round(response.elapsedMs)} ms`;
  // Node's HTTP parser refuses some requests before any handler runs (header block over 16 KB,
  // malformed header lines) with a bare status line: the server's answer, not the gateway's.
  if ((status === 400 || status === 431) && response.body.byteLength === 0) return null;
  const contentType = String(response.headers["content-type"] ?? "");
  if (status >= 200 && status < 300) {
    if (contentType.startsWith("text/event-stream")) return response.body.byteLength > 0 ? null : "an empty event stream";
    return parseJson(response) === undefined ? `a ${status} whose body is not JSON` : null;
  }
  const body = parseJson(response);
  if (body === undefined) return `a ${status} whose body is not JSON: ${response.body.toString("utf8").slice(0, 200)}`;
  if (status >= 500 && !documented503(shape, status, body)) return `a ${status}: ${JSON.stringify(body).slice(0, 400)}`;
  if (shape === "health" && status === 503) return null;
  if (shape === "anthropic") {
    const shaped = body as { type?: unknown; error?: { type?: unknown; message?: unknown } };
    if (shaped.type !== "error" || typeof shaped.error?.type !== "string" || typeof shaped.error.message !== "string") return `not Anthropic's error shape: ${JSON.stringify(body).slice(0, 300)}`;
    return null;
  }
  const shaped = body as { error?: { type?: unknown; message?: unknown; code?: unknown } };
  if (typeof shaped.error?.message !== "string" || typeof shaped.error.type !== "string" || typeof shaped.error.code !== "string") return `not OpenAI's error shape: ${JSON.stringify(body).slice(0, 300)}`;
  return null;
}

/** A short, printable description of a request for counterexample reports. */
export function describeRequest(request: HostileRequest): string {
  const body = request.body ?? Buffer.alloc(0);
  const shown = body.byteLength > 300 ? `${body.subarray(0, 300).toString("latin1")}… (${body.byteLength} bytes)` : body.toString("latin1");
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, typeof value === "string" && value.length > 80 ? `${value.slice(0, 80)}… (${value.length} chars)` : value]));
  return `${request.method} ${request.path} ${JSON.stringify(headers)} ${shown}`;
}

export interface FuzzCase {
  origin: string;
  shape: ErrorShape;
  requests: fc.Arbitrary<HostileRequest>;
  /** Requests per endpoint and run. */
  numRuns: number;
  /** Sent at once in each property run: they overlap their waits on the database and the fake upstreams. */
  concurrency?: number;
}

async function check(origin: string, shape: ErrorShape, request: HostileRequest) {
  // FUZZ_LOG=<file>: each case before it is sent, to find one that hangs the process.
  if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${describeRequest(request)}\n`);
  const response = await sendHostile(origin, request, ANSWER_BOUND_MS).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n  for ${describeRequest(request)}`);
  });
  if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `  -> ${response.status} in ${Math.round(response.elapsedMs)} ms\n`);
  const problem = answerProblem(response, shape);
  if (problem) throw new Error(`${problem}\n  for ${describeRequest(request)}`);
}

/** Runs the property; on failure fast-check shrinks to a minimal batch and the assertion names the request. */
export async function fuzz({ origin, shape, requests, numRuns, concurrency = 8 }: FuzzCase): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(requests, { minLength: concurrency, maxLength: concurrency }), async (batch) => {
      const outcomes = await Promise.allSettled(batch.map((request) => check(origin, shape, request)));
      const failed = outcomes.find((outcome) => outcome.status === "rejected");
      if (failed) throw failed.reason;
    }),
    { seed: FUZZ_SEED, numRuns: Math.ceil(numRuns / concurrency) },
  );
}

/** Requests that must each be checked, not sampled (the size cap's edges). */
export async function checkEach(origin: string, shape: ErrorShape, requests: HostileRequest[]) {
  for (const request of requests) await check(origin, shape, request);
}

/** After the storm: the same endpoint still serves a valid request. */
export async function expectStillServes(origin: string, request: HostileRequest) {
  const response = await sendHostile(origin, request, ANSWER_BOUND_MS);
  expect(response.status, response.body.toString("utf8").slice(0, 300)).toBe(200);
}

export const json = (value: unknown) => Buffer.from(JSON.stringify(value));
