import { describe, expect, it } from "vitest";
import { estimateDifficulty, estimatorInput, taskWords } from "./estimate";
import { percentileOf } from "./model";

const one = (question: string) => estimateDifficulty({ question, totalChars: question.length, userTurns: 1 });
const WORD_PROBLEM =
  "A bakery sells 24 muffins an hour for 6 hours. Each muffin costs $3 and a third of them are sold at half price. The other 2 dozen sell at full price. How much money does the bakery make in total?";
const KNOWLEDGE = "Which of the following is the capital of France?\nA. Paris\nB. Rome\nC. Madrid\nD. Berlin\nAnswer:";

describe("estimateDifficulty", () => {
  it("scores in [0, 1], the same every time", () => {
    for (const question of [WORD_PROBLEM, KNOWLEDGE, "Hi!", "", "x".repeat(50_000)]) {
      const estimate = one(question);
      expect(estimate.score).toBeGreaterThanOrEqual(0);
      expect(estimate.score).toBeLessThanOrEqual(1);
      expect(one(question)).toEqual(estimate);
    }
  });

  it("uses the learned model for task types with labelled data and ranks a multi-step word problem above a recall question", () => {
    const problem = one(WORD_PROBLEM);
    const recall = one(KNOWLEDGE);
    expect(problem.basis).toBe("model");
    expect(recall.basis).toBe("model");
    expect(problem.task).toBe("multi-step arithmetic word problem");
    expect(problem.score).toBeGreaterThan(recall.score);
  });

  it("scores task types without labelled data by hand-built rules: small talk low, formal reasoning high", () => {
    const chat = one("Hi! Thanks for your help yesterday.");
    const logic = one("Is this argument valid? Premise one: all bloops are razzies. Conclusion: some razzies are bloops.");
    expect(chat).toMatchObject({ basis: "rules", task: "general request" });
    expect(logic).toMatchObject({ basis: "rules", task: "formal reasoning" });
    expect(logic.score).toBeGreaterThan(0.8);
    expect(chat.score).toBeLessThan(0.3);
  });

  it("a deeper conversation scores a rule-based request a little higher", () => {
    const question = "Write a reply to the customer.";
    const first = estimateDifficulty({ question, totalChars: 40, userTurns: 1 });
    const later = estimateDifficulty({ question, totalChars: 4_000, userTurns: 5 });
    expect(later.score).toBeGreaterThan(first.score);
    expect(later.task).toBe("open writing, turn 5 of a conversation");
  });
});

describe("estimatorInput", () => {
  it("takes the last user turn as the question and the whole prompt for size", () => {
    expect(estimatorInput({ promptText: "system\nold question\nnew question", conversation: { userTurns: 2, lastUserText: "new question" } })).toEqual({
      question: "new question",
      totalChars: 32,
      userTurns: 2,
    });
    expect(estimatorInput({ promptText: "only text" })).toEqual({ question: "only text", totalChars: 9, userTurns: 1 });
  });
});

describe("taskWords", () => {
  it("names the most specific task first", () => {
    expect(taskWords(["word_problem", "multi_step"], 1)).toBe("multi-step arithmetic word problem");
    expect(taskWords(["code", "formal_reasoning"], 1)).toBe("formal reasoning, code");
    expect(taskWords([], 3)).toBe("general request, turn 3 of a conversation");
  });
});

describe("percentileOf", () => {
  const table = Array.from({ length: 101 }, (_, i) => i / 10); // logits 0 … 10
  it("maps a logit to its place among the training prompts, clamped to [0, 1]", () => {
    expect(percentileOf(table, -5)).toBe(0);
    expect(percentileOf(table, 50)).toBe(1);
    expect(percentileOf(table, 5)).toBeCloseTo(0.5, 6);
    expect(percentileOf(table, 2.55)).toBeCloseTo(0.255, 6);
  });
  it("is non-decreasing", () => {
    let previous = -1;
    for (let z = -1; z <= 11; z += 0.37) {
      const p = percentileOf(table, z);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  });
});
