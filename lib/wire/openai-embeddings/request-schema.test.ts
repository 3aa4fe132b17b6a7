import { describe, expect, it } from "vitest";
import { embeddingsBodySchema, inputsOf } from "./request-schema";
import { base64Vector } from "./response-body";

describe("the embeddings body", () => {
  it("reads a string or a list of strings, in order", () => {
    expect(inputsOf(embeddingsBodySchema.parse({ model: "auto", input: "one" }))).toEqual(["one"]);
    expect(inputsOf(embeddingsBodySchema.parse({ model: "auto", input: ["a", "b"], dimensions: 8, encoding_format: "base64" }))).toEqual(["a", "b"]);
  });

  it.each([[[1, 2, 3]], [[[1, 2], [3]]], [["text", [1]]]])("refuses token ids %j, saying to send text", (input) => {
    const result = embeddingsBodySchema.safeParse({ model: "auto", input });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("send the text");
  });

  it("encodes base64 as OpenAI does: float32 little-endian", () => {
    const bytes = Buffer.from(base64Vector([1, -0.5]), "base64");
    expect([bytes.readFloatLE(0), bytes.readFloatLE(4)]).toEqual([1, -0.5]);
  });
});
