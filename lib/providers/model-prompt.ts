// The canonical request → an AI SDK LanguageModelV4 call (prompt, tools, tool choice, response
// format, reasoning). Used for upstreams whose wire Switchyard translates through the AI SDK's
// provider packages (Anthropic). Order is kept exactly; images go by URL or as base64 data, never
// downloaded by Switchyard.
import type { LanguageModelV4CallOptions, LanguageModelV4Message, LanguageModelV4Prompt } from "@ai-sdk/provider";
import type { CanonicalMessage, CanonicalRequest, UserPart } from "@/lib/canonical/types";

type UserContent = Extract<LanguageModelV4Message, { role: "user" }>["content"];

function userContent(parts: readonly UserPart[]): UserContent {
  return parts.map((part) => {
    if (part.type === "text") return { type: "text", text: part.text };
    const inline = /^data:([^;,]+);base64,(.*)$/s.exec(part.url);
    return inline
      ? { type: "file", mediaType: inline[1] ?? "image", data: { type: "data", data: inline[2] ?? "" } }
      : { type: "file", mediaType: "image", data: { type: "url", url: new URL(part.url) } };
  });
}

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Models sometimes emit invalid JSON arguments; pass them through rather than drop the call.
    return text;
  }
}

export function toModelPrompt(messages: readonly CanonicalMessage[]): LanguageModelV4Prompt {
  // Tool results name their tool only by call id; the name sits on the assistant's call.
  const toolNames = new Map<string, string>();
  const prompt: LanguageModelV4Prompt = [];
  for (const message of messages) {
    switch (message.role) {
      case "system":
        prompt.push({ role: "system", content: message.content.map((part) => part.text).join("") });
        break;
      case "user":
        prompt.push({ role: "user", content: userContent(message.content) });
        break;
      case "assistant":
        prompt.push({
          role: "assistant",
          content: message.content.map((part) => {
            if (part.type === "text") return { type: "text", text: part.text };
            if (part.type === "reasoning") {
              return { type: "reasoning", text: part.text, ...(part.signature ? { providerOptions: { anthropic: { signature: part.signature } } } : {}) };
            }
            toolNames.set(part.id, part.name);
            return { type: "tool-call", toolCallId: part.id, toolName: part.name, input: parseArguments(part.arguments) };
          }),
        });
        break;
      case "tool": {
        const text = message.content.map((part) => (part.type === "text" ? part.text : "[image]")).join("\n");
        const result = {
          type: "tool-result" as const,
          toolCallId: message.toolCallId,
          toolName: toolNames.get(message.toolCallId) ?? "unknown",
          output: message.isError ? { type: "error-text" as const, value: text } : { type: "text" as const, value: text },
        };
        // Consecutive results answer one assistant turn: one tool message, as the SDK expects.
        const previous = prompt[prompt.length - 1];
        if (previous?.role === "tool") previous.content.push(result);
        else prompt.push({ role: "tool", content: [result] });
        break;
      }
    }
  }
  return prompt;
}

export function toCallOptions(request: CanonicalRequest): LanguageModelV4CallOptions {
  const p = request.parameters;
  const format = request.outputFormat;
  const choice = request.toolChoice;
  return {
    prompt: toModelPrompt(request.messages),
    ...(p.maxOutputTokens !== undefined ? { maxOutputTokens: p.maxOutputTokens } : {}),
    ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
    ...(p.topP !== undefined ? { topP: p.topP } : {}),
    ...(p.stop !== undefined ? { stopSequences: p.stop } : {}),
    ...(p.seed !== undefined ? { seed: p.seed } : {}),
    ...(p.presencePenalty !== undefined ? { presencePenalty: p.presencePenalty } : {}),
    ...(p.frequencyPenalty !== undefined ? { frequencyPenalty: p.frequencyPenalty } : {}),
    ...(p.reasoningEffort !== undefined ? { reasoning: p.reasoningEffort } : {}),
    ...(request.tools.length > 0
      ? {
          tools: request.tools.map((tool) => ({
            type: "function" as const,
            name: tool.name,
            ...(tool.description !== undefined ? { description: tool.description } : {}),
            inputSchema: tool.parameters,
            ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
          })),
        }
      : {}),
    ...(choice ? { toolChoice: choice.type === "tool" ? { type: "tool" as const, toolName: choice.name } : { type: choice.type } } : {}),
    ...(format.type === "json_object" ? { responseFormat: { type: "json" as const } } : {}),
    ...(format.type === "json_schema"
      ? { responseFormat: { type: "json" as const, schema: format.schema, name: format.name, ...(format.description !== undefined ? { description: format.description } : {}) } }
      : {}),
    ...(p.parallelToolCalls === false ? { providerOptions: { anthropic: { disableParallelToolUse: true } } } : {}),
  };
}
