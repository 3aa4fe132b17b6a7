import { describe, expect, it } from "vitest";
import type { CanonicalRequest } from "@/lib/canonical/types";
import { canonicalToMessagesBody, MID_CONVERSATION_SYSTEM_BETA, STRUCTURED_OUTPUTS_BETA } from "./from-canonical";
import { messagesBodySchema } from "./request-schema";
import { messagesBodyToCanonical } from "./to-canonical";

const weather = { name: "get_weather", description: "Weather for a city", input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };

/** A Messages body through to-canonical and back: what an Anthropic upstream receives for it. */
function roundTrip(body: Record<string, unknown>, stream = false) {
  const canonical = messagesBodyToCanonical(messagesBodySchema.parse(body));
  return canonicalToMessagesBody(canonical, { modelId: String(body.model), stream });
}

// Each Messages body a caller (Claude Code, the Anthropic SDK) sends comes out as it went in.
const ROUND_TRIPS: Array<{ name: string; body: Record<string, unknown> }> = [
  {
    name: "system blocks with cache marks, text turns, sampling, stop sequences and the end user",
    body: {
      model: "claude-sonnet-4-5",
      max_tokens: 300,
      system: [{ type: "text", text: "Be careful.", cache_control: { type: "ephemeral", ttl: "1h" } }, { type: "text", text: "Be brief." }],
      messages: [
        { role: "user", content: [{ type: "text", text: "Hi", cache_control: { type: "ephemeral" } }] },
        { role: "assistant", content: [{ type: "text", text: "Hello." }] },
        { role: "user", content: [{ type: "text", text: "Again" }] },
      ],
      temperature: 0.3,
      top_k: 5,
      stop_sequences: ["END"],
      metadata: { user_id: "u-1" },
    },
  },
  {
    name: "signed thinking, tool_use, tool results (error, cache mark, blocks) with the user's words in the same turn",
    body: {
      model: "claude-sonnet-4-5",
      max_tokens: 4_000,
      thinking: { type: "enabled", budget_tokens: 2_048 },
      messages: [
        { role: "user", content: [{ type: "text", text: "Weather in Paris and Oslo?" }] },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "Two calls.", signature: "sig-1" },
            { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
            { type: "tool_use", id: "toolu_2", name: "get_weather", input: { city: "Oslo" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "sunny" }], cache_control: { type: "ephemeral" } },
            { type: "tool_result", tool_use_id: "toolu_2", content: [{ type: "text", text: "no such city" }], is_error: true },
            { type: "text", text: "Summarise." },
          ],
        },
      ],
      tools: [{ ...weather, cache_control: { type: "ephemeral" } }],
      tool_choice: { type: "any", disable_parallel_tool_use: true },
    },
  },
  {
    name: "images by base64 and by URL, a tool result with no content",
    body: {
      model: "claude-sonnet-4-5",
      max_tokens: 100,
      messages: [
        {
          role: "user",
          content: [
            { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
            { type: "image", source: { type: "url", url: "https://example.com/cat.jpg" }, cache_control: { type: "ephemeral" } },
            { type: "text", text: "What are these?" },
          ],
        },
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_9", name: "get_weather", input: {} }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_9" }] },
      ],
      tools: [weather],
      tool_choice: { type: "tool", name: "get_weather" },
    },
  },
  {
    name: "tool_choice none",
    body: { model: "claude-sonnet-4-5", max_tokens: 10, messages: [{ role: "user", content: [{ type: "text", text: "x" }] }], tools: [weather], tool_choice: { type: "none" } },
  },
  {
    name: "a structured-output schema",
    body: {
      model: "claude-sonnet-4-5",
      max_tokens: 10,
      messages: [{ role: "user", content: [{ type: "text", text: "yes or no" }] }],
      output_config: { format: { type: "json_schema", schema: { type: "object", properties: { answer: { type: "string" } } } } },
    },
  },
];

