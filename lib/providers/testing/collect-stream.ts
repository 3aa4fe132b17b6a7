// Drains a provider stream for assertions, keeping what arrived before an error.
import { collect } from "@/lib/canonical/collect";
import type { AssistantPart, ToolCallPart } from "@/lib/canonical/types";
import type { StreamPart } from "../types";

export interface CollectedStream {
  parts: StreamPart[];
  /** Concatenated text parts. */
  text: string;
  /** Tool calls assembled from their start and argument deltas. */
  toolCalls: ToolCallPart[];
  finish: Extract<StreamPart, { type: "finish" }> | undefined;
  /** What the stream threw, if anything. */
  error: unknown;
}

export async function collectStream(stream: AsyncIterable<StreamPart>): Promise<CollectedStream> {
  const parts: StreamPart[] = [];
  const answer: AssistantPart[] = [];
  let error: unknown;
  try {
    for await (const part of stream) {
      parts.push(part);
      collect(answer, part);
    }
  } catch (caught) {
    error = caught ?? new Error("stream threw a nullish value");
  }
  const text = parts.map((part) => (part.type === "text" ? part.text : "")).join("");
  const finish = parts.find((part): part is Extract<StreamPart, { type: "finish" }> => part.type === "finish");
  return { parts, text, toolCalls: answer.filter((part): part is ToolCallPart => part.type === "tool_call"), finish, error };
}
