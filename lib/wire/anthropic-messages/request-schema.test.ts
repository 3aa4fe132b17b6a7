import { describe, expect, it } from "vitest";
import { parseOrThrow } from "@/lib/http/validation";
import { messagesBodySchema } from "./request-schema";

const body = (maxTokens: unknown) => ({ model: "auto", messages: [{ role: "user", content: "hi" }], ...(maxTokens === undefined ? {} : { max_tokens: maxTokens }) });
const messageFor = (value: unknown) => {
  try {
    parseOrThrow(messagesBodySchema, body(value));
    return "accepted";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("max_tokens on /v1/messages", () => {
  // Each failure says what is wrong, as chat completions does; "is required" only when it is missing.
  it.each<[unknown, string]>([
    [undefined, "Invalid body field 'max_tokens': max_tokens is required: the most tokens the answer may have"],
    [100_000_000, "Invalid body field 'max_tokens': Too big: expected number to be <=1000000"],
    [0, "Invalid body field 'max_tokens': Too small: expected number to be >0"],
    [1.5, "Invalid body field 'max_tokens': Invalid input: expected int, received number"],
    ["64", "Invalid body field 'max_tokens': Invalid input: expected number, received string"],
  ])("max_tokens %j → %s", (value, message) => {
    expect(messageFor(value)).toBe(message);
  });

  it("accepts a positive integer up to a million", () => {
    expect(messageFor(1_000_000)).toBe("accepted");
  });
});
