// Drains a provider stream for assertions, keeping what arrived before an error.
import type { StreamPart } from "../types";

export interface CollectedStream {
  parts: StreamPart[];
  /** Concatenated text parts. */
  text: string;
  finish: Extract<StreamPart, { type: "finish" }> | undefined;
  /** What the stream threw, if anything. */
  error: unknown;
}

export async function collectStream(stream: AsyncIterable<StreamPart>): Promise<CollectedStream> {
  const parts: StreamPart[] = [];
  let error: unknown;
  try {
    for await (const part of stream) parts.push(part);
  } catch (caught) {
    error = caught ?? new Error("stream threw a nullish value");
  }
  const text = parts.map((part) => (part.type === "text" ? part.text : "")).join("");
  const finish = parts.find((part): part is Extract<StreamPart, { type: "finish" }> => part.type === "finish");
  return { parts, text, finish, error };
}
