// A parsed chat completions body → the canonical request. Developer messages are system
// messages; string contents become one text part; `refusal` parts of earlier assistant turns are
// text the model said; fields Switchyard does not read are kept as OpenAI extras.
import type { AssistantPart, CanonicalMessage, CanonicalRequest, OutputFormat, ToolChoice, UserPart } from "@/lib/canonical/types";
import { KNOWN_CHAT_FIELDS, type ChatParameters } from "./request-schema";

type Message = ChatParameters["messages"][number];

const text = (value: string) => ({ type: "text" as const, text: value });

function userParts(content: Extract<Message, { role: "user" }>["content"]): UserPart[] {
  if (typeof content === "string") return [text(content)];
  return content.map((part) =>
    part.type === "text" ? text(part.text) : { type: "image" as const, url: part.image_url.url, ...(part.image_url.detail ? { detail: part.image_url.detail } : {}) },
  );
}

function textParts(content: string | Array<{ type: "text"; text: string }>) {
  return typeof content === "string" ? [text(content)] : content.map((part) => text(part.text));
}

function toMessage(message: Message): CanonicalMessage {
  switch (message.role) {
    case "system":
    case "developer":
      return { role: "system", content: textParts(message.content), ...(message.name ? { name: message.name } : {}) };
    case "user":
      return { role: "user", content: userParts(message.content), ...(message.name ? { name: message.name } : {}) };
    case "assistant": {
      const content: AssistantPart[] = [];
      if (typeof message.content === "string") {
        if (message.content !== "") content.push(text(message.content));
      } else for (const part of message.content ?? []) content.push(text(part.type === "text" ? part.text : part.refusal));
      for (const call of message.tool_calls ?? []) content.push({ type: "tool_call", id: call.id, name: call.function.name, arguments: call.function.arguments });
      return { role: "assistant", content, ...(message.name ? { name: message.name } : {}) };
    }
    case "tool":
      return { role: "tool", toolCallId: message.tool_call_id, content: textParts(message.content) };
  }
}

function toToolChoice(choice: ChatParameters["tool_choice"]): ToolChoice | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === "string") return { type: choice };
  return { type: "tool", name: choice.function.name };
}

function toOutputFormat(format: ChatParameters["response_format"]): OutputFormat {
  if (!format || format.type === "text") return { type: "text" };
  if (format.type === "json_object") return { type: "json_object" };
  const { name, description, schema, strict } = format.json_schema;
  return {
    type: "json_schema",
    name,
    // OpenAI treats a missing schema as "any JSON object".
    schema: schema ?? { type: "object" },
    ...(description !== undefined ? { description } : {}),
    ...(strict != null ? { strict } : {}),
  };
}

export function chatBodyToCanonical(body: ChatParameters & Record<string, unknown>): CanonicalRequest {
  const p = body;
  const parameters: CanonicalRequest["parameters"] = {};
  const maxOutputTokens = p.max_completion_tokens ?? p.max_tokens ?? null;
  if (maxOutputTokens !== null) parameters.maxOutputTokens = maxOutputTokens;
  if (p.temperature != null) parameters.temperature = p.temperature;
  if (p.top_p != null) parameters.topP = p.top_p;
  if (p.stop != null) parameters.stop = typeof p.stop === "string" ? [p.stop] : p.stop;
  if (p.seed != null) parameters.seed = p.seed;
  if (p.presence_penalty != null) parameters.presencePenalty = p.presence_penalty;
  if (p.frequency_penalty != null) parameters.frequencyPenalty = p.frequency_penalty;
  if (p.parallel_tool_calls != null) parameters.parallelToolCalls = p.parallel_tool_calls;
  if (p.reasoning_effort != null) parameters.reasoningEffort = p.reasoning_effort;
  if (p.user !== undefined) parameters.user = p.user;

  const openaiExtras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    // Own keys only, and never prototype-shaped ones: the extras are re-serialised upstream.
    if (!KNOWN_CHAT_FIELDS.has(key) && key !== "__proto__" && value !== undefined) openaiExtras[key] = value;
  }

  const toolChoice = toToolChoice(p.tool_choice);
  return {
    messages: p.messages.map(toMessage),
    tools: (p.tools ?? []).map(({ function: fn }) => ({
      name: fn.name,
      ...(fn.description !== undefined ? { description: fn.description } : {}),
      parameters: fn.parameters ?? { type: "object", properties: {} },
      ...(fn.strict != null ? { strict: fn.strict } : {}),
    })),
    ...(toolChoice ? { toolChoice } : {}),
    outputFormat: toOutputFormat(p.response_format),
    parameters,
    openaiExtras,
  };
}
