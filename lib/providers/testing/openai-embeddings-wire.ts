// OpenAI's `POST /v1/embeddings` as the fake OpenAI-compatible server answers it: one vector per
// input, float arrays or base64 (float32 little-endian) as asked, usage as prompt_tokens.
import type { ServerResponse } from "node:http";
import type { FakeReply } from "./fake-reply";

export const EMBEDDINGS_PATH = "/v1/embeddings";

/** The fake's vector for input `index`: `dimensions` values (default 4), distinct per input. */
export function fakeVector(index: number, dimensions = 4): number[] {
  return Array.from({ length: dimensions }, (_value, position) => (index + 1) / 10 + position / 100);
}

export function writeEmbeddings(res: ServerResponse, body: Record<string, unknown>, reply: FakeReply): void {
  const inputs = typeof body.input === "string" ? [body.input] : Array.isArray(body.input) ? body.input : [];
  const dimensions = typeof body.dimensions === "number" ? body.dimensions : undefined;
  const base64 = body.encoding_format === "base64";
  const data = inputs.map((_input, index) => {
    const vector = reply.vectors?.[index] ?? fakeVector(index, dimensions);
    if (!base64) return { object: "embedding", index, embedding: vector };
    const bytes = Buffer.alloc(vector.length * 4);
    vector.forEach((value, at) => bytes.writeFloatLE(value, at * 4));
    return { object: "embedding", index, embedding: bytes.toString("base64") };
  });
  const words = inputs.map((input) => String(input).split(/\s+/).filter(Boolean).length).reduce((sum, count) => sum + count, 0);
  const tokens = reply.usage === null ? undefined : (reply.usage?.inputTokens ?? words);
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ object: "list", data, model: body.model, ...(tokens !== undefined ? { usage: { prompt_tokens: tokens, total_tokens: tokens } } : {}) }));
}
