import { describe, it, expect } from "vitest";
import { tokensNeeded } from "./context";
import { decide } from "../decide";
import { fixtureAnalysis, fixtureLive, fixtureSnapshot } from "../fixtures";
import type { Analysis, PolicySnapshot } from "../types";

const run = (overrides: Partial<Analysis>, snapshot: PolicySnapshot = fixtureSnapshot()) =>
  decide(fixtureAnalysis({ featureKey: "support-bot", ...overrides }), snapshot, fixtureLive());
const reasonOf = (decision: ReturnType<typeof decide>, alias: string) => decision.rejected.find((r) => r.alias === alias)?.reason;

describe("context windows", () => {
  it("counts prompt plus requested output", () => {
    expect(tokensNeeded({ estimatedPromptTokens: 12_345, requestedOutputTokens: 1_024 })).toBe(13_369);
  });

  it.each<{ prompt: number; output: number; fits: boolean }>([
    { prompt: 7_168, output: 1_024, fits: true }, // exactly 8,192
    { prompt: 7_169, output: 1_024, fits: false },
    { prompt: 8_192, output: 0, fits: true },
    { prompt: 100, output: 8_100, fits: false },
  ])("$prompt + $output tokens on an 8,192 window: fits=$fits", ({ prompt, output, fits }) => {
    // The length rule only starts at 6,000 tokens of prompt; keep it out of the way here.
    const snapshot = fixtureSnapshot();
    snapshot.routingRules = snapshot.routingRules.filter((rule) => rule.key !== "long-prompt");
    const decision = run({ estimatedPromptTokens: prompt, requestedOutputTokens: output }, snapshot);
    expect(reasonOf(decision, "llama-3.1-8b")).toBe(fits ? undefined : "context_window");
    expect(decision.candidates[0]?.alias).toBe(fits ? "llama-3.1-8b" : "deepseek-v3");
  });

  it("words the rejection for an auditor", () => {
    const decision = run({ estimatedPromptTokens: 12_345, requestedOutputTokens: 1_024 });
    expect(decision.trace).toContain("llama-3.1-8b rejected: 12,345 prompt + 1,024 output tokens exceed its 8,192-token window.");
    expect(decision.trace).toContain("gemma-2-9b rejected: 12,345 prompt + 1,024 output tokens exceed its 8,192-token window.");
  });

  it("long work escalates off local for context and lands on the hosted open-weight tier", () => {
    const snapshot = fixtureSnapshot();
    snapshot.routingRules = snapshot.routingRules.filter((rule) => rule.key !== "long-prompt");
    const decision = run({ estimatedPromptTokens: 20_000 }, snapshot);
    expect(decision.candidates.map((candidate) => candidate.alias)).toEqual(["deepseek-v3", "llama-3.1-70b", "gpt-4o", "claude-sonnet"]);
    expect(decision.escalation).toBe("context");
  });

  it("very long work skips every window too small, across tiers", () => {
    const decision = run({ estimatedPromptTokens: 150_000, requestedOutputTokens: 4_000 });
    expect(decision.candidates.map((candidate) => candidate.alias)).toEqual(["claude-sonnet"]);
    expect(decision.rejected.filter((r) => r.reason === "context_window").map((r) => r.alias)).toEqual([
      "llama-3.1-8b",
      "gemma-2-9b",
      "deepseek-v3",
      "llama-3.1-70b",
      "gpt-4o",
    ]);
  });

  it("names context in the refusal when nothing is big enough (the engine's canonical sentence)", () => {
    const snapshot = fixtureSnapshot();
    snapshot.models = snapshot.models.filter((model) => model.alias !== "qwen-2.5-3b");
    const decision = decide(
      fixtureAnalysis({ featureKey: "hr-assistant", estimatedPromptTokens: 19_000, requestedOutputTokens: 1_000 }),
      snapshot,
      fixtureLive(),
    );
    expect(decision.outcome).toMatchObject({
      refusal: {
        status: 400,
        code: "context_length_exceeded",
        constraint: "context_window",
        message:
          "No model can serve this request: data class restricted allows only the local tier, and its models' 8,192-token windows are smaller than the 20,000 tokens needed.",
      },
    });
  });
});
