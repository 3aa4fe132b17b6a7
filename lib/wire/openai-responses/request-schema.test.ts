import { describe, expect, it } from "vitest";
import { responsesBodySchema } from "./request-schema";

/** Each problem as "path: message", or "accepted". */
function problems(extra: Record<string, unknown>): string {
  const parsed = responsesBodySchema.safeParse({ model: "auto", input: "hi", ...extra });
  return parsed.success ? "accepted" : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join(" | ");
}

// A field's own message is for the failure it describes; a bad part inside it is named at its path.
describe("Responses request problems say what is wrong", () => {
  it("input: a bad item in a list is named at the item, not as 'a string or a list'", () => {
    expect(problems({ input: [{ role: "wizard", content: "hi" }] })).toBe("input.0.role: role must be user, assistant, system or developer");
    expect(problems({ input: [{ type: "function_call", call_id: "c1", name: "lookup" }] })).toBe("input.0.arguments: Invalid input: expected string, received undefined");
    expect(problems({ input: [{ role: "user", content: [{ type: "input_file", file_id: "f" }] }] })).toBe(
      "input.0.content.0: input_file content is not supported by Switchyard; send input_text or input_image parts",
    );
  });

  it("input: the field's and the item's own messages where they apply", () => {
    expect(problems({ input: 5 })).toBe("input: input must be a string or a list of input items");
    expect(problems({ input: [] })).toBe("input: input must hold at least one item");
    expect(problems({ input: [{ type: "file_search_call" }] })).toBe("input.0: an input item must be a message, function_call, function_call_output or reasoning item");
    expect(problems({ input: [{ type: "item_reference", id: "msg_1" }] })).toMatch(/^input\.0: item_reference needs state kept by the server/);
  });

  it("input: strings and item lists still parse", () => {
    expect(problems({})).toBe("accepted");
    const parsed = responsesBodySchema.parse({
      model: "auto",
      input: [
        { role: "user", content: "Look it up" },
        { type: "function_call", call_id: "c1", name: "lookup", arguments: "{}" },
        { type: "function_call_output", call_id: "c1", output: "ok" },
        { type: "reasoning", summary: [] },
      ],
    });
    expect(Array.isArray(parsed.input) && parsed.input.length).toBe(4);
  });

  it("a namespace's tools: over 512 says so; not a list keeps the namespace message", () => {
    const many = Array.from({ length: 513 }, (_, i) => ({ type: "function", name: `f${i}` }));
    expect(problems({ tools: [{ type: "namespace", name: "agents", tools: many }] })).toBe("tools.0.tools: Too big: expected array to have <=512 items");
    expect(problems({ tools: [{ type: "namespace", name: "agents", tools: 5 }] })).toBe("tools.0.tools: a namespace holds function tools only");
  });
});
