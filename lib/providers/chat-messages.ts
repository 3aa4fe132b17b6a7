// OpenAI-shaped chat messages → the AI SDK's ModelMessage list. Order is kept exactly (system
// messages included, which AI SDK 7 only accepts with `allowSystemInMessages: true`).
import type { ModelMessage, ToolCallPart } from "ai";
import type { ChatContent, ChatMessage } from "./types";

/** The text of a message's content: a string as is, text parts joined. */
export function contentText(content: ChatContent | null): string {
  if (content === null) return "";
  if (typeof content === "string") return content;
  return content.map((part) => part.text).join("");
}

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Models sometimes emit invalid JSON arguments; pass them through rather than drop the call.
    return text;
  }
}

export function toModelMessages(messages: readonly ChatMessage[]): ModelMessage[] {
  // Tool results name their tool only by call id; OpenAI puts the name on the assistant's call.
  const toolNames = new Map<string, string>();
  const converted: ModelMessage[] = [];
  for (const message of messages) {
    switch (message.role) {
      case "system":
        converted.push({ role: "system", content: contentText(message.content) });
        break;
      case "user":
        converted.push({
          role: "user",
          content: typeof message.content === "string" ? message.content : message.content.map((part) => ({ type: "text", text: part.text })),
        });
        break;
      case "assistant": {
        const calls: ToolCallPart[] = (message.tool_calls ?? []).map((call) => {
          toolNames.set(call.id, call.function.name);
          return { type: "tool-call", toolCallId: call.id, toolName: call.function.name, input: parseArguments(call.function.arguments) };
        });
        const text = contentText(message.content);
        if (calls.length === 0) converted.push({ role: "assistant", content: text });
        else converted.push({ role: "assistant", content: [...(text ? [{ type: "text" as const, text }] : []), ...calls] });
        break;
      }
      case "tool":
        converted.push({
          role: "tool",
          content: [
            {
              type: "tool-result",
              toolCallId: message.tool_call_id,
              toolName: toolNames.get(message.tool_call_id) ?? "unknown",
              output: { type: "text", value: contentText(message.content) },
            },
          ],
        });
        break;
    }
  }
  return converted;
}
