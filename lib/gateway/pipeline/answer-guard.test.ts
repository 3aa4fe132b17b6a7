import { describe, expect, it } from "vitest";
import type { StreamPart } from "@/lib/canonical/types";
import { compileRules, DEFAULT_DETECTOR_RULES } from "@/lib/detectors";
import { answerFindings, HOLD_BACK_CHARS, maskAnswer, maskStream, type AnswerRules } from "./answer-guard";

const detectors = compileRules(DEFAULT_DETECTOR_RULES);
const masking: AnswerRules = { detectors, masked: new Set(["payment_card"]) };
const counting: AnswerRules = { detectors, masked: new Set() };
const CARD = "4111 1111 1111 1111";

async function drain(parts: StreamPart[], rules: AnswerRules): Promise<string> {
  async function* source() {
    yield* parts;
  }
  let text = "";
  for await (const part of maskStream(source(), rules)) if (part.type === "text") text += part.text;
  return text;
}

describe("answer guard", () => {
  it("counts what the answer holds, text and tool-call arguments, without values", () => {
    const found = answerFindings(
      [
        { type: "text", text: `Your card ${CARD} is on file; write to ops@example.com` },
        { type: "tool_call", id: "c", name: "charge", arguments: `{"card":"${CARD}"}` },
      ],
      masking,
    );
    expect(found).toEqual(expect.arrayContaining([{ type: "payment_card", count: 2, masked: true }, { type: "email", count: 1, masked: false }]));
    expect(JSON.stringify(found)).not.toContain("4111");
  });

  it("masks the configured types in a JSON answer and leaves the rest", () => {
    const [part] = maskAnswer([{ type: "text", text: `Card ${CARD}, mail ops@example.com.` }], masking);
    expect(part).toEqual({ type: "text", text: "Card [masked payment_card], mail ops@example.com." });
    expect(maskAnswer([{ type: "text", text: CARD }], counting)).toEqual([{ type: "text", text: CARD }]);
  });

  it("masks a card split across stream chunks, and loses no text", async () => {
    const filler = "x".repeat(HOLD_BACK_CHARS * 2);
    const parts: StreamPart[] = [
      { type: "text", text: `${filler} your card is 4111 11` },
      { type: "text", text: "11 1111 1111 thanks " },
      { type: "text", text: filler },
      { type: "finish", finishReason: "stop", usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false } },
    ];
    expect(await drain(parts, masking)).toBe(`${filler} your card is [masked payment_card] thanks ${filler}`);
    expect(await drain(parts, counting)).toBe(`${filler} your card is ${CARD} thanks ${filler}`);
  });
});
