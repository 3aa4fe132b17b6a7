// A card number written the way a careful attacker writes it — any grouping, zero-width and
// Unicode separators, other scripts' digits, split over JSON items or lines — in the parts of an
// agent request the model reads back (a tool-call's arguments, a function_call_output, a
// tool_result) is restricted and stays on the local tier, end to end through the gateway with
// the official SDKs; a table of order numbers in the same place is not. Fake upstreams, real
// PostgreSQL. The detector's own cases are in lib/detectors/corpus/payment-card-layouts.ts.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startGatewayFixture, type GatewayFixture } from "./testing/gateway-fixture";

let gw: GatewayFixture;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  gw = await startGatewayFixture("card-layouts");
  await getDb().model.updateMany({ data: { supportsTools: true, supportsStructuredOutput: true, supportsImages: true, supportsReasoning: true, maxOutputTokens: null } });
  await gw.republish();
  openai = new OpenAI({ baseURL: `${gw.origin}/api/v1`, apiKey: gw.apiKey, maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: `${gw.origin}/api`, apiKey: gw.apiKey, maxRetries: 0 });
});
afterAll(async () => gw?.stop());
beforeEach(() => {
  for (const upstream of [gw.local, gw.hosted, gw.frontier]) upstream.reset();
  gw.resetHealth();
});

async function recordOf(id: string | null) {
  await gw.flushLedger();
  return getDb().decisionRecord.findUniqueOrThrow({ where: { id: id ?? "" } });
}

/** Served on local, nothing sent to the other tiers, recorded restricted for a payment card. */
async function expectKeptLocal(response: Response) {
  expect(response.headers.get("x-switchyard-tier")).toBe("local");
  expect(gw.hosted.requests).toHaveLength(0);
  expect(gw.frontier.requests).toHaveLength(0);
  const record = await recordOf(response.headers.get("x-switchyard-decision"));
  expect(record.dataClass).toBe("restricted");
  expect(record.findings).toContainEqual(expect.objectContaining({ type: "payment_card" }));
}

const LAYOUTS: Array<[string, string]> = [
  ["the reported case: a zero-width space leaving 8-4-4", "4111\u200b1111 1111 1111"],
  ["8-4-4 with plain spaces", "41111111 1111 1111"],
  ["2-14 with a no-break space", "41\u00a011111111111111"],
  ["3-3-3-3-4 with en dashes", "411\u2013111\u2013111\u2013111\u20131111"],
  ["4-4-4-4, a different separator in every gap", "4111-1111\u30001111.1111"],
  ["Arabic-Indic digits, 8-4-4", "٤١١١١١١١ ١١١١ ١١١١"],
  ["full-width digits and a line break", "４１１１１１１１\n１１１１ １１１１"],
  ["one per JSON array item", '["41111111", "1111", "1111"]'],
];

describe("a card in any layout, in a Responses function_call_output", () => {
  it.each(LAYOUTS)("%s", async (_what, card) => {
    gw.local.setReply({ text: "Handled locally." });
    const { response } = await openai.responses
      .create(
        {
          model: "auto",
          input: [
            { role: "user", content: "Look the customer up" },
            { type: "function_call", call_id: "c1", name: "lookup", arguments: "{}" },
            { type: "function_call_output", call_id: "c1", output: `card on file: ${card}` },
          ],
        },
        { headers: { "x-switchyard-difficulty": "hard" } },
      )
      .withResponse();
    await expectKeptLocal(response);
  });
});

