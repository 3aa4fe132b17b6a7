// What a request needs from a model beyond plain text, derived from the request alone so the
// engine can skip models that cannot serve it and the ledger can replay the decision later.
import type { Capability } from "@/lib/routing/types";
import type { CanonicalRequest } from "./types";

export function requiredCapabilities(request: CanonicalRequest): Capability[] {
  const needs = new Set<Capability>();
  // A conversation that already holds tool calls needs a model that understands them, even
  // when this turn offers no tools (most APIs reject tool history without tool support).
  const toolHistory = request.messages.some(
    (message) => message.role === "tool" || (message.role === "assistant" && message.content.some((part) => part.type === "tool_call")),
  );
  if ((request.tools.length > 0 && request.toolChoice?.type !== "none") || toolHistory) needs.add("tools");
  if (request.outputFormat.type !== "text") needs.add("structured_output");
  const hasImage = request.messages.some(
    (message) => (message.role === "user" || message.role === "tool") && message.content.some((part) => part.type === "image"),
  );
  if (hasImage) needs.add("images");
  const effort = request.parameters.reasoningEffort;
  if (effort !== undefined && effort !== "none") needs.add("reasoning");
  return (["tools", "structured_output", "images", "reasoning"] as const).filter((capability) => needs.has(capability));
}

/**
 * Fields only an OpenAI-wire upstream can honour and that change the answer (logit_bias,
 * prediction, web search): a request carrying one skips models behind other wires. Other extra
 * fields (metadata, store, …) are passed to OpenAI-wire upstreams and left out elsewhere, which
 * the trace says.
 */
export const ANSWER_CHANGING_OPENAI_FIELDS = ["logit_bias", "prediction", "web_search_options"] as const;

export function openaiOnlyFields(request: CanonicalRequest): string[] {
  return ANSWER_CHANGING_OPENAI_FIELDS.filter((field) => request.openaiExtras[field] !== undefined && request.openaiExtras[field] !== null);
}
