// A parsed Messages body → the canonical request. Anthropic puts tool results inside the user
// turn; the canonical request gives each its own tool message (in order, before the turn's other
// blocks), so detectors, token counts and OpenAI-wire upstreams see them as tool results.
// Thinking blocks sent back are reasoning parts (scanned like any text); `cache_control` marks
// ride along for Anthropic upstreams.
import type { AssistantPart, CacheMark, CanonicalMessage, CanonicalParameters, CanonicalRequest, OutputFormat, ReasoningEffort, TextPart, ToolChoice, UserPart } from "@/lib/canonical/types";
import type { AnthropicMessage, CountTokensBody, MessagesBody } from "./request-schema";

type Block = Exclude<AnthropicMessage["content"], string>[number];
type CacheInput = { type: "ephemeral"; ttl?: "5m" | "1h" | undefined } | null | undefined;

function cache(mark: CacheInput): { cache?: CacheMark } {
  return mark ? { cache: { type: "ephemeral", ...(mark.ttl ? { ttl: mark.ttl } : {}) } } : {};
}

function textPart(text: string, mark?: CacheInput): TextPart {
  return { type: "text", text, ...cache(mark) };
}

function userPart(block: Extract<Block, { type: "text" | "image" }>): UserPart {
  if (block.type === "text") return textPart(block.text, block.cache_control);
  const url = block.source.type === "base64" ? `data:${block.source.media_type};base64,${block.source.data}` : block.source.url;
  return { type: "image", url, ...cache(block.cache_control) };
}

/** tool_use input is a JSON value; canonical tool calls carry the JSON text the model wrote. */
function argumentsOf(input: unknown): string {
  return JSON.stringify(input ?? {});
}

function userMessages(content: AnthropicMessage["content"]): CanonicalMessage[] {
  if (typeof content === "string") return [{ role: "user", content: [textPart(content)] }];
  const messages: CanonicalMessage[] = [];
  const rest: UserPart[] = [];
  for (const block of content as Block[]) {
    if (block.type === "tool_result") {
      const parts = block.content === undefined ? [] : typeof block.content === "string" ? [textPart(block.content)] : block.content.map(userPart);
      messages.push({ role: "tool", toolCallId: block.tool_use_id, content: parts, ...(block.is_error ? { isError: true } : {}), ...cache(block.cache_control) });
    } else if (block.type === "text" || block.type === "image") rest.push(userPart(block));
  }
  if (rest.length > 0) messages.push({ role: "user", content: rest });
  return messages;
}

function assistantMessage(content: AnthropicMessage["content"]): CanonicalMessage {
  if (typeof content === "string") return { role: "assistant", content: content === "" ? [] : [textPart(content)] };
  const parts: AssistantPart[] = [];
  for (const block of content as Block[]) {
    if (block.type === "text") parts.push(textPart(block.text, block.cache_control));
    else if (block.type === "tool_use") parts.push({ type: "tool_call", id: block.id, name: block.name, arguments: argumentsOf(block.input) });
    else if (block.type === "thinking") parts.push({ type: "reasoning", text: block.thinking, ...(block.signature ? { signature: block.signature } : {}) });
  }
  return { role: "assistant", content: parts };
}

function systemParts(system: string | Array<{ text: string; cache_control?: CacheInput }>): TextPart[] {
  return typeof system === "string" ? [textPart(system)] : system.map((block) => textPart(block.text, block.cache_control));
}

function toMessages(body: CountTokensBody): CanonicalMessage[] {
  const messages: CanonicalMessage[] = [];
  if (body.system !== undefined && (typeof body.system !== "string" || body.system !== "")) messages.push({ role: "system", content: systemParts(body.system) });
  for (const message of body.messages) {
    if (message.role === "user") messages.push(...userMessages(message.content));
    else if (message.role === "assistant") messages.push(assistantMessage(message.content));
    else messages.push({ role: "system", content: systemParts(message.content as string | Array<{ text: string; cache_control?: CacheInput }>) });
  }
  return messages;
}

function toToolChoice(choice: CountTokensBody["tool_choice"]): ToolChoice | undefined {
  if (!choice) return undefined;
  if (choice.type === "any") return { type: "required" };
  if (choice.type === "tool") return { type: "tool", name: choice.name };
  return { type: choice.type };
}

/** A thinking budget read as an effort level, for upstreams that take one (OpenAI's reasoning_effort). */
export function effortForBudget(budgetTokens: number): ReasoningEffort {
  if (budgetTokens <= 4_096) return "low";
  if (budgetTokens <= 16_384) return "medium";
  return "high";
}

function outputFormat(body: MessagesBody): OutputFormat {
  const format = (body.output_config as { format?: { type?: unknown; schema?: unknown } } | undefined)?.format;
  if (format?.type === "json_schema" && format.schema && typeof format.schema === "object") {
    return { type: "json_schema", name: "output", schema: format.schema as Record<string, unknown> };
  }
  return { type: "text" };
}

function parameters(body: MessagesBody): CanonicalParameters {
  const p: CanonicalParameters = { maxOutputTokens: body.max_tokens };
  if (body.temperature !== undefined) p.temperature = body.temperature;
  if (body.top_p !== undefined) p.topP = body.top_p;
  if (body.top_k !== undefined) p.topK = body.top_k;
  if (body.stop_sequences !== undefined && body.stop_sequences.length > 0) p.stop = body.stop_sequences;
  if (body.metadata?.user_id) p.user = body.metadata.user_id;
  const choice = body.tool_choice;
  if (choice && "disable_parallel_tool_use" in choice && choice.disable_parallel_tool_use) p.parallelToolCalls = false;
  // An explicit budget is a request for reasoning: only models that reason may serve it.
  // Adaptive thinking lets the model decide, so a model that does not reason still honours it.
  if (body.thinking?.type === "enabled") {
    p.reasoningBudgetTokens = body.thinking.budget_tokens;
    p.reasoningEffort = effortForBudget(body.thinking.budget_tokens);
  }
  return p;
}

function tools(body: CountTokensBody): CanonicalRequest["tools"] {
  return (body.tools ?? []).map((tool) => ({
    name: tool.name,
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    parameters: tool.input_schema,
    ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
    ...cache(tool.cache_control),
  }));
}

export interface AnthropicHeaders {
  version?: string;
  beta?: string;
}

export function messagesBodyToCanonical(body: MessagesBody, headers: AnthropicHeaders = {}): CanonicalRequest {
  const toolChoice = toToolChoice(body.tool_choice);
  return {
    messages: toMessages(body),
    tools: tools(body),
    ...(toolChoice ? { toolChoice } : {}),
    outputFormat: outputFormat(body),
    parameters: parameters(body),
    openaiExtras: {},
    ...(headers.version || headers.beta ? { anthropicHeaders: headers } : {}),
  };
}

/** count_tokens: the same prompt without the answer's settings. */
export function countTokensBodyToCanonical(body: CountTokensBody): CanonicalRequest {
  const toolChoice = toToolChoice(body.tool_choice);
  return { messages: toMessages(body), tools: tools(body), ...(toolChoice ? { toolChoice } : {}), outputFormat: { type: "text" }, parameters: {}, openaiExtras: {} };
}
