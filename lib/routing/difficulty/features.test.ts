import { describe, expect, it } from "vitest";
import { DENSE_FEATURES, difficultyFeatures, type DifficultyInput } from "./features";

const input = (question: string, overrides: Partial<DifficultyInput> = {}): DifficultyInput => ({ question, totalChars: question.length, userTurns: 1, ...overrides });
const cues = (question: string) => difficultyFeatures(input(question)).cues;
const dense = (question: string, name: (typeof DENSE_FEATURES)[number], overrides: Partial<DifficultyInput> = {}) =>
  difficultyFeatures(input(question, overrides)).dense[DENSE_FEATURES.indexOf(name)];

describe("difficulty features: task type", () => {
  it("reads a multi-step arithmetic word problem, counting number words too", () => {
    const problem = "Janet has three boxes with 12 pencils each. She gives 5 pencils to each of 4 friends. She buys twice as many as she gave. How many pencils does she have now?";
    expect(cues(problem)).toEqual(expect.arrayContaining(["word_problem", "multi_step"]));
    expect(cues("Add 2 and 3.")).toEqual(["arithmetic"]);
    expect(cues("Add 2 and 3.")).not.toContain("multi_step");
  });

  it("reads a multiple-choice question and does not take its options for arithmetic", () => {
    const question = "Which organ filters blood?\nA. Heart\nB. Kidney\nC. Lung\nD. 2 of the above\nAnswer:";
    expect(cues(question)).toContain("multiple_choice");
    expect(cues(question)).not.toContain("arithmetic");
    expect(dense(question, "multiple_choice")).toBe(1);
    expect(dense(question, "log_option_chars")).toBeGreaterThan(0);
  });

  it.each([
    ["code", "function add(a, b) { return a + b; }\nWhy is this NaN?"],
    ["formal_reasoning", "Is the argument valid? Premise: all men are mortal."],
    ["mathematics", "Prove that the polynomial has an integer root."],
    ["technical_design", "Design a Byzantine-fault-tolerant consensus protocol."],
    ["open_writing", "Write a short poem about autumn."],
  ] as const)("reads %s", (cue, question) => {
    expect(cues(question)).toContain(cue);
  });

  it("reads nothing special in small talk, and long context from the whole request's size", () => {
    expect(cues("Hi! Thanks for your help yesterday.")).toEqual([]);
    expect(difficultyFeatures(input("Summarise the thread.", { totalChars: 100_000 })).cues).toEqual(["long_context"]);
  });
});

describe("difficulty features: structure, length and depth", () => {
  it("grows with length and conversation depth, bounded to [0, 1]", () => {
    expect(dense("short", "log_chars")).toBeLessThan(dense("long ".repeat(500), "log_chars")!);
    expect(dense("q", "log_user_turns")).toBe(0);
    expect(dense("q", "log_user_turns", { userTurns: 6 })).toBeGreaterThan(0);
    for (const value of difficultyFeatures(input("x ".repeat(100_000), { userTurns: 1_000, totalChars: 10_000_000 })).dense) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it("hashes words and bigrams into distinct buckets, the same for the same text", () => {
    const a = difficultyFeatures(input("the cat sat")).buckets;
    expect(a.length).toBe(new Set(a).size);
    expect(a.length).toBeGreaterThanOrEqual(4); // three words, their bigrams
    expect(difficultyFeatures(input("the cat sat")).buckets).toEqual(a);
    expect(difficultyFeatures(input("the dog sat")).buckets).not.toEqual(a);
  });

  it("tokenises only the head and tail of a long question, so its cost is bounded", () => {
    const head = "Question: how many apples are left? ".repeat(100); // longer than the head window
    const tail = `${" filler".repeat(300)} Answer briefly.`; // longer than the tail window
    const a = difficultyFeatures(input(`${head}${"alpha ".repeat(5_000)}${tail}`));
    const b = difficultyFeatures(input(`${head}${"omega ".repeat(5_000)}${tail}`));
    expect(new Set(b.buckets)).toEqual(new Set(a.buckets));
  });
});
