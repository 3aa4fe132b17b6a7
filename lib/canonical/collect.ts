// Streamed parts folded back into answer content: what the ledger counts when a stream's usage
// is missing, and what a Responses or Messages adapter needs to describe the finished answer.
import type { AssistantPart, StreamPart } from "./types";

/** Accumulates streamed parts into answer content, for counting tokens when usage is missing. */
export function collect(answer: AssistantPart[], part: StreamPart): void {
  const last = answer[answer.length - 1];
  switch (part.type) {
    case "text":
      if (last?.type === "text") last.text += part.text;
      else answer.push({ type: "text", text: part.text });
      break;
    case "reasoning":
      if (last?.type === "reasoning") last.text += part.text;
      else answer.push({ type: "reasoning", text: part.text });
      if (part.signature) (answer[answer.length - 1] as { signature?: string }).signature = part.signature;
      break;
    case "tool_call_start":
      answer.push({ type: "tool_call", id: part.id, name: part.name, arguments: "" });
      break;
    case "tool_call_delta": {
      const calls = answer.filter((entry) => entry.type === "tool_call");
      const call = calls[part.index];
      if (call) call.arguments += part.arguments;
      break;
    }
    case "finish":
      break;
  }
}
