import { describe, expect, it } from "vitest";
import { sliceWellFormed, wellFormed } from "./well-formed";

describe("wellFormed (found by fuzzing: a lone surrogate in a record failed its batch in PostgreSQL)", () => {
  it("replaces unpaired high and low surrogates, keeps pairs", () => {
    expect(wellFormed("a\ud800b")).toBe("a\ufffdb");
    expect(wellFormed("\udfffa")).toBe("\ufffda");
    expect(wellFormed("end\ud83d")).toBe("end\ufffd");
    expect(wellFormed("😀 ok")).toBe("😀 ok");
    expect(wellFormed("\ude00\ud83d")).toBe("\ufffd\ufffd");
  });

  it("slices without ending in half a pair", () => {
    const text = `a${"😀".repeat(150)}`;
    const cut = sliceWellFormed(text, 200);
    expect(cut).toBe(`a${"😀".repeat(99)}`);
    expect(wellFormed(cut)).toBe(cut);
    expect(sliceWellFormed("plain", 3)).toBe("pla");
    expect(sliceWellFormed("😀", 1)).toBe("");
  });
});
