// Runs one request along the ordered candidates the policy engine chose. A candidate that fails
// before any answer is recorded and the next one tried; a candidate whose breaker is open is
// skipped (and recorded). For streams the commit point is the first part (text or finish): until
// then a failure falls back silently; after it the candidate owns the response, and a later
// error reaches the caller as a mid-stream error — never a silent switch to another model.
import { createAttemptSignal, type AttemptSignal } from "./attempt-signal";
import type { HealthGate } from "./circuit-breaker";
import { toProviderError } from "../map-error";
import { ProviderError, RequestAbortedError, type ProviderErrorKind } from "../provider-error";
import type { CanonicalRequest, GenerateResult, ProviderClient, StreamPart } from "../types";

export interface FallbackCandidate {
  alias: string;
  providerKey: string;
  /** Called only when the candidate is actually tried. */
  getClient(): ProviderClient;
}

export interface AttemptRecord {
  alias: string;
  providerKey: string;
  outcome: "failed" | "skipped";
  /** "circuit_open" for a skip. */
  errorKind: ProviderErrorKind | "circuit_open";
  message: string;
  status?: number;
  retryAfterSeconds?: number;
  /** Time spent on this candidate (0 for a skip). */
  latencyMs: number;
}

export interface FallbackOptions {
  breaker: HealthGate;
  /** The caller's signal (client disconnect). Stops everything; nothing is recorded against providers. */
  signal?: AbortSignal;
  /** generate: the whole call. stream: until the first part. Unset = no limit. */
  attemptTimeoutMs?: number;
  /** stream, once committed: the longest upstream silence before the stream fails with a timeout. */
  idleTimeoutMs?: number;
  /** Whether a failure before the answer moves on. Default: every kind except bad_request (the caller's fault). */
  shouldFallBack?: (error: ProviderError) => boolean;
  now?: () => number;
}

export interface GenerateOutcome<C extends FallbackCandidate> {
  served: C;
  result: GenerateResult;
  /** Failures and skips before the serving candidate, in order. */
  attempts: AttemptRecord[];
  /** From the executor's start, failed attempts included: what the client waited. */
  ttftMs: number;
  latencyMs: number;
}

export interface StreamOutcome<C extends FallbackCandidate> {
  served: C;
  attempts: AttemptRecord[];
  /** From the executor's start to the committed first part. */
  ttftMs: number;
  /**
   * The committed stream, starting with the part that committed it. Iterate it to the end or
   * stop early (break / return) — either releases the upstream. Anything it throws is a
   * mid-stream error: a ProviderError, or RequestAbortedError when the caller went away.
   */
  stream: AsyncIterable<StreamPart>;
}

/** No candidate served. `lastError` is null when every candidate was skipped. */
export class CandidatesFailedError extends Error {
  override readonly name = "CandidatesFailedError";
  constructor(
    readonly attempts: AttemptRecord[],
    readonly lastError: ProviderError | null,
    /** True when a failure that should not fall back (see shouldFallBack) stopped the run. */
    readonly stoppedEarly: boolean,
  ) {
    super(
      lastError
        ? `No candidate could serve the request: ${lastError.message}`
        : "No candidate could serve the request: every provider's circuit is open",
    );
  }
}

/** The caller aborted; `attempts` holds what happened before. */
export class FallbackAbortedError extends RequestAbortedError {
  constructor(readonly attempts: AttemptRecord[]) {
    super();
  }
}

/** What the loop needs to know of a candidate: who it is (the attempt knows how to call it). */
type Attemptable = Pick<FallbackCandidate, "alias" | "providerKey">;

const defaultShouldFallBack = (error: ProviderError) => error.kind !== "bad_request";

function failureRecord(candidate: Attemptable, error: ProviderError, latencyMs: number): AttemptRecord {
  return {
    alias: candidate.alias,
    providerKey: candidate.providerKey,
    outcome: "failed",
    errorKind: error.kind,
    message: error.message,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    latencyMs,
  };
}

function skipRecord(candidate: Attemptable): AttemptRecord {
  return {
    alias: candidate.alias,
    providerKey: candidate.providerKey,
    outcome: "skipped",
    errorKind: "circuit_open",
    message: `Circuit open for provider "${candidate.providerKey}"`,
    latencyMs: 0,
  };
}

/**
 * The loop both modes share: skip by breaker, run `attempt`, on failure record and go on.
 * `attempt` returns what commits the candidate; its errors are normalised here.
 */
