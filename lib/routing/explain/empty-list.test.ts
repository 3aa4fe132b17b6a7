import { describe, expect, it } from "vitest";
import { fixtureAnalysis, fixtureLive } from "../fixtures";
import type { ResolvedDataClass } from "../constraints/data-class";
import type { RejectionReason } from "../types";
import { emptyListRefusal } from "./empty-list";
import type { StagedRejection } from "./staged-rejection";

// Stages in the order decide() checks them: only their order matters to the refusal.
const STAGE: Record<RejectionReason, number> = {
  data_class: 0,
  region: 0,
  disabled: 1,
  pin: 2,
  capability: 3,
  licence: 4,
  context_window: 5,
  budget: 6,
  difficulty: 7,
  rule: 7,
  circuit_open: 8,
  rate_limit: 9,
};

const restricted: ResolvedDataClass = { key: "restricted", raisedBy: [], allowedTierKeys: ["local"], allowedRegions: [], hasPolicy: true, trace: [] };

/** A frontier model the data class removed, and the local model removed by `reason` — the last models. */
function refusalFor(reason: RejectionReason) {
  const rejection = (alias: string, tierKey: string, providerKey: string, why: RejectionReason, detail: string): StagedRejection => ({
    alias,
    tierKey,
    providerKey,
    reason: why,
    detail,
    stage: STAGE[why],
    tierPosition: tierKey === "local" ? 0 : 2,
    priority: 1,
  });
  return emptyListRefusal({
    rejections: [rejection("gpt-5", "frontier", "openai", "data_class", "the class forbids it."), rejection("llama", "local", "ollama", reason, "the check removed it.")],
    dataClass: restricted,
    analysis: fixtureAnalysis({ estimatedPromptTokens: 10_000 }),
    live: fixtureLive({ rateLimitedProviders: [{ providerKey: "ollama", retryAfterSeconds: 7 }] }),
    contextWindows: new Map([["llama", 8_192]]),
  });
}

describe("the refusal for an empty candidate list", () => {
  // A retry cannot change the request or the policy, so those refusals are 4xx (clients and the
  // SDKs do not retry them); only what passes — a budget month, rate limits, failing providers — is 429/503.
  it.each<[RejectionReason, number, string]>([
    ["data_class", 403, "data_class_forbidden"],
    ["region", 403, "data_class_forbidden"],
    ["disabled", 400, "no_allowed_model"],
    ["pin", 400, "no_allowed_model"],
    ["capability", 400, "capability_unavailable"],
    ["licence", 400, "no_allowed_model"],
    ["context_window", 400, "context_length_exceeded"],
    ["difficulty", 400, "no_allowed_model"],
    ["rule", 400, "no_allowed_model"],
    ["budget", 429, "budget_exceeded"],
    ["rate_limit", 429, "rate_limited"],
    ["circuit_open", 503, "no_candidate"],
  ])("the last models removed by %s → %i %s, keeping the constraint", (reason, status, code) => {
    const refusal = refusalFor(reason);
    expect(refusal).toMatchObject({ status, code, constraint: reason });
    expect(refusal.message).toMatch(/^No model can serve this request: /);
    if (status < 429) expect(refusal.retryAfterSeconds).toBeNull();
  });

  it("a 503 for open circuits says when to retry when the circuits know, the soonest provider first", () => {
    const circuit = (alias: string, providerKey: string): StagedRejection => ({ alias, tierKey: "local", providerKey, reason: "circuit_open", detail: "failing.", stage: STAGE.circuit_open, tierPosition: 0, priority: 1 });
    const input = { rejections: [circuit("llama", "ollama"), circuit("qwen", "vllm")], dataClass: restricted, analysis: fixtureAnalysis(), contextWindows: new Map<string, number>() };
    expect(emptyListRefusal({ ...input, live: fixtureLive({ openCircuitProviderKeys: ["ollama", "vllm"], openCircuitRetryAfterSeconds: { ollama: 30, vllm: 12 } }) })).toMatchObject({ status: 503, code: "no_candidate", retryAfterSeconds: 12 });
    expect(emptyListRefusal({ ...input, live: fixtureLive({ openCircuitProviderKeys: ["ollama", "vllm"] }) })).toMatchObject({ status: 503, retryAfterSeconds: null });
  });

  it("words the window case as before", () => {
    expect(refusalFor("context_window")).toEqual({
      status: 400,
      code: "context_length_exceeded",
      type: "invalid_request_error",
      message: "No model can serve this request: data class restricted allows only the local tier, and llama's 8,192-token window is smaller than the 10,512 tokens needed.",
      constraint: "context_window",
      retryAfterSeconds: null,
    });
  });
});
