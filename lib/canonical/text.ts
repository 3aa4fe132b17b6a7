// Reading text out of canonical parts.
import type { AssistantPart, TextPart, ToolCallPart, UserPart } from "./types";

/** The text parts' text, concatenated as a model reads them. */
export function textOf(parts: readonly (UserPart | AssistantPart | TextPart)[]): string {
  let text = "";
  for (const part of parts) if (part.type === "text") text += part.text;
  return text;
}

export function toolCallsOf(parts: readonly AssistantPart[]): ToolCallPart[] {
  return parts.filter((part): part is ToolCallPart => part.type === "tool_call");
}

/** The text of the last user message: what the simulator and the playground answer. */
export function lastUserText(messages: readonly { role: string; content: readonly (UserPart | AssistantPart)[] }[]): string {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    if (message?.role === "user") return textOf(message.content);
  }
  return "";
}