describe("canonical request → Messages body", () => {
  it.each(ROUND_TRIPS)("a Messages body comes back unchanged: $name", ({ body }) => {
    const { body: sent, betas } = roundTrip(body);
    expect(sent).toEqual(body);
    expect(betas).toEqual([]);
  });

  it("sends a mid-conversation system message in place, with the beta it needs", () => {
    const body = { model: "claude-sonnet-4-5", max_tokens: 10, messages: [{ role: "user", content: [{ type: "text", text: "a" }] }, { role: "system", content: [{ type: "text", text: "Reminder." }] }] };
    const { body: sent, betas } = roundTrip(body);
    expect(sent.messages).toEqual(body.messages);
    expect(betas).toEqual([MID_CONVERSATION_SYSTEM_BETA]);
  });

  it("asks for the structured-outputs beta only with strict tools the model enforces", () => {
    const strict: CanonicalRequest = { ...base, tools: [{ ...tool, strict: true }] };
    expect(canonicalToMessagesBody(strict, { modelId: "claude-sonnet-4-5", stream: false }).betas).toEqual([STRUCTURED_OUTPUTS_BETA]);
    expect(canonicalToMessagesBody(strict, { modelId: "claude-3-haiku-20240307", stream: false }).betas).toEqual([]);
    expect(canonicalToMessagesBody({ ...base, tools: [tool] }, { modelId: "claude-sonnet-4-5", stream: false }).betas).toEqual([]);
  });

  it("streams: stream flag and tool input streamed as it is written", () => {
    const { body } = roundTrip({ model: "claude-sonnet-4-5", max_tokens: 10, messages: [{ role: "user", content: "x" }], tools: [weather] }, true);
    expect(body).toMatchObject({ stream: true, tools: [{ name: "get_weather", eager_input_streaming: true }] });
  });

  const base: CanonicalRequest = { messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }], tools: [], outputFormat: { type: "text" }, parameters: {}, openaiExtras: {} };
  const tool = { name: "f", parameters: { type: "object" } };

  // Requests from other wires (chat completions, Responses) in Anthropic's terms.
  const CASES: Array<{ name: string; model?: string; request: Partial<CanonicalRequest>; expected: Record<string, unknown> }> = [
    { name: "max_tokens defaults to the model's own limit", model: "claude-sonnet-4-5", request: {}, expected: { max_tokens: 64_000 } },
    { name: "an unknown model gets 4,096", model: "my-claude-proxy", request: {}, expected: { max_tokens: 4_096 } },
    {
      name: "the newest models take no sampling parameters",
      model: "claude-opus-4-8",
      request: { parameters: { temperature: 0.5, topP: 0.9, topK: 3, maxOutputTokens: 100 } },
      expected: { max_tokens: 100, temperature: undefined, top_p: undefined, top_k: undefined },
    },
    {
      name: "no sampling parameters while thinking",
      request: { parameters: { temperature: 0.5, topP: 0.9, topK: 3, reasoningBudgetTokens: 1_024, maxOutputTokens: 2_000 } },
      expected: { temperature: undefined, top_p: undefined, top_k: undefined, thinking: { type: "enabled", budget_tokens: 1_024 } },
    },
    { name: "top_p alone is sent", request: { parameters: { topP: 0.9 } }, expected: { top_p: 0.9 } },
    { name: "top_p beside temperature is not", request: { parameters: { topP: 0.9, temperature: 0.2 } }, expected: { top_p: undefined, temperature: 0.2 } },
    {
      name: "seed and penalties have no Anthropic field",
      request: { parameters: { seed: 1, presencePenalty: 0.5, frequencyPenalty: 0.5, maxOutputTokens: 5 } },
      expected: { max_tokens: 5, seed: undefined, presence_penalty: undefined, frequency_penalty: undefined },
    },
    {
      name: "an effort on an adaptive model: adaptive thinking at that effort",
      model: "claude-opus-4-8",
      request: { parameters: { reasoningEffort: "xhigh", maxOutputTokens: 1_000 } },
      expected: { max_tokens: 1_000, thinking: { type: "adaptive", display: "summarized" }, output_config: { effort: "xhigh" } },
    },
    {
      name: "an effort on a budget model: a share of its output limit on top of max_tokens",
      model: "claude-sonnet-4-5",
      request: { parameters: { reasoningEffort: "low", maxOutputTokens: 1_000 } },
      expected: { max_tokens: 7_400, thinking: { type: "enabled", budget_tokens: 6_400 } },
    },
    { name: "effort none asks for no thinking", request: { parameters: { reasoningEffort: "none" } }, expected: { thinking: undefined } },
    {
      name: "a budget above max_tokens is added to it, as Anthropic requires",
      model: "claude-sonnet-4-5",
      request: { parameters: { reasoningBudgetTokens: 2_048, maxOutputTokens: 1_000 } },
      expected: { max_tokens: 3_048, thinking: { type: "enabled", budget_tokens: 2_048 } },
    },
    {
      name: "a budget on a model without budget thinking becomes adaptive",
      model: "claude-opus-5-5",
      request: { parameters: { reasoningBudgetTokens: 2_048, maxOutputTokens: 4_000 } },
      expected: { max_tokens: 4_000, thinking: { type: "adaptive" } },
    },
    { name: "an empty system prompt is left out", request: { messages: [{ role: "system", content: [{ type: "text", text: "" }] }, { role: "user", content: [{ type: "text", text: "x" }] }] }, expected: { system: undefined } },
    { name: "strict tools where the model enforces schemas", model: "claude-sonnet-4-5", request: { tools: [{ ...tool, strict: true }] }, expected: { tools: [{ name: "f", input_schema: { type: "object" }, strict: true }] } },
    { name: "no strict where it does not", model: "claude-sonnet-4-20250514", request: { tools: [{ ...tool, strict: true }] }, expected: { tools: [{ name: "f", input_schema: { type: "object" } }] } },
    { name: "required → any", request: { tools: [tool], toolChoice: { type: "required" } }, expected: { tool_choice: { type: "any" } } },
    { name: "parallel tool calls off without a choice", request: { tools: [tool], parameters: { parallelToolCalls: false } }, expected: { tool_choice: { type: "auto", disable_parallel_tool_use: true } } },
    { name: "no tools, no tool_choice", request: { toolChoice: { type: "auto" } }, expected: { tools: undefined, tool_choice: undefined } },
    { name: "json_object has no Anthropic form", request: { outputFormat: { type: "json_object" } }, expected: { output_config: undefined } },
    {
      name: "chat-style turns: empty text beside a call dropped, invalid JSON arguments kept under _raw, unsigned reasoning left out, an image in a tool result",
      request: {
        messages: [
          { role: "user", content: [{ type: "text", text: "go" }] },
          { role: "assistant", content: [{ type: "reasoning", text: "from another vendor" }, { type: "text", text: "" }, { type: "tool_call", id: "c1", name: "f", arguments: "{oops" }] },
          { role: "tool", toolCallId: "c1", content: [{ type: "image", url: "data:image/png;base64,AAAA" }] },
        ],
      },
      expected: {
        messages: [
          { role: "user", content: [{ type: "text", text: "go" }] },
          { role: "assistant", content: [{ type: "tool_use", id: "c1", name: "f", input: { _raw: "{oops" } }] },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "c1", content: [{ type: "image", source: { type: "base64", media_type: "image/png", data: "AAAA" } }] }] },
        ],
      },
    },
    {
      name: "a user turn before a tool result stays its own turn (results come first)",
      request: {
        messages: [
          { role: "assistant", content: [{ type: "tool_call", id: "c1", name: "f", arguments: "{}" }] },
          { role: "user", content: [{ type: "text", text: "wait" }] },
          { role: "tool", toolCallId: "c1", content: [{ type: "text", text: "done" }] },
        ],
      },
      expected: {
        messages: [
          { role: "assistant", content: [{ type: "tool_use", id: "c1", name: "f", input: {} }] },
          { role: "user", content: [{ type: "text", text: "wait" }] },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "c1", content: [{ type: "text", text: "done" }] }] },
        ],
      },
    },
  ];

  it.each(CASES)("$name", ({ model, request, expected }) => {
    const { body } = canonicalToMessagesBody({ ...base, ...request }, { modelId: model ?? "claude-sonnet-4-5", stream: false });
    for (const [field, value] of Object.entries(expected)) expect(body[field], field).toEqual(value);
  });
});
