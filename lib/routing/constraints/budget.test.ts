import { describe, it, expect } from "vitest";
import { secondsUntilNextMonthUtc, startOfNextMonthUtc } from "./budget";
import { decide } from "../decide";
import { fixtureAnalysis, fixtureLive, fixtureSnapshot } from "../fixtures";
import type { Analysis, LiveState } from "../types";

const run = (overrides: Partial<Analysis>, live: Partial<LiveState> = {}) =>
  decide(fixtureAnalysis(overrides), fixtureSnapshot(), fixtureLive(live));
const aliases = (decision: ReturnType<typeof decide>) => decision.candidates.map((candidate) => candidate.alias);
const spend = (featureKey: string, usd: number): Partial<LiveState> => ({ monthToDateSpendUsdByFeature: { [featureKey]: usd } });

// FIXTURE_NOW is 2026-05-16T12:00Z; 2026-06-01T00:00Z is 15.5 days later.
const TO_JUNE = 15.5 * 24 * 60 * 60;

describe("month boundaries (UTC)", () => {
  it.each([
    ["2026-05-16T12:00:00.000Z", "2026-06-01T00:00:00.000Z", TO_JUNE],
    ["2026-12-31T23:59:59.000Z", "2027-01-01T00:00:00.000Z", 1],
    ["2026-02-28T00:00:00.000Z", "2026-03-01T00:00:00.000Z", 86_400],
    ["2026-06-30T23:59:59.999Z", "2026-07-01T00:00:00.000Z", 1],
  ])("from %s the month resets at %s", (now, next, seconds) => {
    expect(startOfNextMonthUtc(new Date(now)).toISOString()).toBe(next);
    expect(secondsUntilNextMonthUtc(new Date(now))).toBe(seconds);
  });
});

