import { describe, it, expect } from "vitest";
import { decide } from "../decide";
import { fixtureAnalysis, fixtureLive, fixtureSnapshot } from "../fixtures";
import type { Analysis, LiveState, PolicySnapshot } from "../types";

const run = (overrides: Partial<Analysis>, live: Partial<LiveState> = {}, snapshot: PolicySnapshot = fixtureSnapshot()) =>
  decide(fixtureAnalysis(overrides), snapshot, fixtureLive(live));
const aliases = (decision: ReturnType<typeof decide>) => decision.candidates.map((candidate) => candidate.alias);
const reasons = (decision: ReturnType<typeof decide>) => decision.rejected.map((rejection) => [rejection.alias, rejection.reason]);
const routine = { featureKey: "support-bot" } as const;

describe("health", () => {
  it.each<{ name: string; patch: (snapshot: PolicySnapshot) => void; rejected: Array<[string, string]>; detail: string }>([
    {
      name: "a disabled model",
      patch: (s) => { s.models = s.models.map((m) => (m.alias === "llama-3.1-8b" ? { ...m, enabled: false } : m)); },
      rejected: [["llama-3.1-8b", "disabled"]],
      detail: "the model is disabled.",
    },
    {
      name: "a disabled provider",
      patch: (s) => { s.providers = s.providers.map((p) => (p.key === "ollama-lab" ? { ...p, enabled: false } : p)); },
      rejected: [["llama-3.1-8b", "disabled"], ["gemma-2-9b", "disabled"]],
      detail: "provider ollama-lab is disabled.",
    },
    {
      name: "a provider missing from the policy",
      patch: (s) => { s.providers = s.providers.filter((p) => p.key !== "ollama-lab"); },
      rejected: [["llama-3.1-8b", "disabled"], ["gemma-2-9b", "disabled"]],
      detail: "provider ollama-lab is not configured.",
    },
  ])("$name → disabled", ({ patch, rejected, detail }) => {
    const snapshot = fixtureSnapshot();
    patch(snapshot);
    const decision = run(routine, {}, snapshot);
    expect(reasons(decision).filter(([, reason]) => reason === "disabled")).toEqual(rejected);
    expect(decision.rejected.find((r) => r.reason === "disabled")?.detail).toBe(detail);
  });

  it("an open circuit skips the provider's models; the next in line leads, escalation says health", () => {
    const decision = run(routine, { openCircuitProviderKeys: ["ollama-lab"] });
    expect(reasons(decision)).toEqual([
      ["qwen-2.5-3b", "licence"],
      ["llama-3.1-8b", "circuit_open"],
      ["gemma-2-9b", "circuit_open"],
    ]);
    expect(aliases(decision)).toEqual(["deepseek-v3", "llama-3.1-70b", "gpt-4o", "claude-sonnet"]);
    expect(decision.escalation).toBe("health");
    expect(decision.trace).toContain("llama-3.1-8b and gemma-2-9b rejected: provider ollama-lab is failing (circuit open).");
  });

  it("a rate-limited provider is skipped with its wait in the detail", () => {
    const decision = run(routine, { rateLimitedProviders: [{ providerKey: "ollama-lab", retryAfterSeconds: 30 }] });
    expect(decision.rejected.find((r) => r.alias === "llama-3.1-8b")).toEqual({
      alias: "llama-3.1-8b",
      tierKey: "local",
      providerKey: "ollama-lab",
      reason: "rate_limit",
      detail: "provider ollama-lab is rate-limited for another 30 seconds.",
    });
    expect(decision.candidates[0]?.alias).toBe("deepseek-v3");
    expect(decision.escalation).toBe("health");
  });

  it("only rate limits left → 429 rate_limited with the smallest wait", () => {
    const decision = run(
      { featureKey: "hr-assistant" },
      {
        rateLimitedProviders: [
          { providerKey: "ollama-lab", retryAfterSeconds: 42 },
          { providerKey: "vllm-lab", retryAfterSeconds: 7 },
          { providerKey: "vllm-lab", retryAfterSeconds: 3 },
          { providerKey: "openai", retryAfterSeconds: 1 },
        ],
      },
    );
    expect(decision.outcome).toEqual({
      kind: "refused",
      refusal: {
        status: 429,
        code: "rate_limited",
        type: "rate_limit_error",
        message:
          "No model can serve this request: data class restricted allows only the local tier, and providers ollama-lab and vllm-lab are rate-limited (retry after 7 seconds).",
        constraint: "rate_limit",
        retryAfterSeconds: 7,
      },
    });
  });

  it("circuits and rate limits together → 503 no_candidate", () => {
    const decision = run(
      { featureKey: "hr-assistant" },
      { openCircuitProviderKeys: ["vllm-lab"], rateLimitedProviders: [{ providerKey: "ollama-lab", retryAfterSeconds: 5 }] },
    );
    expect(decision.outcome).toMatchObject({
      refusal: {
        status: 503,
        code: "no_candidate",
        constraint: "rate_limit",
        message:
          "No model can serve this request: data class restricted allows only the local tier, provider vllm-lab is failing (circuit open), and provider ollama-lab is rate-limited (retry after 5 seconds).",
      },
    });
  });

  it("an open circuit wins over a rate limit on the same provider", () => {
    const decision = run(routine, {
      openCircuitProviderKeys: ["ollama-lab"],
      rateLimitedProviders: [{ providerKey: "ollama-lab", retryAfterSeconds: 5 }],
    });
    expect(decision.rejected.find((r) => r.alias === "llama-3.1-8b")?.reason).toBe("circuit_open");
  });

  it("a switched-off local tier escalates as health; other reasons on the tier take precedence", () => {
    const snapshot = fixtureSnapshot();
    snapshot.providers = snapshot.providers.map((p) => (p.region === "on-prem" ? { ...p, enabled: false } : p));
    expect(run(routine, {}, snapshot).escalation).toBe("health");
    // With only ollama-lab off, qwen (still on) was turned away by its licence: that is the reason.
    const partly = fixtureSnapshot();
    partly.providers = partly.providers.map((p) => (p.key === "ollama-lab" ? { ...p, enabled: false } : p));
    expect(run(routine, {}, partly).escalation).toBe("licence");
  });

  it("no models at all → 400 that says so (configuration, which no retry changes)", () => {
    const snapshot = fixtureSnapshot();
    snapshot.models = [];
    expect(run(routine, {}, snapshot).outcome).toEqual({
      kind: "refused",
      refusal: {
        status: 400,
        code: "no_allowed_model",
        type: "invalid_request_error",
        message: "No model can serve this request: no models are configured.",
        constraint: "disabled",
        retryAfterSeconds: null,
      },
    });
  });
});
