import { describe, expect, it } from "vitest";
import { validationError } from "@/lib/http/validation";
import { canonicalToChatBody } from "./from-canonical";
import { chatCompletionsBodySchema } from "./request-schema";
import { chatBodyToCanonical } from "./to-canonical";

function parse(body: unknown) {
  const parsed = chatCompletionsBodySchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return chatBodyToCanonical(parsed.data);
}

const agentTurn = {
  model: "auto",
  messages: [
    { role: "developer", content: "Use tools." },
    { role: "user", content: [{ type: "text", text: "Weather in Paris?" }, { type: "image_url", image_url: { url: "https://example.com/sky.png", detail: "low" } }] },
    { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
    { role: "tool", tool_call_id: "call_1", content: "sunny" },
  ],
  tools: [{ type: "function", function: { name: "get_weather", description: "Weather", parameters: { type: "object", properties: { city: { type: "string" } } }, strict: true } }],
  tool_choice: "auto",
  parallel_tool_calls: false,
  response_format: { type: "json_schema", json_schema: { name: "w", schema: { type: "object" }, strict: true } },
  max_completion_tokens: 300,
  stop: "END",
  reasoning_effort: "low",
  metadata: { run: "42" },
  store: false,
  some_new_field: { kept: true },
};

describe("chat completions → canonical → chat completions", () => {
  it("keeps every part, tool and setting, and the fields it does not read", () => {
    const request = parse(agentTurn);
    expect(request.messages.map((message) => message.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(request.messages[1]?.content[1]).toEqual({ type: "image", url: "https://example.com/sky.png", detail: "low" });
    expect(request.tools[0]).toMatchObject({ name: "get_weather", strict: true });
    expect(request.outputFormat).toMatchObject({ type: "json_schema", name: "w", strict: true });
    expect(request.parameters).toMatchObject({ maxOutputTokens: 300, stop: ["END"], parallelToolCalls: false, reasoningEffort: "low" });
    expect(request.openaiExtras).toEqual({ metadata: { run: "42" }, store: false, some_new_field: { kept: true } });

    const body = canonicalToChatBody(request, { modelId: "gpt-x", stream: true, maxTokensField: "max_completion_tokens" });
    expect(body).toMatchObject({
      model: "gpt-x",
      max_completion_tokens: 300,
      tool_choice: "auto",
      parallel_tool_calls: false,
      response_format: agentTurn.response_format,
      metadata: { run: "42" },
      some_new_field: { kept: true },
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(body.messages).toEqual([
      { role: "system", content: "Use tools." },
      { role: "user", content: [{ type: "text", text: "Weather in Paris?" }, { type: "image_url", image_url: { url: "https://example.com/sky.png", detail: "low" } }] },
      { role: "assistant", content: null, tool_calls: agentTurn.messages[2]!.tool_calls },
      { role: "tool", tool_call_id: "call_1", content: "sunny" },
    ]);
  });

  it("never lets an extra field override what Switchyard sets, nor a __proto__ key reach the body's prototype", () => {
    const request = parse(JSON.parse('{"model":"auto","messages":[{"role":"user","content":"hi"}],"__proto__":{"polluted":true}}'));
    expect(Object.keys(request.openaiExtras)).toEqual([]);
    const body = canonicalToChatBody({ ...request, openaiExtras: { model: "attacker", messages: [] } }, { modelId: "real", stream: false, maxTokensField: "max_tokens" });
    expect(body.model).toBe("real");
    expect(body.messages).toHaveLength(1);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each([
    [{ logprobs: true }, "logprobs"],
    [{ top_logprobs: 3 }, "top_logprobs"],
    [{ n: 2 }, "n"],
    [{ modalities: ["text", "audio"] }, "modalities.1"],
    [{ functions: [{ name: "f" }] }, "functions"],
    [{ tools: [{ type: "custom", custom: { name: "x" } }] }, "tools.0"],
    [{ messages: [{ role: "user", content: [{ type: "input_audio", input_audio: {} }] }] }, "messages.0.content"],
    [{ messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "file:///etc/passwd" } }] }] }, "messages.0.content"],
    [{ response_format: { type: "grammar" } }, "response_format"],
  ])("refuses %j with a 400 naming %s", (patch, param) => {
    let error: unknown;
    try {
      parse({ model: "auto", messages: [{ role: "user", content: "hi" }], ...patch });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ status: 400 });
    expect((error as { extra: { param?: string } }).extra.param?.startsWith(param)).toBe(true);
  });
});