describe("feature budgets", () => {
  it("under budget: recorded, no effect", () => {
    const decision = run({ featureKey: "support-bot" }, spend("support-bot", 120.5));
    expect(decision.budget).toEqual({
      featureKey: "support-bot",
      monthlyBudgetUsd: 500,
      monthToDateSpendUsd: 120.5,
      action: "downgrade",
      exceeded: false,
      effect: "none",
      resetsAt: "2026-06-01T00:00:00.000Z",
    });
    expect(decision.trace).toContain("Feature Support bot has spent $120.50 of its $500.00 monthly budget.");
  });

  it("no budget, no feature or no spend entry: nothing to act on", () => {
    expect(run({ featureKey: "analytics-assistant" }, spend("analytics-assistant", 1e9)).budget).toBeNull();
    expect(run({}).budget).toBeNull();
    expect(run({ featureKey: "support-bot" }).budget).toMatchObject({ monthToDateSpendUsd: 0, exceeded: false });
  });

  it("block: 429 budget_exceeded with seconds to the next month, at exactly the budget too", () => {
    for (const usd of [100, 100.01, 5_000]) {
      const decision = run({ featureKey: "ticket-triage" }, spend("ticket-triage", usd));
      expect(decision.candidates).toEqual([]);
      expect(decision.outcome).toEqual({
        kind: "refused",
        refusal: {
          status: 429,
          code: "budget_exceeded",
          type: "insufficient_quota",
          message: `Feature Ticket triage has spent $${usd === 100 ? "100.00" : usd === 100.01 ? "100.01" : "5,000.00"} of its $100.00 monthly budget; its requests are refused until 1 June 2026 (UTC).`,
          constraint: "budget",
          retryAfterSeconds: TO_JUNE,
        },
      });
      expect(decision.budget).toMatchObject({ exceeded: true, effect: "blocked" });
      expect(decision.trace.at(-1)).toMatch(/^Refused \(429 budget_exceeded\): Feature Ticket triage has spent /);
    }
    expect(run({ featureKey: "ticket-triage" }, spend("ticket-triage", 99.99)).outcome).toEqual({ kind: "ok" });
  });

  it("block uses the live clock, not the machine's", () => {
    const decision = decide(
      fixtureAnalysis({ featureKey: "ticket-triage" }),
      fixtureSnapshot(),
      fixtureLive({ now: new Date("2026-12-31T23:00:00.000Z"), ...spend("ticket-triage", 200) }),
    );
    expect(decision.outcome.kind === "refused" && decision.outcome.refusal.retryAfterSeconds).toBe(3_600);
  });

  it("downgrade: lifts the difficulty minimum and keeps only the cheapest allowed tier", () => {
    const decision = run({ featureKey: "support-bot", declaredDifficulty: "hard" }, spend("support-bot", 500));
    expect(decision.outcome).toEqual({ kind: "ok" });
    expect(aliases(decision)).toEqual(["llama-3.1-8b", "gemma-2-9b"]);
    expect(decision.minTier).toEqual({ tierKey: "local", source: "budget", ruleKey: null, why: "the budget downgrade keeps only the local tier" });
    expect(decision.maxTier).toMatchObject({ tierKey: "local", source: "budget" });
    expect(decision.rejected.map((rejection) => [rejection.alias, rejection.reason])).toEqual([
      ["qwen-2.5-3b", "licence"],
      ["deepseek-v3", "budget"],
      ["llama-3.1-70b", "budget"],
      ["gpt-4o", "budget"],
      ["claude-sonnet", "budget"],
    ]);
    expect(decision.rejected.find((rejection) => rejection.alias === "gpt-4o")?.detail).toBe(
      "feature Support bot is over its monthly budget, so only the local tier is used.",
    );
    expect(decision.budget).toMatchObject({ exceeded: true, effect: "downgraded" });
  });

  it("downgrade: lifts rule minimums too", () => {
    const decision = run({ featureKey: "support-bot", promptText: "Review this contract" }, spend("support-bot", 600));
    expect(decision.matchedRuleKeys).toEqual(["legal-language"]);
    expect(aliases(decision)).toEqual(["llama-3.1-8b", "gemma-2-9b"]);
  });

  it("downgrade: the cheapest tier is the cheapest one with a model that fits the context", () => {
    // 20k tokens: the 8k local models are too small and qwen's licence forbids commercial use.
    const decision = run({ featureKey: "support-bot", estimatedPromptTokens: 20_000 }, spend("support-bot", 600));
    expect(aliases(decision)).toEqual(["deepseek-v3", "llama-3.1-70b"]);
    expect(decision.minTier).toMatchObject({ tierKey: "hosted-open", source: "budget" });
    expect(decision.rejected.map((rejection) => [rejection.alias, rejection.reason])).toEqual([
      ["qwen-2.5-3b", "licence"],
      ["llama-3.1-8b", "context_window"],
      ["gemma-2-9b", "context_window"],
      ["gpt-4o", "budget"],
      ["claude-sonnet", "budget"],
    ]);
    expect(decision.escalation).toBe("context");
  });

  it("downgrade: a non-commercial feature may stay on the licence-restricted long-window local model", () => {
    // contract-review: hard, confidential, non-commercial; qwen's 32k window fits 20k.
    const decision = run({ featureKey: "contract-review", estimatedPromptTokens: 20_000 }, spend("contract-review", 2_000));
    expect(aliases(decision)).toEqual(["qwen-2.5-3b"]);
  });

  it("downgrade: a rule pin dearer than the budget tier is ignored", () => {
    const decision = run({ featureKey: "support-bot", promptText: "some sql" }, spend("support-bot", 600));
    expect(decision.pin).toBeNull();
    expect(aliases(decision)).toEqual(["llama-3.1-8b", "gemma-2-9b"]);
    expect(decision.trace).toContain(
      'Rule "SQL questions to DeepSeek" pins model deepseek-v3 on the hosted-open tier, but the budget downgrade keeps only the local tier; the pin is ignored.',
    );
  });

  it("downgrade: a caller pin cannot buy its way past the budget — 429 budget_exceeded", () => {
    const decision = run({ featureKey: "support-bot", pin: { kind: "model", alias: "gpt-4o" } }, spend("support-bot", 600));
    expect(decision.candidates).toEqual([]);
    expect(decision.outcome).toEqual({
      kind: "refused",
      refusal: {
        status: 429,
        code: "budget_exceeded",
        type: "insufficient_quota",
        message:
          "No model can serve this request: the caller pinned model gpt-4o, and feature Support bot is over its monthly budget, so only the local tier is used.",
        constraint: "budget",
        retryAfterSeconds: TO_JUNE,
      },
    });
  });

  it("downgrade: a caller pin within the budget tier is served", () => {
    const decision = run({ featureKey: "support-bot", pin: { kind: "tier", tierKey: "local" } }, spend("support-bot", 600));
    expect(aliases(decision)).toEqual(["llama-3.1-8b", "gemma-2-9b"]);
  });
});
