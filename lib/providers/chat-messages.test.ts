import { describe, expect, it } from "vitest";
import { contentText, toModelMessages } from "./chat-messages";
import { countMessageTokens, countTextTokens, normaliseUsage, truncateToTokens } from "./token-count";

describe("toModelMessages", () => {
  it("keeps order and roles, joins nothing it does not need to", () => {
    expect(
      toModelMessages([
        { role: "system", content: [{ type: "text", text: "Be " }, { type: "text", text: "brief." }] },
        { role: "user", content: [{ type: "text", text: "Hi" }] },
        { role: "assistant", content: "Hello" },
      ]),
    ).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: [{ type: "text", text: "Hi" }] },
      { role: "assistant", content: "Hello" },
    ]);
  });

  it("turns OpenAI tool calls and tool results into AI SDK parts, naming the tool from its call", () => {
    const converted = toModelMessages([
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "lookup", arguments: '{"q":"x"}' } }] },
      { role: "tool", tool_call_id: "call_1", content: "42" },
    ]);
    expect(converted).toEqual([
      { role: "assistant", content: [{ type: "tool-call", toolCallId: "call_1", toolName: "lookup", input: { q: "x" } }] },
      { role: "tool", content: [{ type: "tool-result", toolCallId: "call_1", toolName: "lookup", output: { type: "text", value: "42" } }] },
    ]);
  });

  it("reads content as text", () => {
    expect(contentText(null)).toBe("");
    expect(contentText([{ type: "text", text: "a" }, { type: "text", text: "b" }])).toBe("ab");
  });
});

describe("token counting", () => {
  it("counts text that contains special-token markers instead of throwing", () => {
    expect(countTextTokens("hello <|endoftext|> world")).toBeGreaterThan(3);
    expect(countTextTokens("")).toBe(0);
  });

  it("adds OpenAI's per-message overhead", () => {
    const messages = [{ role: "user" as const, content: "hello" }];
    expect(countMessageTokens(messages)).toBe(countTextTokens("hello") + 3 + 3);
  });

  it("keeps reported counts and estimates only what is missing", () => {
    const messages = [{ role: "user" as const, content: "hello" }];
    expect(normaliseUsage({ inputTokens: 10, outputTokens: 2 }, messages, "ignored")).toEqual({ inputTokens: 10, outputTokens: 2, estimated: false });
    expect(normaliseUsage({ inputTokens: 10, outputTokens: undefined }, messages, "two words")).toEqual({
      inputTokens: 10,
      outputTokens: countTextTokens("two words"),
      estimated: true,
    });
  });

  it("truncates to a token budget", () => {
    const { text, truncated } = truncateToTokens("one two three four five six", 3);
    expect(truncated).toBe(true);
    expect(countTextTokens(text)).toBe(3);
    expect(truncateToTokens("short", 10)).toEqual({ text: "short", truncated: false });
  });
});
