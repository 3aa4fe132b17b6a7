import { describe, it, expect } from "vitest";
import { decide } from "../decide";
import { fixtureAnalysis, fixtureLive, fixtureSnapshot } from "../fixtures";
import type { Analysis, FeaturePolicy, LicencePolicy, PolicySnapshot } from "../types";

const run = (overrides: Partial<Analysis> = {}, snapshot: PolicySnapshot = fixtureSnapshot()) =>
  decide(fixtureAnalysis({ declaredDifficulty: "routine", ...overrides }), snapshot, fixtureLive());
const aliases = (decision: ReturnType<typeof decide>) => decision.candidates.map((candidate) => candidate.alias);
const rejection = (decision: ReturnType<typeof decide>, alias: string) => decision.rejected.find((r) => r.alias === alias);

function withFeature(patch: Partial<FeaturePolicy>, key = "support-bot"): PolicySnapshot {
  const snapshot = fixtureSnapshot();
  snapshot.features = snapshot.features.map((feature) => (feature.key === key ? { ...feature, ...patch } : feature));
  return snapshot;
}
function withLicence(key: string, patch: Partial<LicencePolicy>): PolicySnapshot {
  const snapshot = fixtureSnapshot();
  snapshot.licences = snapshot.licences.map((licence) => (licence.key === key ? { ...licence, ...patch } : licence));
  return snapshot;
}

describe("licences", () => {
  it("forbidden commercial use + commercial feature → rejected, with the clause in words", () => {
    const decision = run({ featureKey: "support-bot" });
    expect(rejection(decision, "qwen-2.5-3b")).toEqual({
      alias: "qwen-2.5-3b",
      tierKey: "local",
      providerKey: "vllm-lab",
      reason: "licence",
      detail: "the Qwen Research licence forbids commercial use, and feature Support bot is commercial.",
    });
    expect(aliases(decision)).toEqual(["llama-3.1-8b", "gemma-2-9b", "deepseek-v3", "llama-3.1-70b", "gpt-4o", "claude-sonnet"]);
  });

  it("no feature → assumed commercial, so forbidden licences are out", () => {
    expect(rejection(run(), "qwen-2.5-3b")).toMatchObject({
      reason: "licence",
      detail: "the Qwen Research licence forbids commercial use, and without a feature the use is assumed commercial.",
    });
  });

  it("forbidden commercial use + non-commercial feature → allowed, and the trace says why", () => {
    const decision = run({ featureKey: "hr-assistant" });
    expect(aliases(decision)).toContain("qwen-2.5-3b");
    expect(decision.trace).toContain(
      "qwen-2.5-3b is under the Qwen Research licence, which forbids commercial use; allowed because feature HR assistant is not commercial.",
    );
  });

  it("user cap exceeded → rejected; at the cap → allowed", () => {
    const over = run({ featureKey: "support-bot" }, withFeature({ monthlyActiveUsers: 800_000_000 }));
    expect(over.rejected.filter((r) => r.reason === "licence").map((r) => r.alias)).toEqual(["llama-3.1-8b", "qwen-2.5-3b", "llama-3.1-70b"]);
    expect(rejection(over, "llama-3.1-8b")?.detail).toBe(
      "the Llama 3.1 Community licence needs a separate agreement above 700,000,000 monthly active users, and feature Support bot expects 800,000,000.",
    );
    expect(aliases(over)[0]).toBe("gemma-2-9b");
    const atCap = run({ featureKey: "support-bot" }, withFeature({ monthlyActiveUsers: 700_000_000 }));
    expect(aliases(atCap)[0]).toBe("llama-3.1-8b");
  });

  it("unknown user count with a cap → allowed, noted (fail closed on forbidden only)", () => {
    const decision = run({ featureKey: "ticket-triage" });
    expect(aliases(decision)[0]).toBe("llama-3.1-8b");
    expect(decision.trace).toContain(
      "llama-3.1-8b's Llama 3.1 Community licence caps use at 700,000,000 monthly active users; this feature's user count is unknown.",
    );
  });

  it("jurisdiction overlap → rejected, case-insensitively, with the licence's notes", () => {
    const snapshot = withLicence("deepseek", { restrictedJurisdictions: ["eu"] });
    const decision = run({ featureKey: "support-bot", declaredDifficulty: "standard" }, snapshot);
    expect(rejection(decision, "deepseek-v3")).toMatchObject({
      reason: "licence",
      detail:
        "the DeepSeek Model licence does not permit use in EU, where feature Support bot is served (Chinese-origin model; some organisations exclude it by policy).",
    });
    expect(aliases(decision)).toEqual(["llama-3.1-70b", "gpt-4o", "claude-sonnet"]);
    // Served only in the US: no clash.
    expect(aliases(run({ featureKey: "analytics-assistant", declaredDifficulty: "standard" }, snapshot))[0]).toBe("deepseek-v3");
  });

  it("restricted commercial use → allowed, with a sentence pointing to the notes", () => {
    const decision = run({ featureKey: "support-bot" });
    expect(decision.trace).toContain(
      'llama-3.1-8b is under the Llama 3.1 Community licence, which allows commercial use with conditions — see its notes: Llama 3.1 Acceptable Use Policy applies; display "Built with Llama".',
    );
    expect(decision.trace).toContain(
      "gemma-2-9b is under the Gemma Terms of Use licence, which allows commercial use with conditions — see its notes: Gemma Prohibited Use Policy applies and must be passed on to downstream users.",
    );
  });

  it("a licence the policy does not describe fails closed; a model with no licence is unaffected", () => {
    const snapshot = fixtureSnapshot();
    snapshot.models = snapshot.models.map((model) =>
      model.alias === "gemma-2-9b" ? { ...model, licenceKey: "gemma-3" } : model.alias === "gpt-4o" ? { ...model, licenceKey: null } : model,
    );
    const decision = run({ featureKey: "support-bot" }, snapshot);
    expect(rejection(decision, "gemma-2-9b")).toMatchObject({
      reason: "licence",
      detail: 'its licence "gemma-3" is not in the policy, so its terms cannot be checked.',
    });
    expect(aliases(decision)).toContain("gpt-4o");
  });

  it("licence-driven escalation is reported as licence", () => {
    // A local tier holding only the research-licensed model: a commercial feature must go up.
    const snapshot = fixtureSnapshot();
    snapshot.models = snapshot.models.filter((model) => model.tierKey !== "local" || model.alias === "qwen-2.5-3b");
    const commercial = run({ featureKey: "support-bot" }, snapshot);
    expect(commercial.candidates[0]?.alias).toBe("deepseek-v3");
    expect(commercial.escalation).toBe("licence");
    expect(commercial.trace).toContain(
      "deepseek-v3 is above the local tier, the cheapest data class internal allows, because the cheaper models' licences do not permit this use.",
    );
    expect(run({ featureKey: "hr-assistant" }, snapshot).candidates[0]?.alias).toBe("qwen-2.5-3b");
  });
});
