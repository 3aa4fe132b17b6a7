import { describe, it, expect } from "vitest";
import { decide } from "../decide";
import { fixtureAnalysis, fixtureFinding, fixtureLive, fixtureSnapshot } from "../fixtures";
import type { Analysis, DataClassKey, PolicySnapshot } from "../types";

const run = (overrides: Partial<Analysis> = {}, snapshot: PolicySnapshot = fixtureSnapshot()) =>
  decide(fixtureAnalysis(overrides), snapshot, fixtureLive());
const tiersOf = (decision: ReturnType<typeof decide>) => [...new Set(decision.candidates.map((candidate) => candidate.tierKey))];

describe("data class resolution: the highest of findings, declaration and feature floor", () => {
  it.each<{ name: string; overrides: Partial<Analysis>; expected: DataClassKey; raisedBy: string[] }>([
    { name: "no feature → internal floor", overrides: {}, expected: "internal", raisedBy: ["no_feature_floor"] },
    { name: "unknown feature → internal floor", overrides: { featureKey: "nope" }, expected: "internal", raisedBy: ["no_feature_floor"] },
    { name: "feature default", overrides: { featureKey: "contract-review" }, expected: "confidential", raisedBy: ["feature"] },
    { name: "caller raises", overrides: { featureKey: "support-bot", declaredDataClass: "confidential" }, expected: "confidential", raisedBy: ["declared"] },
    { name: "caller cannot lower", overrides: { featureKey: "hr-assistant", declaredDataClass: "public" }, expected: "restricted", raisedBy: ["feature"] },
    {
      name: "a finding raises above the declaration",
      overrides: { declaredDataClass: "confidential", findings: [fixtureFinding("iban", "restricted")] },
      expected: "restricted",
      raisedBy: ["finding"],
    },
    {
      name: "every source at the top class is named",
      overrides: { declaredDataClass: "confidential", findings: [fixtureFinding("email", "confidential", 2)] },
      expected: "confidential",
      raisedBy: ["declared", "finding"],
    },
    { name: "a lower finding changes nothing", overrides: { featureKey: "hr-assistant", findings: [fixtureFinding("email", "confidential")] }, expected: "restricted", raisedBy: ["feature"] },
  ])("$name", ({ overrides, expected, raisedBy }) => {
    const decision = run(overrides);
    expect(decision.dataClass.key).toBe(expected);
    expect(decision.dataClass.raisedBy.map((source) => source.kind)).toEqual(raisedBy);
  });

  it("says in words what raised the class and where it may go", () => {
    expect(run({ findings: [fixtureFinding("payment_card", "restricted")] }).trace).toContain(
      "Found 1 payment card → data class restricted (may use: local).",
    );
    expect(run({ featureKey: "support-bot", findings: [fixtureFinding("email", "confidential", 2), fixtureFinding("phone", "confidential")] }).trace).toContain(
      "Found 2 email addresses and 1 phone number → data class confidential (may use: local, hosted-open).",
    );
    const lowered = run({ featureKey: "hr-assistant", declaredDataClass: "public" }).trace;
    expect(lowered).toContain("Feature HR assistant carries data class restricted by default (may use: local).");
    expect(lowered).toContain("The caller declared data class public, but a request can only raise its data class, never lower it.");
    expect(run({ featureKey: "nope" }).trace.slice(0, 3)).toEqual([
      'Feature "nope" is not configured, so the request is treated as having no feature.',
      "No sensitive data found in the prompt.",
      "No known feature, so the fail-closed floor applies: data class internal (may use: local, hosted-open, frontier).",
    ]);
  });
});

