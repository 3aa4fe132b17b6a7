import { describe, expect, it } from "vitest";
import { SHAPE_FEATURES, questionShape } from "./question-shape";

/** Splits a benchmark-style question at its first option line, as features.ts does. */
function shapeOf(question: string): Record<(typeof SHAPE_FEATURES)[number], number> {
  const at = question.search(/(^|\n)\s*A[.)]\s/);
  const stem = at < 0 ? question : question.slice(0, at);
  const options = at < 0 ? "" : question.slice(at);
  const values = questionShape(stem, options, question, question.toLowerCase());
  return Object.fromEntries(SHAPE_FEATURES.map((name, i) => [name, values[i]!])) as Record<(typeof SHAPE_FEATURES)[number], number>;
}

const PAIRED =
  "Statement 1 | Every field is a ring. Statement 2 | Every ring is a field.\nA. True, True\nB. False, False\nC. True, False\nD. False, True\nAnswer:";
const RECALL = "Which of the following organs filters blood?\nA. The heart\nB. A kidney\nC. Both lungs\nD. Skin\nAnswer:";

describe("question shape", () => {
  it("has one value per name, each in [0, 1]", () => {
    for (const question of [PAIRED, RECALL, "Hi!", "", "x".repeat(5_000), "A. B.\nB. ?\n|||"]) {
      const values = Object.values(shapeOf(question));
      expect(values).toHaveLength(SHAPE_FEATURES.length);
      for (const value of values) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });

  it("sees options that pair the same judgements (Statement 1 | … True, False)", () => {
    const paired = shapeOf(PAIRED);
    expect(paired.option_overlap).toBe(0); // no word in all four: "true, true" vs "false, false"
    expect(paired.option_repetition).toBeCloseTo(1 - 2 / 6, 12); // 2 distinct words over 6 (per option, distinct)
    expect(paired.judgement_options).toBe(1);
    expect(paired.pipe).toBe(1);
    const recall = shapeOf(RECALL);
    expect(recall.option_repetition).toBe(0);
    expect(recall.judgement_options).toBe(0);
    expect(recall.pipe).toBe(0);
  });

  it("measures how much the options share, and their lengths", () => {
    const shared = shapeOf("Pick one.\nA. red apple\nB. green apple\nC. blue apple\nD. apple\nAnswer:");
    expect(shared.option_overlap).toBeCloseTo(1 / 4, 12); // "apple" of red, green, blue, apple
    expect(shared.log_longest_option).toBeCloseTo(Math.log1p("green apple".length) / 6, 12);
    expect(shared.option_length_spread).toBeGreaterThan(0);
    const even = shapeOf("Pick one.\nA. abc\nB. def\nC. ghi\nD. jkl\nAnswer:");
    expect(even.option_length_spread).toBe(0);
  });

  it("reads what the stem asks for", () => {
    const recall = shapeOf(RECALL);
    expect(recall.which_of_the_following).toBe(1);
    expect(recall.stem_is_question).toBe(1);
    expect(shapeOf("The capital of France is ____.\nA. Paris\nB. Rome\nC. Oslo\nD. Bern").blank_to_fill).toBe(1);
    expect(shapeOf("What is the most likely cause?\nA. x\nB. y").asks_best).toBe(1);
    expect(shapeOf("Calculate the pH of the solution.\nA. 1\nB. 2").asks_computation).toBe(1);
    expect(shapeOf("Which is it?\nA. all of the above\nB. none").all_or_none_option).toBe(1);
    expect(shapeOf("I took my neighbour's paper.\nA. Wrong\nB. Not wrong").first_person).toBe(1);
  });

  it("tells numeric options from worded ones", () => {
    expect(shapeOf("Find x.\nA. 4\nB. 2.5\nC. $12\nD. 3/4\nAnswer:").numeric_options).toBe(1);
    expect(shapeOf(RECALL).numeric_options).toBe(0);
    expect(shapeOf("No options here, 4 and 5.").numeric_options).toBe(0);
  });

  it("counts years and reads the stem's words: capitalised, long, mean length", () => {
    expect(shapeOf("In 1914 and again in 1939 and 2001 …").years).toBe(1);
    expect(shapeOf("In 1914 war began.").years).toBeCloseTo(1 / 3, 12);
    const words = shapeOf("Photosynthesis converts Light");
    expect(words.capitalised_words).toBeCloseTo(2 / 3, 12);
    expect(words.long_words).toBeCloseTo(1 / 3, 12); // "photosynthesis"
    expect(words.mean_word_length).toBeCloseTo((14 + 8 + 5) / 3 / 10, 12);
    expect(shapeOf("").mean_word_length).toBe(0);
  });
});
