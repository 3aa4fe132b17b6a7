// The canonical request → an AI SDK LanguageModelV4 call (prompt, tools, tool choice, response
// format, reasoning). Used for upstreams whose wire Switchyard translates through the AI SDK's
// provider packages (Anthropic). Order is kept exactly; images go by URL or as base64 data, never
// downloaded by Switchyard.
import type { LanguageModelV4CallOptions, LanguageModelV4Message, LanguageModelV4Prompt } from "@ai-sdk/provider";
import type { CacheMark, CanonicalMessage, CanonicalRequest, UserPart } from "@/lib/canonical/types";

/** A prompt-caching breakpoint as the AI SDK's Anthropic provider reads it (others ignore it). */
function cacheOptions(cache: CacheMark | undefined) {
  return cache ? { providerOptions: { anthropic: { cacheControl: cache } } } : {};
}

type UserContent = Extract<LanguageModelV4Message, { role: "user" }>["content"];

function userContent(parts: readonly UserPart[]): UserContent {
  return parts.map((part) => {
    if (part.type === "text") return { type: "text", text: part.text, ...cacheOptions(part.cache) };
    const inline = /^data:([^;,]+);base64,(.*)$/s.exec(part.url);
    return inline
      ? { type: "file", mediaType: inline[1] ?? "image", data: { type: "data", data: inline[2] ?? "" }, ...cacheOptions(part.cache) }
      : { type: "file", mediaType: "image", data: { type: "url", url: new URL(part.url) }, ...cacheOptions(part.cache) };
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
        // Cache breakpoints sit on system blocks: keep the blocks apart when any carries one.
        if (message.content.some((part) => part.cache)) {
          for (const part of message.content) prompt.push({ role: "system", content: part.text, ...cacheOptions(part.cache) });
        } else prompt.push({ role: "system", content: message.content.map((part) => part.text).join("") });
        break;
      case "user":
        prompt.push({ role: "user", content: userContent(message.content) });
        break;
      case "assistant":
        prompt.push({
          role: "assistant",
          content: message.content.map((part) => {
            if (part.type === "text") return { type: "text", text: part.text, ...cacheOptions(part.cache) };
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
          ...cacheOptions(message.cache),
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

/** Anthropic-only settings: parallel tool use, an explicit thinking budget. */
function anthropicOptions(request: CanonicalRequest) {
  const p = request.parameters;
  const anthropic = {
    ...(p.parallelToolCalls === false ? { disableParallelToolUse: true } : {}),
    ...(p.reasoningBudgetTokens !== undefined ? { thinking: { type: "enabled" as const, budgetTokens: p.reasoningBudgetTokens } } : {}),
  };
  return Object.keys(anthropic).length > 0 ? { providerOptions: { anthropic } } : {};
}

/** The caller's anthropic-version / anthropic-beta (the SDK merges betas with the ones it needs). */
function anthropicHeaders(request: CanonicalRequest) {
  const headers = {
    ...(request.anthropicHeaders?.version ? { "anthropic-version": request.anthropicHeaders.version } : {}),
    ...(request.anthropicHeaders?.beta ? { "anthropic-beta": request.anthropicHeaders.beta } : {}),
  };
  return Object.keys(headers).length > 0 ? { headers } : {};
}

export function toCallOptions(request: CanonicalRequest): LanguageModelV4CallOptions {
  const p = request.parameters;
  const format = request.outputFormat;
  const choice = request.toolChoice;
  return {
    ...anthropicHeaders(request),
    prompt: toModelPrompt(request.messages),
    ...(p.maxOutputTokens !== undefined ? { maxOutputTokens: p.maxOutputTokens } : {}),
    ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
    ...(p.topP !== undefined ? { topP: p.topP } : {}),
    ...(p.topK !== undefined ? { topK: p.topK } : {}),
    ...(p.stop !== undefined ? { stopSequences: p.stop } : {}),
    ...(p.seed !== undefined ? { seed: p.seed } : {}),
    ...(p.presencePenalty !== undefined ? { presencePenalty: p.presencePenalty } : {}),
    ...(p.frequencyPenalty !== undefined ? { frequencyPenalty: p.frequencyPenalty } : {}),
    // An explicit budget (providerOptions below) says more than an effort level.
    ...(p.reasoningEffort !== undefined && p.reasoningBudgetTokens === undefined ? { reasoning: p.reasoningEffort } : {}),
    ...(request.tools.length > 0
      ? {
          tools: request.tools.map((tool) => ({
            type: "function" as const,
            name: tool.name,
            ...(tool.description !== undefined ? { description: tool.description } : {}),
            inputSchema: tool.parameters,
            ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
            ...cacheOptions(tool.cache),
          })),
        }
      : {}),
    ...(choice ? { toolChoice: choice.type === "tool" ? { type: "tool" as const, toolName: choice.name } : { type: choice.type } } : {}),
    ...(format.type === "json_object" ? { responseFormat: { type: "json" as const } } : {}),
    ...(format.type === "json_schema"
      ? { responseFormat: { type: "json" as const, schema: format.schema, name: format.name, ...(format.description !== undefined ? { description: format.description } : {}) } }
      : {}),
    ...anthropicOptions(request),
  };
}
