// A parsed Responses body → the canonical request. `instructions` and system / developer
// messages are system messages; consecutive assistant items (reasoning, message, function_call)
// are one assistant turn; a function_call_output is a tool result. Functions inside a namespace
// tool get one flat name (`<namespace>__<name>`, the characters every upstream accepts), mapped
// back when the model calls them.
import type { AssistantPart, CanonicalMessage, CanonicalRequest, OutputFormat, TextPart, ToolChoice, ToolDefinition, UserPart } from "@/lib/canonical/types";
import type { ResponsesBody, ResponsesInputItem } from "./request-schema";

const NAMESPACE_SEPARATOR = "__";

/** Flat tool names ↔ the (namespace, name) the caller uses. */
export class ToolNames {
  private readonly byFlat = new Map<string, { namespace: string | null; name: string }>();

  flat(namespace: string | null | undefined, name: string): string {
    const flat = namespace ? `${namespace}${NAMESPACE_SEPARATOR}${name}` : name;
    this.byFlat.set(flat, { namespace: namespace ?? null, name });
    return flat;
  }

  /** The caller's name for a tool the model called; names Switchyard did not flatten are returned as they are. */
  wire(flat: string): { namespace: string | null; name: string } {
    return this.byFlat.get(flat) ?? { namespace: null, name: flat };
  }
}

type Content = Extract<ResponsesInputItem, { role: string }>["content"];
type ContentPart = Exclude<Content, string>[number];
type OutputPart = Exclude<Extract<ResponsesInputItem, { type: "function_call_output" }>["output"], string>[number];

const text = (value: string): TextPart => ({ type: "text", text: value });

function userPart(part: ContentPart | OutputPart): UserPart {
  switch (part.type) {
    case "input_text":
    case "output_text":
      return text(part.text);
    case "refusal":
      return text(part.refusal);
    case "input_image":
      return { type: "image", url: part.image_url ?? "", ...(part.detail ? { detail: part.detail } : {}) };
  }
}

function userParts(content: Content | Exclude<Extract<ResponsesInputItem, { type: "function_call_output" }>["output"], string>): UserPart[] {
  return typeof content === "string" ? [text(content)] : content.map(userPart);
}

/** Text of a system or assistant turn; an image there is a caller's mistake, kept visible as its URL would not be. */
function textParts(content: Content, role: string): TextPart[] {
  return userParts(content).map((part) => {
    if (part.type === "text") return part;
    throw new TypeError(`${role} messages hold text only`);
  });
}

/** Appends to the open assistant turn, or opens one. */
function assistantTurn(messages: CanonicalMessage[]): AssistantPart[] {
  const last = messages[messages.length - 1];
  if (last?.role === "assistant") return last.content;
  const turn: CanonicalMessage = { role: "assistant", content: [] };
  messages.push(turn);
  return turn.content;
}

function toMessages(input: ResponsesBody["input"], instructions: string | null | undefined, names: ToolNames): CanonicalMessage[] {
  const messages: CanonicalMessage[] = [];
  if (instructions) messages.push({ role: "system", content: [text(instructions)] });
  if (typeof input === "string") {
    messages.push({ role: "user", content: [text(input)] });
    return messages;
  }
  for (const item of input) {
    if (item.type === "function_call") {
      assistantTurn(messages).push({ type: "tool_call", id: item.call_id, name: names.flat(item.namespace, item.name), arguments: item.arguments });
    } else if (item.type === "function_call_output") {
      messages.push({ role: "tool", toolCallId: item.call_id, content: userParts(item.output) });
    } else if (item.type === "reasoning") {
      const pieces = [...(item.content ?? []), ...(item.content?.length ? [] : item.summary)].map((part) => part.text).filter((piece) => piece !== "");
      if (pieces.length > 0) assistantTurn(messages).push({ type: "reasoning", text: pieces.join("\n") });
    } else if (item.role === "assistant") {
      const parts = textParts(item.content, "assistant").filter((part) => part.text !== "");
      assistantTurn(messages).push(...parts);
    } else if (item.role === "user") {
      messages.push({ role: "user", content: userParts(item.content) });
    } else {
      messages.push({ role: "system", content: textParts(item.content, item.role) });
    }
  }
  return messages;
}

function toTools(tools: ResponsesBody["tools"], names: ToolNames): ToolDefinition[] {
  const definition = (fn: { name: string; description?: string | null | undefined; parameters?: Record<string, unknown> | null | undefined; strict?: boolean | null | undefined }, namespace: string | null, namespaceDescription?: string | null): ToolDefinition => {
    const description = [namespaceDescription, fn.description].filter((piece): piece is string => typeof piece === "string" && piece !== "").join("\n");
    return {
      name: names.flat(namespace, fn.name),
      ...(description !== "" ? { description } : {}),
      parameters: fn.parameters ?? { type: "object", properties: {} },
      ...(fn.strict != null ? { strict: fn.strict } : {}),
    };
  };
  return (tools ?? []).flatMap((tool) => (tool.type === "namespace" ? tool.tools.map((fn) => definition(fn, tool.name, tool.description)) : [definition(tool, null)]));
}

function toToolChoice(choice: ResponsesBody["tool_choice"]): ToolChoice | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === "string") return { type: choice };
  return { type: "tool", name: choice.name };
}

function toOutputFormat(format: NonNullable<ResponsesBody["text"]>["format"]): OutputFormat {
  if (!format || format.type === "text") return { type: "text" };
  if (format.type === "json_object") return { type: "json_object" };
  return {
    type: "json_schema",
    name: format.name,
    schema: format.schema,
    ...(format.description ? { description: format.description } : {}),
    ...(format.strict != null ? { strict: format.strict } : {}),
  };
}

/** Throws a TypeError naming the problem when an item cannot be expressed (the adapter answers 400). */
export function responsesBodyToCanonical(body: ResponsesBody, names: ToolNames): CanonicalRequest {
  const parameters: CanonicalRequest["parameters"] = {};
  if (body.max_output_tokens != null) parameters.maxOutputTokens = body.max_output_tokens;
  if (body.temperature != null) parameters.temperature = body.temperature;
  if (body.top_p != null) parameters.topP = body.top_p;
  if (body.parallel_tool_calls != null) parameters.parallelToolCalls = body.parallel_tool_calls;
  if (body.reasoning?.effort != null) parameters.reasoningEffort = body.reasoning.effort;
  const user = body.safety_identifier ?? body.user;
  if (user !== undefined) parameters.user = user;

  // Chat completions fields of the same name and meaning: OpenAI-wire upstreams honour them.
  const openaiExtras: Record<string, unknown> = {};
  if (body.prompt_cache_key !== undefined) openaiExtras.prompt_cache_key = body.prompt_cache_key;
  if (body.service_tier != null) openaiExtras.service_tier = body.service_tier;
  if (body.text?.verbosity != null) openaiExtras.verbosity = body.text.verbosity;

  const toolChoice = toToolChoice(body.tool_choice);
  const tools = toTools(body.tools, names);
  return {
    messages: toMessages(body.input, body.instructions, names),
    tools,
    ...(toolChoice ? { toolChoice: toolChoice.type === "tool" ? { type: "tool", name: names.flat(null, toolChoice.name) } : toolChoice } : {}),
    outputFormat: toOutputFormat(body.text?.format),
    parameters,
    openaiExtras,
  };
}
