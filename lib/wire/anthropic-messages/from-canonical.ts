// The canonical request → the Messages API body an Anthropic upstream receives. Built only from
// the canonical request (never from the caller's bytes), so the upstream gets exactly what the
// detectors read; what to-canonical.ts keeps of a Messages request (cache_control marks, thinking
// blocks and their signatures, tool_result errors, mid-conversation system messages) comes back
// out in Anthropic's own shape.
import type { AssistantPart, CacheMark, CanonicalMessage, CanonicalRequest, ReasoningEffort, TextPart, UserPart } from "@/lib/canonical/types";
import { toolInput } from "./message";
import { anthropicModelTraits, type AnthropicModelTraits } from "./model-traits";

type Json = Record<string, unknown>;

/** The beta a system message after the first turn needs (Claude Code sends it itself). */
export const MID_CONVERSATION_SYSTEM_BETA = "mid-conversation-system-2026-04-07";
/** The beta `strict` tools need (the AI SDK sent it with them). */
export const STRUCTURED_OUTPUTS_BETA = "structured-outputs-2025-11-13";

function cacheControl(mark: CacheMark | undefined): Json {
  return mark ? { cache_control: { type: mark.type, ...(mark.ttl ? { ttl: mark.ttl } : {}) } } : {};
}

function textBlock(part: TextPart): Json {
  return { type: "text", text: part.text, ...cacheControl(part.cache) };
}

function userBlock(part: UserPart): Json {
  if (part.type === "text") return textBlock(part);
  const inline = /^data:([^;,]+);base64,(.*)$/s.exec(part.url);
  const source = inline ? { type: "base64", media_type: inline[1], data: inline[2] } : { type: "url", url: part.url };
  return { type: "image", source, ...cacheControl(part.cache) };
}

function assistantBlocks(parts: readonly AssistantPart[]): Json[] {
  return parts.flatMap((part): Json[] => {
    switch (part.type) {
      // Anthropic refuses empty text blocks; chat callers often send content "" beside tool calls.
      case "text":
        return part.text === "" ? [] : [textBlock(part)];
      // A thinking block without Anthropic's signature (another vendor's reasoning) would be refused.
      case "reasoning":
        return part.signature ? [{ type: "thinking", thinking: part.text, signature: part.signature }] : [];
      case "tool_call":
        return [{ type: "tool_use", id: part.id, name: part.name, input: toolInput(part.arguments) }];
    }
  });
}

function toolResult(message: Extract<CanonicalMessage, { role: "tool" }>): Json {
  return {
    type: "tool_result",
    tool_use_id: message.toolCallId,
    ...(message.content.length > 0 ? { content: message.content.map(userBlock) } : {}),
    ...(message.isError ? { is_error: true } : {}),
    ...cacheControl(message.cache),
  };
}

/** Leading system messages become `system`; the turns after it keep their order. */
function split(messages: readonly CanonicalMessage[]): { system: Json[]; turns: Json[]; midConversationSystem: boolean } {
  const system: Json[] = [];
  const turns: Array<{ role: string; content: Json[] }> = [];
  let midConversationSystem = false;
  let leading = true;
  for (const message of messages) {
    if (message.role === "system") {
      // Anthropic refuses empty text blocks; a chat caller's `system: ""` says nothing.
      if (leading) system.push(...message.content.filter((part) => part.text !== "").map(textBlock));
      else {
        midConversationSystem = true;
        turns.push({ role: "system", content: message.content.map(textBlock) });
      }
      continue;
    }
    leading = false;
    const previous = turns[turns.length - 1];
    if (message.role === "assistant") {
      const content = assistantBlocks(message.content);
      if (content.length > 0) turns.push({ role: "assistant", content });
      continue;
    }
    // Tool results and the user's words that follow them are one user turn, as Anthropic has it.
    const blocks = message.role === "tool" ? [toolResult(message)] : message.content.map(userBlock);
    // Results come first in their turn: a result joins a turn of results only.
    const results = previous?.role === "user" ? previous.content.filter((block) => block.type === "tool_result").length : -1;
    const joins = message.role === "tool" ? results === previous?.content.length : results > 0;
    if (joins && previous) previous.content.push(...blocks);
    else turns.push({ role: "user", content: blocks });
  }
  return { system, turns, midConversationSystem };
}

const BUDGET_SHARE: Record<Exclude<ReasoningEffort, "none">, number> = { minimal: 0.02, low: 0.1, medium: 0.3, high: 0.6, xhigh: 0.9 };

