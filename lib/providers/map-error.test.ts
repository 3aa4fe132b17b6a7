import { APICallError, RetryError, StreamProviderError } from "ai";
import { describe, expect, it } from "vitest";
import { kindForStatus, toProviderError } from "./map-error";
import { ProviderError, RequestAbortedError } from "./provider-error";
import { retryAfterSeconds } from "./resilience/retry-after";

const apiError = (statusCode: number | undefined, message = "upstream said no", headers: Record<string, string> = {}, cause?: unknown) =>
  new APICallError({ message, url: "http://x/v1/chat/completions", requestBodyValues: {}, statusCode, responseHeaders: headers, cause });

describe("toProviderError", () => {
  it.each([
    [400, "bad_request", false],
    [401, "auth", false],
    [403, "auth", false],
    [404, "unavailable", false],
    [408, "timeout", true],
    [413, "context_length", false],
    [422, "bad_request", false],
    [429, "rate_limited", true],
    [500, "unavailable", true],
    [502, "unavailable", true],
    [503, "unavailable", true],
    [504, "timeout", true],
    [529, "unavailable", true],
  ])("HTTP %i → %s (retryable %s)", (status, kind, retryable) => {
    expect(toProviderError(apiError(status))).toMatchObject({ kind, status, retryable });
  });

  it("recognises context-length 400s by their wording", () => {
    for (const message of [
      "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens",
      "prompt is too long: 210000 tokens > 200000 maximum",
      "the request exceeds the available context size, try increasing it",
    ]) {
      expect(toProviderError(apiError(400, message))).toMatchObject({ kind: "context_length" });
    }
  });

  it("reads retry-after from the response headers", () => {
    expect(toProviderError(apiError(429, "slow", { "retry-after": "12" }))).toMatchObject({ retryAfterSeconds: 12 });
    expect(toProviderError(apiError(429, "slow", { "retry-after-ms": "1500", "retry-after": "2" }))).toMatchObject({ retryAfterSeconds: 1.5 });
  });

  it("maps connection failures (no status) by errno", () => {
    const refused = apiError(undefined, "Cannot connect to API: connect ECONNREFUSED", {}, Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
    expect(toProviderError(refused)).toMatchObject({ kind: "unavailable", retryable: true });
    const timedOut = apiError(undefined, "Cannot connect", {}, Object.assign(new Error("t"), { code: "UND_ERR_CONNECT_TIMEOUT" }));
    expect(toProviderError(timedOut)).toMatchObject({ kind: "timeout" });
  });

  it("maps in-stream provider errors by status or type", () => {
    expect(toProviderError(new StreamProviderError({ message: "Overloaded", statusCode: 529, isRetryable: true }))).toMatchObject({ kind: "unavailable", status: 529 });
    expect(toProviderError(new StreamProviderError({ message: "x", type: "rate_limit_error" }))).toMatchObject({ kind: "rate_limited" });
    expect(toProviderError(new StreamProviderError({ message: "weird", isRetryable: true }))).toMatchObject({ kind: "unknown", retryable: true });
  });

  it("unwraps RetryError to its last error", () => {
    const retry = new RetryError({ message: "gave up", reason: "maxRetriesExceeded", errors: [apiError(500), apiError(429)] });
    expect(toProviderError(retry)).toMatchObject({ kind: "rate_limited" });
  });

  it("lets a fired signal decide: a ProviderError reason is returned, anything else is the caller's abort", () => {
    const timeout = new ProviderError({ kind: "timeout", message: "No answer within 5 ms" });
    const timedOut = new AbortController();
    timedOut.abort(timeout);
    expect(toProviderError(new Error("whatever the SDK threw"), timedOut.signal)).toBe(timeout);
    const disconnected = new AbortController();
    disconnected.abort();
    expect(toProviderError(apiError(500), disconnected.signal)).toBeInstanceOf(RequestAbortedError);
  });

  it("keeps ProviderErrors and calls the rest unknown", () => {
    const known = new ProviderError({ kind: "auth", message: "k" });
    expect(toProviderError(known)).toBe(known);
    expect(toProviderError("a string")).toMatchObject({ kind: "unknown", retryable: false, message: "a string" });
  });
});

describe("kindForStatus / retryAfterSeconds", () => {
  it("treats a 2xx as unknown and other 4xx as bad_request", () => {
    expect(kindForStatus(200)).toBe("unknown");
    expect(kindForStatus(418)).toBe("bad_request");
  });

  it("parses seconds, milliseconds and HTTP dates; ignores junk", () => {
    const now = Date.parse("2026-11-21T10:00:00Z");
    expect(retryAfterSeconds({ "Retry-After": "30" }, now)).toBe(30);
    expect(retryAfterSeconds({ "retry-after": "Sat, 21 Nov 2026 10:01:00 GMT" }, now)).toBe(60);
    expect(retryAfterSeconds({ "retry-after": "soon" }, now)).toBeUndefined();
    expect(retryAfterSeconds(undefined, now)).toBeUndefined();
  });
});

describe("upstream error text", () => {
  it("keeps no echoed request content: quoted material and digit runs are cut", async () => {
    const { cleanUpstreamText, upstreamErrorMessage } = await import("./upstream-error-message");
    const body = JSON.stringify({ error: { message: "Invalid value for 'content': the input \"Refund card 4111 1111 1111 1111 please\" is not allowed" } });
    const message = upstreamErrorMessage("fake", 400, body);
    expect(message).not.toContain("4111");
    expect(message).not.toContain("Refund card");
    expect(message).toMatch(/^Provider "fake" answered 400: Invalid value for 'content'/);
    expect(cleanUpstreamText("x".repeat(10_000)).length).toBeLessThanOrEqual(200);
  });
});
