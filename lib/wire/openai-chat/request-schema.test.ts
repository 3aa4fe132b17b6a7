import { describe, expect, it } from "vitest";
import { chatCompletionsBodySchema } from "./request-schema";

function problems(extra: Record<string, unknown>): string {
  const parsed = chatCompletionsBodySchema.safeParse({ model: "auto", messages: [{ role: "user", content: "hi" }], ...extra });
  return parsed.success ? "accepted" : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join(" | ");
}

describe("tools on chat completions", () => {
  it("over 512 says so; a value that is not a list keeps the field's message", () => {
    const many = Array.from({ length: 513 }, (_, i) => ({ type: "function", function: { name: `f${i}` } }));
    expect(problems({ tools: many })).toBe("tools: Too big: expected array to have <=512 items");
    expect(problems({ tools: 5 })).toBe("tools: tools must be a list of { type: 'function', function: { name, parameters } } (custom tools are not supported)");
    expect(problems({ tools: many.slice(0, 512) })).toBe("accepted");
  });
});
