// OpenAI's Responses `response` object, as Switchyard returns it: output items (reasoning,
// assistant message, function_call) from the canonical answer, usage with cached and reasoning
// token details, and the request's settings echoed back the way OpenAI echoes them. Never stored:
// `store` is always false and `previous_response_id` always null.
import type { AssistantPart, FinishReason, Usage } from "@/lib/canonical/types";
import type { ToolNames } from "./to-canonical";
import type { ResponsesBody } from "./request-schema";

export type OutputText = { type: "output_text"; text: string; annotations: []; logprobs: [] };
export type ReasoningText = { type: "reasoning_text"; text: string };

export type OutputItem =
  | { id: string; type: "message"; status: "in_progress" | "completed" | "incomplete"; role: "assistant"; content: OutputText[] }
  | { id: string; type: "reasoning"; status?: "in_progress" | "completed"; summary: []; content: ReasoningText[] }
  | { id: string; type: "function_call"; status: "in_progress" | "completed"; call_id: string; name: string; namespace?: string; arguments: string };

/** What the response echoes from the request (OpenAI returns the settings it ran with). */
export interface ResponseEcho {
  instructions: string | null;
  metadata: Record<string, string>;
  tools: unknown[];
  toolChoice: unknown;
  text: { format: unknown; verbosity?: unknown };
  reasoning: { effort: unknown; summary: unknown };
  maxOutputTokens: number | null;
  temperature: number | null;
  topP: number | null;
  parallelToolCalls: boolean;
  user: string | null;
  promptCacheKey: string | null;
}

export function echoOf(body: ResponsesBody): ResponseEcho {
  return {
    instructions: body.instructions ?? null,
    metadata: body.metadata ?? {},
    tools: body.tools ?? [],
    toolChoice: body.tool_choice ?? "auto",
    text: { format: body.text?.format ?? { type: "text" }, ...(body.text?.verbosity ? { verbosity: body.text.verbosity } : {}) },
    reasoning: { effort: body.reasoning?.effort ?? null, summary: body.reasoning?.summary ?? null },
    maxOutputTokens: body.max_output_tokens ?? null,
    temperature: body.temperature ?? null,
    topP: body.top_p ?? null,
    parallelToolCalls: body.parallel_tool_calls ?? true,
    user: body.safety_identifier ?? body.user ?? null,
    promptCacheKey: body.prompt_cache_key ?? null,
  };
}

export function responseId(decisionId: string): string {
  return `resp_${decisionId.replace(/-/g, "")}`;
}

/** Item ids: unique within the response, derived from the decision so they repeat nowhere else. */
export function itemId(prefix: "msg" | "rs" | "fc", decisionId: string, index: number): string {
  return `${prefix}_${decisionId.replace(/-/g, "")}_${index}`;
}

export function outputText(text: string): OutputText {
  return { type: "output_text", text, annotations: [], logprobs: [] };
}

export function functionCallItem(id: string, call: { id: string; name: string; arguments: string }, names: ToolNames, status: "in_progress" | "completed"): OutputItem {
  const wire = names.wire(call.name);
  return { id, type: "function_call", status, call_id: call.id, name: wire.name, ...(wire.namespace ? { namespace: wire.namespace } : {}), arguments: call.arguments };
}

/** The answer as output items: consecutive text is one message; each reasoning run and each call its own item. */
export function outputItems(content: readonly AssistantPart[], decisionId: string, names: ToolNames): OutputItem[] {
  const items: OutputItem[] = [];
  for (const part of content) {
    const last = items[items.length - 1];
    const index = items.length;
    if (part.type === "text") {
      if (last?.type === "message") last.content[0]!.text += part.text;
      else items.push({ id: itemId("msg", decisionId, index), type: "message", status: "completed", role: "assistant", content: [outputText(part.text)] });
    } else if (part.type === "reasoning") {
      if (last?.type === "reasoning") last.content[0]!.text += part.text;
      else items.push({ id: itemId("rs", decisionId, index), type: "reasoning", summary: [], content: [{ type: "reasoning_text", text: part.text }] });
    } else items.push(functionCallItem(itemId("fc", decisionId, index), part, names, "completed"));
  }
  return items;
}

export function responsesUsage(usage: Usage) {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: usage.cachedInputTokens },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: usage.reasoningTokens },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

/** An answer cut short is `incomplete`, with OpenAI's reason; everything else `completed`. */
export function statusOf(finishReason: FinishReason): { status: "completed" | "incomplete"; incomplete_details: { reason: "max_output_tokens" | "content_filter" } | null } {
  if (finishReason === "length") return { status: "incomplete", incomplete_details: { reason: "max_output_tokens" } };
  if (finishReason === "content_filter") return { status: "incomplete", incomplete_details: { reason: "content_filter" } };
  return { status: "completed", incomplete_details: null };
}

export interface ResponseState {
  decisionId: string;
  model: string;
  createdAt: number;
  status: "in_progress" | "completed" | "incomplete" | "failed";
  incompleteDetails?: { reason: string } | null;
  error?: { code: string; message: string } | null;
  output: OutputItem[];
  usage: Usage | null;
}

export function responseObject(state: ResponseState, echo: ResponseEcho) {
  const text = state.output.flatMap((item) => (item.type === "message" ? item.content.map((part) => part.text) : [])).join("");
  return {
    id: responseId(state.decisionId),
    object: "response" as const,
    created_at: state.createdAt,
    status: state.status,
    ...(state.status === "completed" || state.status === "incomplete" ? { completed_at: Math.floor(Date.now() / 1000) } : {}),
    background: false,
    error: state.error ?? null,
    incomplete_details: state.incompleteDetails ?? null,
    instructions: echo.instructions,
    max_output_tokens: echo.maxOutputTokens,
    max_tool_calls: null,
    model: state.model,
    output: state.output,
    output_text: text,
    parallel_tool_calls: echo.parallelToolCalls,
    previous_response_id: null,
    prompt_cache_key: echo.promptCacheKey,
    reasoning: echo.reasoning,
    service_tier: "default",
    store: false,
    temperature: echo.temperature,
    text: echo.text,
    tool_choice: echo.toolChoice,
    tools: echo.tools,
    top_logprobs: 0,
    top_p: echo.topP,
    truncation: "disabled",
    usage: state.usage ? responsesUsage(state.usage) : null,
    user: echo.user,
    safety_identifier: echo.user,
    metadata: echo.metadata,
  };
}
