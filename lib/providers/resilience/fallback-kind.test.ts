// The one translation of a provider error kind into the trace's words (fallbackKindOf, in
// lib/routing/explain/trace.ts) — the gateway's records and the traffic generator both use it.
import { describe, expect, it } from "vitest";
import { fallbackKindOf, fallbackTraceLine } from "@/lib/routing/explain/trace";
import { PROVIDER_ERROR_KINDS } from "../provider-error";

describe("fallbackKindOf", () => {
  it("words every kind an attempt can fail with before the first byte", () => {
    const kinds = Object.fromEntries([...PROVIDER_ERROR_KINDS, "circuit_open"].map((kind) => [kind, fallbackKindOf(kind)]));
    expect(kinds).toEqual({
      rate_limited: "rate_limit",
      timeout: "timeout",
      unavailable: "server_error",
      auth: "auth_error",
      bad_request: "bad_response",
      context_length: "bad_response",
      unknown: "bad_response",
      circuit_open: "circuit_open",
    });
  });

  it("gives the trace a sentence for each, never the raw kind", () => {
    const from = { alias: "a", providerKey: "p", tierKey: "local" };
    for (const kind of [...PROVIDER_ERROR_KINDS, "circuit_open"]) {
      expect(fallbackTraceLine(from, null, fallbackKindOf(kind))).not.toContain(`("`);
    }
  });
});
