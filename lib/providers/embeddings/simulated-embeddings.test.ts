import { describe, expect, it } from "vitest";
import { simulatedVector } from "./simulated-embeddings";

describe("simulated embeddings", () => {
  it("are unit vectors, the same for the same text and model, different otherwise", () => {
    const vector = simulatedVector("nomic-embed-text", "hello", 16);
    expect(vector).toHaveLength(16);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
    expect(simulatedVector("nomic-embed-text", "hello", 16)).toEqual(vector);
    expect(simulatedVector("nomic-embed-text", "hello!", 16)).not.toEqual(vector);
    expect(simulatedVector("other", "hello", 16)).not.toEqual(vector);
  });
});