/** Thinking settings: an explicit budget as given; an effort level as the model understands it. */
function thinking(request: CanonicalRequest, traits: AnthropicModelTraits): { thinking?: Json; effort?: string; addedBudget: number } {
  const { reasoningBudgetTokens: budget, reasoningEffort: effort } = request.parameters;
  if (budget !== undefined) {
    if (traits.budgetThinking) return { thinking: { type: "enabled", budget_tokens: budget }, addedBudget: 0 };
    return { thinking: { type: "adaptive" }, addedBudget: 0 };
  }
  if (effort === undefined || effort === "none") return { addedBudget: 0 };
  if (traits.adaptiveThinking) {
    const level = effort === "minimal" ? "low" : effort === "xhigh" && !traits.xhighEffort ? "high" : effort;
    return { thinking: { type: "adaptive", display: "summarized" }, effort: level, addedBudget: 0 };
  }
  const tokens = Math.min(traits.maxOutputTokens, Math.max(1_024, Math.round(traits.maxOutputTokens * BUDGET_SHARE[effort])));
  // The caller's max_tokens was meant for the answer: the budget comes on top, as the AI SDK did.
  return { thinking: { type: "enabled", budget_tokens: tokens }, addedBudget: tokens };
}

function toolChoice(request: CanonicalRequest): Json | undefined {
  const choice = request.toolChoice;
  const parallel = request.parameters.parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
  if (!choice) return request.parameters.parallelToolCalls === false ? { type: "auto", ...parallel } : undefined;
  if (choice.type === "none") return { type: "none" };
  if (choice.type === "required") return { type: "any", ...parallel };
  if (choice.type === "tool") return { type: "tool", name: choice.name, ...parallel };
  return { type: "auto", ...parallel };
}

export interface AnthropicMessagesBody {
  body: Json;
  /** Betas the body needs beyond the caller's own (merged into `anthropic-beta`). */
  betas: string[];
}

export function canonicalToMessagesBody(request: CanonicalRequest, options: { modelId: string; stream: boolean }): AnthropicMessagesBody {
  const p = request.parameters;
  const traits = anthropicModelTraits(options.modelId);
  const { system, turns, midConversationSystem } = split(request.messages);
  const reasoning = thinking(request, traits);
  let maxTokens = (p.maxOutputTokens ?? traits.maxOutputTokens) + reasoning.addedBudget;
  // Anthropic requires max_tokens above the thinking budget.
  const budget = (reasoning.thinking as { budget_tokens?: number } | undefined)?.budget_tokens;
  if (budget !== undefined && maxTokens <= budget) maxTokens += budget;

  const body: Json = { model: options.modelId, max_tokens: maxTokens, messages: turns };
  if (system.length > 0) body.system = system;
  // Anthropic refuses sampling parameters while thinking, on its newest models, and top_p beside
  // temperature: left out as the AI SDK left them out.
  if (traits.samplingParameters && !reasoning.thinking) {
    if (p.temperature !== undefined) body.temperature = p.temperature;
    if (p.topP !== undefined && p.temperature === undefined) body.top_p = p.topP;
    if (p.topK !== undefined) body.top_k = p.topK;
  }
  if (p.stop !== undefined && p.stop.length > 0) body.stop_sequences = p.stop;
  if (p.user !== undefined) body.metadata = { user_id: p.user };
  if (reasoning.thinking) body.thinking = reasoning.thinking;
  if (request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      name: tool.name,
      ...(tool.description !== undefined ? { description: tool.description } : {}),
      input_schema: tool.parameters,
      // Models that do not enforce schemas refuse `strict`; the AI SDK left it out for them too.
      ...(tool.strict !== undefined && traits.structuredOutput ? { strict: tool.strict } : {}),
      // Tool input streams as the model writes it, not in one piece at the block's end.
      ...(options.stream ? { eager_input_streaming: true } : {}),
      ...cacheControl(tool.cache),
    }));
    const choice = toolChoice(request);
    if (choice) body.tool_choice = choice;
  }
  const format = request.outputFormat;
  const outputConfig: Json = {
    ...(reasoning.effort ? { effort: reasoning.effort } : {}),
    // Anthropic has no plain JSON mode: only a schema is enforced; json_object asks nothing more.
    ...(format.type === "json_schema" ? { format: { type: "json_schema", schema: format.schema } } : {}),
  };
  if (Object.keys(outputConfig).length > 0) body.output_config = outputConfig;
  if (options.stream) body.stream = true;
  const strictTools = traits.structuredOutput && request.tools.some((tool) => tool.strict === true);
  return { body, betas: [...(midConversationSystem ? [MID_CONVERSATION_SYSTEM_BETA] : []), ...(strictTools ? [STRUCTURED_OUTPUTS_BETA] : [])] };
}
