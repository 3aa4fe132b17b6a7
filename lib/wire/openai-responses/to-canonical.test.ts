import { describe, expect, it } from "vitest";
import { responsesBodySchema } from "./request-schema";
import { outputItems } from "./response-body";
import { responsesBodyToCanonical, ToolNames } from "./to-canonical";

const parse = (body: Record<string, unknown>) => responsesBodySchema.parse({ model: "auto", ...body });
const canonical = (body: Record<string, unknown>, names = new ToolNames()) => responsesBodyToCanonical(parse(body), names);

describe("a Responses body as the canonical request", () => {
  it("puts instructions first and reads a string input as one user message", () => {
    expect(canonical({ instructions: "Be brief.", input: "Hi" }).messages).toEqual([
      { role: "system", content: [{ type: "text", text: "Be brief." }] },
      { role: "user", content: [{ type: "text", text: "Hi" }] },
    ]);
  });

  it("joins reasoning, text and function calls of one assistant turn, and reads outputs as tool results", () => {
    const request = canonical({
      input: [
        { role: "developer", content: "Use tools." },
        { role: "user", content: [{ type: "input_text", text: "Weather?" }, { type: "input_image", image_url: "https://example.com/a.png", detail: "low" }] },
        { type: "reasoning", id: "rs_1", summary: [{ type: "summary_text", text: "Need the tool." }] },
        { type: "message", role: "assistant", content: [{ type: "output_text", text: "Checking." }] },
        { type: "function_call", call_id: "c1", name: "get_weather", arguments: '{"city":"Paris"}' },
        { type: "function_call_output", call_id: "c1", output: [{ type: "input_text", text: "sunny" }] },
      ],
    });
    expect(request.messages).toEqual([
      { role: "system", content: [{ type: "text", text: "Use tools." }] },
      { role: "user", content: [{ type: "text", text: "Weather?" }, { type: "image", url: "https://example.com/a.png", detail: "low" }] },
      {
        role: "assistant",
        content: [
          { type: "reasoning", text: "Need the tool." },
          { type: "text", text: "Checking." },
          { type: "tool_call", id: "c1", name: "get_weather", arguments: '{"city":"Paris"}' },
        ],
      },
      { role: "tool", toolCallId: "c1", content: [{ type: "text", text: "sunny" }] },
    ]);
  });

  it("flattens namespace tools to names every upstream accepts, and maps the model's calls back", () => {
    const names = new ToolNames();
    const request = canonical(
      {
        input: "Spawn one",
        tools: [
          { type: "function", name: "exec_command", parameters: { type: "object" } },
          { type: "namespace", name: "agents", description: "Sub-agents.", tools: [{ type: "function", name: "spawn", description: "Start one." }] },
        ],
        tool_choice: { type: "function", name: "exec_command" },
      },
      names,
    );
    expect(request.tools.map((tool) => [tool.name, tool.description])).toEqual([
      ["exec_command", undefined],
      ["agents__spawn", "Sub-agents.\nStart one."],
    ]);
    expect(request.toolChoice).toEqual({ type: "tool", name: "exec_command" });
    const [call] = outputItems([{ type: "tool_call", id: "c9", name: "agents__spawn", arguments: "{}" }], "0190-aa", names);
    expect(call).toMatchObject({ type: "function_call", call_id: "c9", name: "spawn", namespace: "agents" });
  });

  it("maps settings onto canonical parameters and OpenAI extras of the same meaning", () => {
    const request = canonical({ input: "x", max_output_tokens: 200, temperature: 0.2, top_p: 0.9, parallel_tool_calls: false, reasoning: { effort: "high" }, safety_identifier: "u1", prompt_cache_key: "k", text: { verbosity: "low", format: { type: "json_object" } } });
    expect(request.parameters).toEqual({ maxOutputTokens: 200, temperature: 0.2, topP: 0.9, parallelToolCalls: false, reasoningEffort: "high", user: "u1" });
    expect(request.openaiExtras).toEqual({ prompt_cache_key: "k", verbosity: "low" });
    expect(request.outputFormat).toEqual({ type: "json_object" });
  });

  it.each([
    [{ previous_response_id: "resp_1" }, "stateless"],
    [{ store: true }, "stateless"],
    [{ input: [{ type: "item_reference", id: "msg_1" }] }, "stateless"],
    [{ tools: [{ type: "file_search" }] }, "run at OpenAI"],
    [{ background: true }, "foreground"],
    [{ frobnicate: 1 }, "frobnicate"],
    [{ input: [{ role: "user", content: [{ type: "input_file", file_id: "f" }] }] }, "input_file"],
  ])("refuses %j naming why", (body, words) => {
    const result = responsesBodySchema.safeParse({ model: "auto", input: "x", ...body });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(words);
  });

  it("refuses an image in a system turn", () => {
    expect(() => canonical({ input: [{ role: "system", content: [{ type: "input_image", image_url: "https://example.com/a.png" }] }] })).toThrow("system messages hold text only");
  });
});
