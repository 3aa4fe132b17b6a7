import { describe, expect, it } from "vitest";
import { validationError } from "@/lib/http/validation";
import { eventWriter } from "./events";
import { messageBody } from "./message";
import { messagesBodySchema } from "./request-schema";
import { messagesBodyToCanonical } from "./to-canonical";

function parse(body: unknown) {
  const parsed = messagesBodySchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return messagesBodyToCanonical(parsed.data, { version: "2023-06-01", beta: "context-1m-2025-08-07" });
}

const usage = { inputTokens: 100, outputTokens: 7, cachedInputTokens: 60, cacheWriteTokens: 10, reasoningTokens: 0, estimated: false };

describe("Messages body → canonical request", () => {
  it("splits tool results out of the user turn, keeps thinking, cache marks and mid-conversation system messages", () => {
    const request = parse({
      model: "claude-opus-4-8",
      max_tokens: 500,
      system: [{ type: "text", text: "Be careful.", cache_control: { type: "ephemeral", ttl: "1h" } }],
      messages: [
        { role: "user", content: "Read the file." },
        { role: "assistant", content: [{ type: "thinking", thinking: "Use Read.", signature: "s" }, { type: "tool_use", id: "toolu_1", name: "Read", input: { path: "a" } }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "file text", is_error: false }, { type: "text", text: "And then?" }] },
        { role: "system", content: "Reminder." },
      ],
      tools: [{ name: "Read", input_schema: { type: "object", properties: {} }, cache_control: { type: "ephemeral" } }],
      tool_choice: { type: "any", disable_parallel_tool_use: true },
      thinking: { type: "enabled", budget_tokens: 8_000 },
      metadata: { user_id: "u-1" },
      top_k: 5,
      context_management: { edits: [] },
      output_config: { effort: "high" },
    });
    expect(request.messages).toEqual([
      { role: "system", content: [{ type: "text", text: "Be careful.", cache: { type: "ephemeral", ttl: "1h" } }] },
      { role: "user", content: [{ type: "text", text: "Read the file." }] },
      { role: "assistant", content: [{ type: "reasoning", text: "Use Read.", signature: "s" }, { type: "tool_call", id: "toolu_1", name: "Read", arguments: '{"path":"a"}' }] },
      { role: "tool", toolCallId: "toolu_1", content: [{ type: "text", text: "file text" }] },
      { role: "user", content: [{ type: "text", text: "And then?" }] },
      { role: "system", content: [{ type: "text", text: "Reminder." }] },
    ]);
    expect(request.tools).toEqual([{ name: "Read", parameters: { type: "object", properties: {} }, cache: { type: "ephemeral" } }]);
    expect(request.toolChoice).toEqual({ type: "required" });
    expect(request.parameters).toEqual({ maxOutputTokens: 500, topK: 5, user: "u-1", parallelToolCalls: false, reasoningBudgetTokens: 8_000, reasoningEffort: "medium" });
    expect(request.anthropicHeaders).toEqual({ version: "2023-06-01", beta: "context-1m-2025-08-07" });
  });

  it("reads adaptive thinking as no reasoning requirement", () => {
    const request = parse({ model: "x", max_tokens: 10, messages: [{ role: "user", content: "hi" }], thinking: { type: "adaptive" } });
    expect(request.parameters.reasoningEffort).toBeUndefined();
  });

  it.each([
    [{ max_tokens: undefined }, "max_tokens"],
    [{ tools: [{ type: "web_search_20250305", name: "web_search" }] }, "tools.0"],
    [{ messages: [{ role: "user", content: [{ type: "document", source: {} }] }] }, "messages.0.content"],
    [{ messages: [{ role: "tool", content: "x" }] }, "messages.0"],
    [{ thinking: { type: "enabled", budget_tokens: 10 } }, "thinking.budget_tokens"],
    [{ mcp_servers: [{ url: "https://x" }] }, "mcp_servers"],
  ])("refuses %j with a 400 naming %s", (patch, param) => {
    let error: unknown;
    try {
      parse({ model: "auto", max_tokens: 10, messages: [{ role: "user", content: "hi" }], ...patch });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ status: 400 });
    expect((error as { extra: { param?: string } }).extra.param?.startsWith(param)).toBe(true);
  });
});

describe("canonical answer → Messages answer", () => {
  it("counts input_tokens apart from cache reads and writes, and keeps invalid tool JSON", () => {
    const body = messageBody({
      decisionId: "0190-ab",
      model: "claude-sonnet",
      result: { content: [{ type: "text", text: "Hi" }, { type: "tool_call", id: "t1", name: "f", arguments: "{bad" }], finishReason: "tool_calls", usage },
    });
    expect(body).toMatchObject({
      id: "msg_0190ab",
      stop_reason: "tool_use",
      content: [{ type: "text", text: "Hi" }, { type: "tool_use", id: "t1", name: "f", input: { _raw: "{bad" } }],
      usage: { input_tokens: 30, output_tokens: 7, cache_read_input_tokens: 60, cache_creation_input_tokens: 10 },
    });
  });

  it("streams one block at a time: thinking, text, then each tool call", () => {
    const writer = eventWriter({ decisionId: "d", model: "m" });
    const events = [
      ...writer.start(),
      ...writer.write({ type: "reasoning", text: "hmm" }),
      ...writer.write({ type: "text", text: "A" }),
      ...writer.write({ type: "text", text: "B" }),
      ...writer.write({ type: "tool_call_start", index: 0, id: "t1", name: "f" }),
      ...writer.write({ type: "tool_call_delta", index: 0, arguments: '{"a":' }),
      ...writer.write({ type: "tool_call_delta", index: 0, arguments: "1}" }),
      ...writer.write({ type: "finish", finishReason: "tool_calls", usage }),
    ];
    expect(events.map((event) => [event.type, event.index ?? null, (event.delta as { type?: string } | undefined)?.type ?? null])).toEqual([
      ["message_start", null, null],
      ["ping", null, null],
      ["content_block_start", 0, null],
      ["content_block_delta", 0, "thinking_delta"],
      ["content_block_stop", 0, null],
      ["content_block_start", 1, null],
      ["content_block_delta", 1, "text_delta"],
      ["content_block_delta", 1, "text_delta"],
      ["content_block_stop", 1, null],
      ["content_block_start", 2, null],
      ["content_block_delta", 2, "input_json_delta"],
      ["content_block_delta", 2, "input_json_delta"],
      ["content_block_stop", 2, null],
      ["message_delta", null, null],
      ["message_stop", null, null],
    ]);
    expect(events.at(-2)).toMatchObject({ delta: { stop_reason: "tool_use" }, usage: { input_tokens: 30, cache_read_input_tokens: 60 } });
  });
});
