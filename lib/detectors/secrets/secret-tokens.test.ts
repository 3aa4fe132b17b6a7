// The one-pass keyword search finds exactly what one indexOf loop per keyword finds.
import { describe, expect, it } from "vitest";
import { DetectionBudget } from "../budget";
import { SECRET_RULES } from "./secret-rules";
import { keywordPositions } from "./secret-tokens";

const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

function naive(text: string): Map<string, number[]> {
  const lower = asciiLower(text);
  const found = new Map<string, number[]>();
  for (const rule of SECRET_RULES) {
    for (const raw of rule.keywords) {
      const keyword = rule.anyCase ? raw.toLowerCase() : raw;
      const haystack = rule.anyCase ? lower : text;
      for (let at = haystack.indexOf(keyword); at !== -1; at = haystack.indexOf(keyword, at + 1)) {
        const positions = found.get(keyword) ?? [];
        if (!positions.includes(at)) positions.push(at);
        found.set(keyword, positions);
      }
    }
  }
  return found;
}

const sorted = (map: Map<string, number[]>) => Object.fromEntries([...map.entries()].map(([keyword, positions]) => [keyword, [...positions].sort((a, b) => a - b)]).sort(([a], [b]) => (a! < b! ? -1 : 1)));

const keywords = [...new Set(SECRET_RULES.flatMap((rule) => rule.keywords))];
// A deterministic generator, so a failure names its case.
function* cases(): Generator<string> {
  yield "";
  yield "no keyword in this sentence at all";
  yield keywords.join("");
  yield keywords.join(" ");
  yield keywords.map((keyword) => keyword.toUpperCase()).join("~");
  yield "AKIAKIAKIA ASIASIA sig=sig=sig= SharedAccessKey=AccountKey= _AUTHTOKEN_authToken";
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let n = 0; n < 200; n++) {
    let text = "";
    while (text.length < 400) {
      const keyword = keywords[next() % keywords.length]!;
      const cut = next() % (keyword.length + 1);
      // Whole keywords, halves of them glued to others, case flips and filler: overlaps galore.
      text += next() % 3 === 0 ? keyword.slice(0, cut) : next() % 5 === 0 ? keyword.toUpperCase() : keyword;
      if (next() % 4 === 0) text += " _-=.~"[next() % 6];
    }
    yield text;
  }
}

describe("keywordPositions", () => {
  it("finds every occurrence of every keyword, overlapping and shared ones included", () => {
    let compared = 0;
    for (const text of cases()) {
      expect(sorted(keywordPositions(text, asciiLower(text), new DetectionBudget())), text).toEqual(sorted(naive(text)));
      compared++;
    }
    expect(compared).toBe(206);
  });
});
