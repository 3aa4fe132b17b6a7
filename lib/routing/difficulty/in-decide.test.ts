// The difficulty estimator inside decide(): it raises difficulty to hard where a feature's dial
// says so, and only within the bounds the data class, rules, pins, budget and licences set.
import { describe, expect, it } from "vitest";
import { decide } from "../decide";
import { estimateDifficulty, estimatorInput } from "./estimate";
import { fixtureAnalysis, fixtureFinding, fixtureLive, fixtureSnapshot } from "../fixtures";
import type { Analysis, LiveState, PolicySnapshot } from "../types";

const HARD_PROMPT =
  "A bakery sells 24 muffins an hour for 6 hours. Each muffin costs $3 and a third of them are sold at half price. The other 2 dozen sell at full price. How much money does the bakery make in total?";
const EASY_PROMPT = "Hi! Thanks for your help yesterday.";
const scoreOf = (promptText: string) => estimateDifficulty(estimatorInput({ promptText })).score;

/** The fixture snapshot with `featureKey`'s dial set so that HARD_PROMPT just reaches the threshold. */
function withDial(featureKey: string, threshold = scoreOf(HARD_PROMPT)): PolicySnapshot {
  const snapshot = fixtureSnapshot();
  const feature = snapshot.features.find((candidate) => candidate.key === featureKey)!;
  feature.difficultyEstimator = { frontierShare: 0.3, threshold };
  return snapshot;
}

const run = (overrides: Partial<Analysis>, snapshot = fixtureSnapshot(), live: LiveState = fixtureLive()) =>
  decide(fixtureAnalysis(overrides), snapshot, live);
const tiers = (decision: ReturnType<typeof decide>) => [...new Set(decision.candidates.map((candidate) => candidate.tierKey))];

describe("difficulty estimator in decide()", () => {
  it("sanity: the hard prompt scores above the easy one", () => {
    expect(scoreOf(HARD_PROMPT)).toBeGreaterThan(scoreOf(EASY_PROMPT));
  });

  it("off (no dial): the feature default decides, the score is still recorded, the trace does not mention it", () => {
    const decision = run({ featureKey: "support-bot", promptText: HARD_PROMPT });
    expect(decision.difficulty).toEqual({ level: "routine", source: "feature" });
    expect(decision.difficultyEstimate).toEqual({ score: scoreOf(HARD_PROMPT), task: "multi-step arithmetic word problem", basis: "model", threshold: null, raised: false });
    expect(decision.trace.join("\n")).not.toMatch(/estimator/i);
    expect(decision.candidates[0]?.tierKey).toBe("local");
  });

  it("on, at or above the threshold: hard, the frontier minimum, and the reason in the trace", () => {
    const decision = run({ featureKey: "support-bot", promptText: HARD_PROMPT }, withDial("support-bot"));
    const score = scoreOf(HARD_PROMPT).toFixed(2);
    expect(decision.difficulty).toEqual({ level: "hard", source: "estimator" });
    expect(decision.difficultyEstimate).toMatchObject({ raised: true });
    expect(decision.minTier).toMatchObject({ tierKey: "frontier", source: "difficulty" });
    expect(tiers(decision)).toEqual(["frontier"]);
    expect(decision.escalation).toBe("difficulty");
    expect(decision.trace).toContain(
      `Difficulty hard (difficulty estimator: multi-step arithmetic word problem, score ${score} → hard, at or above feature Support bot's threshold ${score}) needs the frontier tier or above.`,
    );
  });

  it("on, below the threshold: the default stays, and the trace says why", () => {
    const decision = run({ featureKey: "support-bot", promptText: EASY_PROMPT }, withDial("support-bot"));
    expect(decision.difficulty).toEqual({ level: "routine", source: "feature" });
    expect(decision.candidates[0]?.tierKey).toBe("local");
    expect(decision.trace.some((line) => line.startsWith("Difficulty estimator: general request (hand-built rules), score") && line.includes("below feature Support bot's threshold"))).toBe(true);
  });

  it("caller hints still raise: the maximum of hint and estimate", () => {
    const hinted = run({ featureKey: "support-bot", promptText: EASY_PROMPT, declaredDifficulty: "hard" }, withDial("support-bot"));
    expect(hinted.difficulty).toEqual({ level: "hard", source: "caller" });
    const lowHint = run({ featureKey: "support-bot", promptText: HARD_PROMPT, declaredDifficulty: "routine" }, withDial("support-bot"));
    expect(lowHint.difficulty).toEqual({ level: "hard", source: "estimator" });
  });

  it("a rule's minimum still raises above the estimate", () => {
    const decision = run({ featureKey: "support-bot", promptText: "Hi! Please check the indemnity clause." }, withDial("support-bot", 0.99));
    expect(decision.difficulty.level).toBe("routine");
    expect(decision.minTier).toMatchObject({ tierKey: "frontier", source: "rule", ruleKey: "legal-language" });
  });

  it("the data class bounds it: a restricted request stays local however hard", () => {
    const decision = run({ featureKey: "support-bot", promptText: HARD_PROMPT, findings: [fixtureFinding("payment_card", "restricted")] }, withDial("support-bot"));
    expect(decision.difficulty.level).toBe("hard");
    expect(tiers(decision)).toEqual(["local"]);
    expect(decision.minTier).toMatchObject({ tierKey: "local" });
  });

  it("a rule's cap bounds it: ticket triage never reaches frontier", () => {
    const decision = run({ featureKey: "ticket-triage", promptText: HARD_PROMPT }, withDial("ticket-triage"));
    expect(decision.difficulty.level).toBe("hard");
    expect(tiers(decision)).toEqual(["hosted-open"]);
  });

  it("the budget bounds it: a downgrade lifts the minimum, a block refuses", () => {
    const over = fixtureLive({ monthToDateSpendUsdByFeature: { "support-bot": 600, "ticket-triage": 150 } });
    const downgraded = run({ featureKey: "support-bot", promptText: HARD_PROMPT }, withDial("support-bot"), over);
    expect(downgraded.difficulty.level).toBe("hard");
    expect(downgraded.budget?.effect).toBe("downgraded");
    expect(tiers(downgraded)).toEqual(["local"]);
    const blocked = run({ featureKey: "ticket-triage", promptText: HARD_PROMPT }, withDial("ticket-triage"), over);
    expect(blocked.outcome).toMatchObject({ kind: "refused", refusal: { status: 429, code: "budget_exceeded" } });
  });

  it("licences still apply: a model its licence excludes stays out", () => {
    const decision = run({ featureKey: "support-bot", promptText: HARD_PROMPT }, withDial("support-bot"));
    expect(decision.rejected.find((rejection) => rejection.alias === "qwen-2.5-3b")?.reason).toBe("licence");
  });

  it("a caller's pin wins over the estimate", () => {
    const decision = run({ featureKey: "support-bot", promptText: HARD_PROMPT, pin: { kind: "tier", tierKey: "local" } }, withDial("support-bot"));
    expect(tiers(decision)).toEqual(["local"]);
  });

  it("embeddings are never scored", () => {
    const snapshot = withDial("support-bot");
    snapshot.models.push({ ...snapshot.models[0]!, alias: "embed-local", kind: "embedding", embeddingDimensions: 768 });
    const decision = run({ featureKey: "support-bot", promptText: HARD_PROMPT, modelKind: "embedding" }, snapshot);
    expect(decision.difficultyEstimate).toBeUndefined();
    expect(decision.difficulty).toEqual({ level: "routine", source: "feature" });
  });
});
