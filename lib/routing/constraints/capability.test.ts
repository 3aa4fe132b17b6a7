import { describe, expect, it } from "vitest";
import { decide } from "../decide";
import { fixtureAnalysis, fixtureFinding, fixtureLive, fixtureSnapshot } from "../fixtures";

const snapshot = fixtureSnapshot();
const live = fixtureLive();

describe("capabilities", () => {
  it("skips a model that cannot call tools, with the reason in the trace", () => {
    const decision = decide(fixtureAnalysis({ featureKey: "support-bot", requiredCapabilities: ["tools"] }), snapshot, live);
    expect(decision.candidates[0]?.alias).toBe("llama-3.1-8b");
    expect(decision.candidates.map((candidate) => candidate.alias)).not.toContain("gemma-2-9b");
    expect(decision.rejected).toContainEqual(expect.objectContaining({ alias: "gemma-2-9b", reason: "capability", detail: "gemma-2-9b cannot call tools." }));
    expect(decision.trace).toContain("The request needs a model that can call tools.");
    expect(decision.trace.join("\n")).toContain("gemma-2-9b cannot call tools");
  });

  it("escalates to the cheapest tier with a capable model and says why", () => {
    // Images on an internal request: no local model reads images, the frontier gpt-4o does.
    const decision = decide(fixtureAnalysis({ featureKey: "support-bot", requiredCapabilities: ["images"] }), snapshot, live);
    expect(decision.candidates.map((candidate) => candidate.alias)).toEqual(["gpt-4o", "claude-sonnet"]);
    expect(decision.escalation).toBe("capability");
  });

  it("names the capability when no allowed model has it (400, not a retryable 503)", () => {
    // Restricted data may only use local, and no local model reads images.
    const decision = decide(
      fixtureAnalysis({ featureKey: "support-bot", requiredCapabilities: ["images"], findings: [fixtureFinding("payment_card", "restricted")] }),
      snapshot,
      live,
    );
    expect(decision.outcome).toMatchObject({ kind: "refused", refusal: { status: 400, code: "capability_unavailable", constraint: "capability" } });
    const message = decision.outcome.kind === "refused" ? decision.outcome.refusal.message : "";
    expect(message).toContain("data class restricted allows only the local tier");
    expect(message).toMatch(/cannot read images/);
  });

  it("answers 400 naming the capability when the pinned model lacks it", () => {
    const decision = decide(fixtureAnalysis({ pin: { kind: "model", alias: "gemma-2-9b" }, requiredCapabilities: ["tools"] }), snapshot, live);
    expect(decision.outcome).toMatchObject({ kind: "refused", refusal: { status: 400, code: "capability_unavailable" } });
    expect(decision.outcome.kind === "refused" && decision.outcome.refusal.message).toContain("gemma-2-9b cannot call tools");
  });

  it("skips a model whose output limit is below the max_tokens asked for", () => {
    const limited = fixtureSnapshot();
    const llama = limited.models.find((model) => model.alias === "llama-3.1-8b")!;
    llama.maxOutputTokens = 2_048;
    const decision = decide(fixtureAnalysis({ featureKey: "support-bot", declaredOutputTokens: 4_000, requestedOutputTokens: 4_000 }), limited, live);
    expect(decision.rejected).toContainEqual(expect.objectContaining({ alias: "llama-3.1-8b", reason: "capability", detail: expect.stringContaining("writes at most 2,048 output tokens") }));
  });

  it("keeps OpenAI-only fields on models behind OpenAI's wire", () => {
    const decision = decide(fixtureAnalysis({ featureKey: "support-bot", openaiOnlyFields: ["logit_bias"], declaredDifficulty: "hard" }), snapshot, live);
    expect(decision.candidates.map((candidate) => candidate.alias)).toEqual(["gpt-4o"]);
    expect(decision.rejected).toContainEqual(expect.objectContaining({ alias: "claude-sonnet", reason: "capability", detail: expect.stringContaining("cannot honour logit_bias") }));
  });

  it("ignores a routing rule's pin to a model that lacks a needed capability", () => {
    const pinned = fixtureSnapshot();
    pinned.routingRules.push({
      key: "pin-gemma",
      name: "Pin gemma",
      position: 0,
      enabled: true,
      when: { featureKey: null, minEstimatedTokens: null, maxEstimatedTokens: null, keywords: [], difficulty: null },
      then: { minTierKey: null, maxTierKey: null, pinModelAlias: "gemma-2-9b" },
    });
    const decision = decide(fixtureAnalysis({ featureKey: "support-bot", requiredCapabilities: ["tools"] }), pinned, live);
    expect(decision.candidates[0]?.alias).toBe("llama-3.1-8b");
    expect(decision.trace.join("\n")).toContain('Rule "Pin gemma" pins model gemma-2-9b, but gemma-2-9b cannot call tools; the pin is ignored.');
  });
});