async function runCandidates<C extends Attemptable, T>(
  candidates: readonly C[],
  options: FallbackOptions,
  attempt: (candidate: C, attemptSignal: AttemptSignal) => Promise<T>,
): Promise<{ served: C; value: T; attempts: AttemptRecord[] }> {
  const { breaker, signal } = options;
  const now = options.now ?? (() => performance.now());
  const shouldFallBack = options.shouldFallBack ?? defaultShouldFallBack;
  const attempts: AttemptRecord[] = [];
  let lastError: ProviderError | null = null;

  for (const candidate of candidates) {
    if (signal?.aborted) throw new FallbackAbortedError(attempts);
    if (!(await breaker.canRequest(candidate.providerKey))) {
      attempts.push(skipRecord(candidate));
      continue;
    }
    const started = now();
    const attemptSignal = createAttemptSignal(signal);
    try {
      const value = await attempt(candidate, attemptSignal);
      return { served: candidate, value, attempts };
    } catch (error) {
      attemptSignal.dispose();
      const failure = toProviderError(error, attemptSignal.signal);
      if (failure instanceof RequestAbortedError) {
        await breaker.release(candidate.providerKey);
        throw new FallbackAbortedError(attempts);
      }
      await breaker.onFailure(candidate.providerKey, failure);
      attempts.push(failureRecord(candidate, failure, now() - started));
      lastError = failure;
      if (!shouldFallBack(failure)) throw new CandidatesFailedError(attempts, failure, true);
    }
  }
  throw new CandidatesFailedError(attempts, lastError, false);
}

/**
 * Any other single-answer call (embeddings): the first candidate whose `attempt` resolves
 * serves, with the same skips, fallback and breaker verdicts as generate.
 */
export async function executeAttempts<C extends Attemptable, T>(
  candidates: readonly C[],
  options: FallbackOptions,
  attempt: (candidate: C, signal: AbortSignal) => Promise<T>,
): Promise<{ served: C; value: T; attempts: AttemptRecord[]; latencyMs: number }> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { served, value, attempts } = await runCandidates(candidates, options, async (candidate, attemptSignal) => {
    attemptSignal.arm(options.attemptTimeoutMs, "answer");
    const result = await attempt(candidate, attemptSignal.signal);
    attemptSignal.dispose();
    return result;
  });
  await options.breaker.onSuccess(served.providerKey);
  return { served, value, attempts, latencyMs: now() - started };
}

/** Non-streaming: the first candidate to answer serves. */
export async function executeGenerate<C extends FallbackCandidate>(
  candidates: readonly C[],
  request: CanonicalRequest,
  options: FallbackOptions,
): Promise<GenerateOutcome<C>> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { served, value, attempts } = await runCandidates(candidates, options, async (candidate, attemptSignal) => {
    attemptSignal.arm(options.attemptTimeoutMs, "answer");
    const result = await candidate.getClient().generate(request, attemptSignal.signal);
    attemptSignal.dispose();
    return result;
  });
  await options.breaker.onSuccess(served.providerKey);
  const elapsed = now() - started;
  return { served, result: value, attempts, ttftMs: elapsed, latencyMs: elapsed };
}

/**
 * Streaming: resolves once a candidate has produced its first part (committed). Failures
 * before that fall back; after it they surface from `stream`.
 */
export async function executeStream<C extends FallbackCandidate>(
  candidates: readonly C[],
  request: CanonicalRequest,
  options: FallbackOptions,
): Promise<StreamOutcome<C>> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { served, value, attempts } = await runCandidates(candidates, options, async (candidate, attemptSignal) => {
    attemptSignal.arm(options.attemptTimeoutMs, "first token");
    const iterator = candidate.getClient().stream(request, attemptSignal.signal)[Symbol.asyncIterator]();
    try {
      const first = await iterator.next();
      if (first.done) throw new ProviderError({ kind: "unavailable", message: "The upstream stream ended before any output" });
      attemptSignal.disarm();
      return { first: first.value, iterator, attemptSignal };
    } catch (error) {
      // Let the client's finally blocks run (and cancel its upstream request).
      await iterator.return?.(undefined).catch(() => undefined);
      throw error;
    }
  });
  const ttftMs = now() - started;
  return { served, attempts, ttftMs, stream: committedStream(served.providerKey, value, options) };
}

async function* committedStream(
  providerKey: string,
  committed: { first: StreamPart; iterator: AsyncIterator<StreamPart>; attemptSignal: AttemptSignal },
  options: FallbackOptions,
): AsyncGenerator<StreamPart> {
  const { first, iterator, attemptSignal } = committed;
  const { breaker } = options;
  // One verdict per call: success when the stream completes, failure when it breaks, and
  // none (release) when the caller stops listening.
  let verdict = false;
  try {
    yield first;
    while (true) {
      attemptSignal.arm(options.idleTimeoutMs, "stream output");
      const next = await iterator.next();
      attemptSignal.disarm();
      if (next.done) break;
      yield next.value;
    }
    verdict = true;
    await breaker.onSuccess(providerKey);
  } catch (error) {
    const failure = toProviderError(error, attemptSignal.signal);
    verdict = true;
    if (failure instanceof RequestAbortedError) await breaker.release(providerKey);
    else await breaker.onFailure(providerKey, failure);
    throw failure;
  } finally {
    attemptSignal.dispose();
    if (!verdict) {
      await breaker.release(providerKey);
      await iterator.return?.(undefined).catch(() => undefined);
    }
  }
}