describe("data class bounds tiers and regions", () => {
  it.each<{ declared: DataClassKey; tiers: string[] }>([
    { declared: "public", tiers: ["local", "hosted-open", "frontier"] },
    { declared: "internal", tiers: ["local", "hosted-open", "frontier"] },
    { declared: "confidential", tiers: ["local", "hosted-open"] },
    { declared: "restricted", tiers: ["local"] },
  ])("$declared may use $tiers", ({ declared, tiers }) => {
    // A public, non-commercial, routine feature, so neither the floor, the licences nor the
    // difficulty narrow what the class itself allows.
    const snapshot = fixtureSnapshot();
    snapshot.features.push({
      key: "docs-search", name: "Docs search", team: "Platform", monthlyBudgetUsd: null, budgetAction: "block",
      defaultDifficulty: "routine", defaultDataClass: "public", allowPromptLogging: true, commercial: false,
      monthlyActiveUsers: 50, jurisdictions: [],
    });
    const decision = run({ declaredDataClass: declared, featureKey: "docs-search" }, snapshot);
    expect(decision.dataClass.key).toBe(declared);
    expect(decision.dataClass.allowedTierKeys).toEqual(tiers);
    expect(tiersOf(decision)).toEqual(tiers);
    for (const rejection of decision.rejected) {
      expect(rejection.reason).toBe("data_class");
      expect(tiers).not.toContain(rejection.tierKey);
    }
  });

  it("rejects providers outside the class's regions, case-insensitively", () => {
    const snapshot = fixtureSnapshot();
    snapshot.dataClasses = snapshot.dataClasses.map((policy) =>
      policy.key === "internal" ? { ...policy, allowedRegions: ["EU", "on-prem"] } : policy,
    );
    const decision = run({ declaredDifficulty: "hard" }, snapshot);
    expect(decision.candidates.map((candidate) => candidate.alias)).toEqual(["claude-sonnet"]);
    const regionRejections = decision.rejected.filter((rejection) => rejection.reason === "region");
    expect(regionRejections.map((rejection) => rejection.alias)).toEqual(["deepseek-v3", "llama-3.1-70b", "gpt-4o"]);
    expect(regionRejections[0]?.detail).toBe("data class internal may go only to regions EU or on-prem; provider deepseek is in cn.");
  });

  it("refuses a model pin outside the class's regions with 403", () => {
    const snapshot = fixtureSnapshot();
    snapshot.dataClasses = snapshot.dataClasses.map((policy) =>
      policy.key === "confidential" ? { ...policy, allowedRegions: ["on-prem", "us"] } : policy,
    );
    const decision = run({ declaredDataClass: "confidential", pin: { kind: "model", alias: "deepseek-v3" } }, snapshot);
    expect(decision.outcome).toEqual({
      kind: "refused",
      refusal: {
        status: 403,
        code: "data_class_forbidden",
        type: "permission_error",
        message:
          "Data class confidential (declared by the caller) may go only to regions on-prem or us; provider deepseek is in cn; the pinned model deepseek-v3 is served from there.",
        constraint: "region",
        retryAfterSeconds: null,
      },
    });
  });

  it("allows nothing for a class the snapshot has no policy for", () => {
    const snapshot = fixtureSnapshot();
    snapshot.dataClasses = snapshot.dataClasses.filter((policy) => policy.key !== "confidential");
    const decision = run({ declaredDataClass: "confidential" }, snapshot);
    expect(decision.candidates).toEqual([]);
    expect(decision.rejected.every((rejection) => rejection.reason === "data_class")).toBe(true);
    expect(decision.outcome).toMatchObject({
      kind: "refused",
      refusal: { status: 403, code: "data_class_forbidden", constraint: "data_class", message: "No model can serve this request: data class confidential has no policy, so no tier is allowed." },
    });
  });
});

describe("caller pins", () => {
  it("404s an unknown model and an unknown tier, saying which", () => {
    expect(run({ pin: { kind: "model", alias: "gpt-9" } }).outcome).toEqual({
      kind: "refused",
      refusal: { status: 404, code: "model_not_found", type: "invalid_request_error", message: "The model 'gpt-9' does not exist.", constraint: "pin", retryAfterSeconds: null },
    });
    expect(run({ pin: { kind: "tier", tierKey: "edge" } }).outcome).toMatchObject({
      refusal: { status: 404, code: "model_not_found", message: "The tier 'edge' does not exist." },
    });
  });

  it("404 comes before 403: an unknown model is reported as unknown even for restricted data", () => {
    const decision = run({ findings: [fixtureFinding("secret", "restricted")], pin: { kind: "model", alias: "gpt-9" } });
    expect(decision.outcome.kind === "refused" && decision.outcome.refusal.status).toBe(404);
  });

  it("a tier pin keeps only that tier and sets difficulty aside", () => {
    const decision = run({ declaredDifficulty: "hard", pin: { kind: "tier", tierKey: "local" }, featureKey: "contract-review" });
    expect(decision.candidates.map((candidate) => candidate.alias)).toEqual(["llama-3.1-8b", "gemma-2-9b", "qwen-2.5-3b"]);
    expect(decision.rejected.map((rejection) => [rejection.alias, rejection.reason])).toEqual([
      ["gpt-4o", "data_class"],
      ["claude-sonnet", "data_class"],
      ["deepseek-v3", "pin"],
      ["llama-3.1-70b", "pin"],
    ]);
    expect(decision.minTier).toMatchObject({ tierKey: "local", source: "pin" });
    expect(decision.pin).toEqual({ source: "caller", kind: "tier", target: "local", ruleKey: null });
    expect(decision.escalation).toBe("none");
  });

  it("a model pin keeps only that model, overriding rules, and escalation says pin", () => {
    const decision = run({ pin: { kind: "model", alias: "claude-sonnet" }, promptText: "Write the SQL" });
    expect(decision.candidates.map((candidate) => candidate.alias)).toEqual(["claude-sonnet"]);
    expect(decision.rejected.every((rejection) => rejection.reason === "pin")).toBe(true);
    expect(decision.escalation).toBe("pin");
    expect(decision.trace).toContain('Rule "SQL questions to DeepSeek" pins model deepseek-v3, but the caller\'s pin takes precedence.');
  });

  it("a pinned model that cannot serve is refused with its own reason, not replaced", () => {
    const decision = run({ pin: { kind: "model", alias: "gemma-2-9b" }, estimatedPromptTokens: 9_000, declaredDataClass: "public" });
    expect(decision.candidates).toEqual([]);
    expect(decision.outcome).toMatchObject({
      refusal: {
        status: 400,
        code: "context_length_exceeded",
        constraint: "context_window",
        message:
          "No model can serve this request: the caller pinned model gemma-2-9b, and gemma-2-9b's 8,192-token window is smaller than the 9,512 tokens needed.",
      },
    });
  });
});
