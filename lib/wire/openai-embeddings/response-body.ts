// OpenAI's embeddings answer: `{ object: "list", data: [{ object: "embedding", index, embedding }],
// model, usage }`. base64 is the vector's float32 little-endian bytes, as OpenAI encodes it (the
// openai SDK asks for base64 by default and decodes it itself).
export function base64Vector(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString("base64");
}

export function embeddingsBody(args: { model: string; vectors: readonly number[][]; inputTokens: number; encoding: "float" | "base64" }) {
  return {
    object: "list" as const,
    data: args.vectors.map((vector, index) => ({ object: "embedding" as const, index, embedding: args.encoding === "base64" ? base64Vector(vector) : vector })),
    model: args.model,
    usage: { prompt_tokens: args.inputTokens, total_tokens: args.inputTokens },
  };
}