describe("a card in any layout in the other agent parts", () => {
  it("chat completions: tool-call arguments with the card split over JSON fields of an array", async () => {
    gw.local.setReply({ text: "ok" });
    const args = JSON.stringify({ card: ["41111111", "1111", "1111"], amount: 12 });
    const { response } = await openai.chat.completions
      .create(
        {
          model: "auto",
          messages: [
            { role: "user", content: "Charge the customer" },
            { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "charge", arguments: args } }] },
            { role: "tool", tool_call_id: "call_1", content: "done" },
          ],
        },
        { headers: { "x-switchyard-difficulty": "hard" } },
      )
      .withResponse();
    await expectKeptLocal(response);
  });

  it("chat completions: a tool result with the card over two lines, 8-4-4", async () => {
    gw.local.setReply({ text: "ok" });
    const { response } = await openai.chat.completions
      .create(
        {
          model: "auto",
          messages: [
            { role: "user", content: "Look it up" },
            { role: "assistant", content: null, tool_calls: [{ id: "c", type: "function", function: { name: "lookup", arguments: "{}" } }] },
            { role: "tool", tool_call_id: "c", content: "card: 41111111\n1111 1111, exp 12/29" },
          ],
        },
        { headers: { "x-switchyard-difficulty": "hard" } },
      )
      .withResponse();
    await expectKeptLocal(response);
  });

  it("Anthropic messages: a tool_result with an Amex as 2-13, and a frontier pin is refused", async () => {
    gw.local.setReply({ text: "Refund noted." });
    const messages: Anthropic.MessageParam[] = [
      { role: "user", content: "Look up the customer's payment details." },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "lookup", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "amex 37\u00a08282246310005" }] }] },
    ];
    const { response } = await anthropic.messages.create({ model: "claude-opus-4-8", max_tokens: 100, messages }).withResponse();
    await expectKeptLocal(response);
    const pinned = await anthropic.messages.create({ model: "tier:frontier", max_tokens: 100, messages }).catch((error: unknown) => error);
    expect(pinned).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect(gw.frontier.requests).toHaveLength(0);
  });
});

describe("one card inside JSON the model receives is one finding", () => {
  // That JSON is scanned raw and decoded (lib/canonical/scanned-text.ts); a card both views see is
  // still one card, in the record and in the refusal's words.
  const lookup = { type: "object", properties: { q: { type: "string" } } } as const;

  it("chat completions: tool-call arguments, recorded once and refused as '1 payment card'", async () => {
    gw.local.setReply({ text: "ok" });
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: "user", content: "look" },
      { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "lookup", arguments: JSON.stringify({ q: "4111 1111 1111 1111" }) } }] },
      { role: "tool", tool_call_id: "c1", content: "ok" },
    ];
    const tools: OpenAI.ChatCompletionTool[] = [{ type: "function", function: { name: "lookup", parameters: lookup } }];
    const { response } = await openai.chat.completions.create({ model: "auto", tools, messages }).withResponse();
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.findings).toEqual([expect.objectContaining({ type: "payment_card", count: 1 })]);
    const pinned = await openai.chat.completions.create({ model: "tier:frontier", tools, messages }).catch((error: unknown) => error);
    expect(pinned).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((pinned as Error).message).toContain("found 1 payment card)");
  });

  it("Anthropic messages: tool_use input, recorded once", async () => {
    gw.local.setReply({ text: "ok" });
    const { response } = await anthropic.messages
      .create({
        model: "claude-opus-4-8",
        max_tokens: 50,
        tools: [{ name: "lookup", input_schema: lookup }],
        messages: [
          { role: "user", content: "look" },
          { role: "assistant", content: [{ type: "tool_use", id: "t1", name: "lookup", input: { q: "4111 1111 1111 1111" } }] },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: "ok" }] },
        ],
      })
      .withResponse();
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.findings).toEqual([expect.objectContaining({ type: "payment_card", count: 1 })]);
  });
});

describe("a table of order numbers is not a card", () => {
  it("leaves a function_call_output of order rows unrestricted", async () => {
    gw.local.setReply({ text: "ok" });
    gw.hosted.setReply({ text: "ok" });
    gw.frontier.setReply({ text: "ok" });
    // Each row holds a card-valid window of whole digit groups (lib/detectors/corpus/number-tables.ts).
    const rows = "14674769 3 924.99 881.36\n29662887 7 110.77 8415.42\n493-858-4675, 447-389-0098";
    const { response } = await openai.responses
      .create({
        model: "auto",
        input: [
          { role: "user", content: "Summarise the orders" },
          { type: "function_call", call_id: "c1", name: "orders", arguments: "{}" },
          { type: "function_call_output", call_id: "c1", output: rows },
        ],
      })
      .withResponse();
    const record = await recordOf(response.headers.get("x-switchyard-decision"));
    expect(record.findings).not.toContainEqual(expect.objectContaining({ type: "payment_card" }));
    expect(record.dataClass).not.toBe("restricted");
  });
});
