// The canonical request → the chat completions body an OpenAI-wire upstream receives. Built
// only from the canonical request (never from the caller's bytes), so the upstream gets exactly
// what the detectors read. Extras go last but can never override what Switchyard set.
import type { CanonicalMessage, CanonicalRequest, UserPart } from "@/lib/canonical/types";

type Json = Record<string, unknown>;

function userContent(parts: readonly UserPart[]): string | Json[] {
  if (parts.length === 1 && parts[0]?.type === "text") return parts[0].text;
  return parts.map((part) =>
    part.type === "text" ? { type: "text", text: part.text } : { type: "image_url", image_url: { url: part.url, ...(part.detail ? { detail: part.detail } : {}) } },
  );
}

function toWireMessage(message: CanonicalMessage): Json {
  switch (message.role) {
    case "system":
      return { role: "system", content: message.content.map((part) => part.text).join(""), ...(message.name ? { name: message.name } : {}) };
    case "user":
      return { role: "user", content: userContent(message.content), ...(message.name ? { name: message.name } : {}) };
    case "assistant": {
      // Reasoning sent back from another vendor's model has no place in OpenAI's chat format.
      const text = message.content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("");
      const calls = message.content.flatMap((part) =>
        part.type === "tool_call" ? [{ id: part.id, type: "function", function: { name: part.name, arguments: part.arguments } }] : [],
      );
      return {
        role: "assistant",
        content: text === "" && calls.length > 0 ? null : text,
        ...(calls.length > 0 ? { tool_calls: calls } : {}),
        ...(message.name ? { name: message.name } : {}),
      };
    }
    case "tool": {
      const content = userContent(message.content);
      // OpenAI's tool messages take text only; an image result is described rather than dropped.
      const textOnly = typeof content === "string" ? content : message.content.map((part) => (part.type === "text" ? part.text : "[image]")).join("\n");
      return { role: "tool", tool_call_id: message.toolCallId, content: textOnly };
    }
  }
}

export interface OpenAiChatBodyOptions {
  modelId: string;
  stream: boolean;
  /**
   * OpenAI's own API wants `max_completion_tokens` (reasoning models refuse `max_tokens`);
   * self-hosted OpenAI-compatible servers (Ollama, llama.cpp, older vLLM) know only `max_tokens`.
   */
  maxTokensField: "max_tokens" | "max_completion_tokens";
}

export function canonicalToChatBody(request: CanonicalRequest, options: OpenAiChatBodyOptions): Json {
  const p = request.parameters;
  const body: Json = { ...request.openaiExtras };
  body.model = options.modelId;
  body.messages = request.messages.map(toWireMessage);
  if (p.maxOutputTokens !== undefined) body[options.maxTokensField] = p.maxOutputTokens;
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.topP !== undefined) body.top_p = p.topP;
  // Not OpenAI's own field, but vLLM's, llama.cpp's and Ollama's; OpenAI itself refuses it (a 400 the caller sees).
  if (p.topK !== undefined) body.top_k = p.topK;
  if (p.stop !== undefined) body.stop = p.stop;
  if (p.seed !== undefined) body.seed = p.seed;
  if (p.presencePenalty !== undefined) body.presence_penalty = p.presencePenalty;
  if (p.frequencyPenalty !== undefined) body.frequency_penalty = p.frequencyPenalty;
  if (p.reasoningEffort !== undefined) body.reasoning_effort = p.reasoningEffort;
  if (p.user !== undefined) body.user = p.user;
  if (request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      type: "function",
      function: {
        name: tool.name,
        ...(tool.description !== undefined ? { description: tool.description } : {}),
        parameters: tool.parameters,
        ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
      },
    }));
    if (p.parallelToolCalls !== undefined) body.parallel_tool_calls = p.parallelToolCalls;
  }
  const choice = request.toolChoice;
  if (choice) body.tool_choice = choice.type === "tool" ? { type: "function", function: { name: choice.name } } : choice.type;
  const format = request.outputFormat;
  if (format.type === "json_object") body.response_format = { type: "json_object" };
  if (format.type === "json_schema") {
    body.response_format = {
      type: "json_schema",
      json_schema: {
        name: format.name,
        schema: format.schema,
        ...(format.description !== undefined ? { description: format.description } : {}),
        ...(format.strict !== undefined ? { strict: format.strict } : {}),
      },
    };
  }
  // Streams always ask for usage: the ledger prices a stream from its final usage chunk.
  if (options.stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return body;
}
