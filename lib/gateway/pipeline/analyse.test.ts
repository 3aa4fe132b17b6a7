import { describe, expect, it } from "vitest";
import type { CanonicalRequest } from "@/lib/canonical/types";
import { compileRules, DEFAULT_DETECTOR_RULES } from "@/lib/detectors";
import { analyseRequest, DEFAULT_OUTPUT_ALLOWANCE, parsePin, UNSCANNABLE_IMAGE } from "./analyse";

const text = (value: string) => ({ type: "text" as const, text: value });
const CARD = "4242 4242 4242 4242";

function request(overrides: Partial<CanonicalRequest> = {}): CanonicalRequest {
  return { messages: [{ role: "user", content: [text("go")] }], tools: [], outputFormat: { type: "text" }, parameters: {}, openaiExtras: {}, ...overrides };
}

const detectors = compileRules(DEFAULT_DETECTOR_RULES);
const analyse = (value: CanonicalRequest, model = "auto") =>
  analyseRequest({ request: value, requestedModel: model, featureKey: null, declaredDifficulty: null, declaredDataClass: null }, detectors, "confidential");
const types = (value: CanonicalRequest) => analyse(value).analysis.findings.map((finding) => finding.type).sort();

describe("parsePin", () => {
  it.each([
    ["auto", { kind: "auto" }],
    ["", { kind: "auto" }],
    ["tier:local", { kind: "tier", tierKey: "local" }],
    ["claude-sonnet", { kind: "model", alias: "claude-sonnet" }],
  ])("reads %j", (model, pin) => expect(parsePin(model)).toEqual(pin));
});

describe("analyseRequest", () => {
  it("classifies every message sent upstream, system and assistant tool calls included", () => {
    const value = request({
      messages: [
        { role: "system", content: [text("Contact ops@example.com on failure.")] },
        { role: "assistant", content: [{ type: "tool_call", id: "1", name: "pay", arguments: `{"card":"${CARD}"}` }] },
        { role: "user", content: [text("go")] },
      ],
    });
    expect(types(value)).toEqual(["email", "payment_card"]);
  });

  // Each case hides the card in exactly one part a request can carry.
  it.each<[string, Partial<CanonicalRequest>]>([
    ["a tool result", { messages: [{ role: "tool", toolCallId: "c1", content: [text(`card on file: ${CARD}`)] }] }],
    ["a tool-call id", { messages: [{ role: "assistant", content: [{ type: "tool_call", id: `call_${CARD.replace(/ /g, "")}`, name: "x", arguments: "{}" }] }] }],
    [
      "tool-call arguments written as \\u escapes",
      { messages: [{ role: "assistant", content: [{ type: "tool_call", id: "c", name: "x", arguments: `{"n":"${[..."4242424242424242"].map((d) => `\\u003${d}`).join("")}"}` }] }] },
    ],
    ["a tool description", { tools: [{ name: "charge", description: `Charges ${CARD}`, parameters: { type: "object" } }] }],
    ["a tool parameter schema", { tools: [{ name: "charge", parameters: { type: "object", properties: { card: { type: "string", default: CARD } } } }] }],
    ["a stop sequence", { parameters: { stop: [CARD] } }],
    ["a json_schema output format", { outputFormat: { type: "json_schema", name: "x", schema: { description: CARD } } }],
    ["an unknown extra field", { openaiExtras: { metadata: { note: CARD } } }],
    ["a message name", { messages: [{ role: "user", name: CARD.replace(/ /g, ""), content: [text("hi")] }] }],
    ["two text parts of one message", { messages: [{ role: "user", content: [text("4242 4242"), text(" 4242 4242")] }] }],
  ])("finds a card hidden only in %s", (_where, overrides) => {
    expect(types(request(overrides))).toContain("payment_card");
  });

  // JSON the model receives is scanned raw and decoded; one value found in both views is one finding.
  const cards = (value: CanonicalRequest) => analyse(value).analysis.findings.find((finding) => finding.type === "payment_card")?.count ?? 0;
  const call = (args: string) => request({ messages: [{ role: "assistant", content: [{ type: "tool_call", id: "c1", name: "lookup", arguments: args }] }] });
  it.each<[string, number, CanonicalRequest]>([
    ["one card in tool-call arguments", 1, call(JSON.stringify({ q: CARD }))],
    ["one card split over an array's items", 1, call(JSON.stringify({ card: ["42424242", "4242", "4242"] }))],
    ["one card written as \\u escapes (the decoded view alone sees it)", 1, call(`{"n":"${[..."4242424242424242"].map((d) => `\\u003${d}`).join("")}"}`)],
    ["one card in a tool schema", 1, request({ tools: [{ name: "charge", parameters: { type: "object", properties: { card: { type: "string", default: CARD } } } }] })],
    ["one card in an output schema", 1, request({ outputFormat: { type: "json_schema", name: "x", schema: { description: CARD } } })],
    ["one card in an unknown extra field", 1, request({ openaiExtras: { metadata: { note: CARD } } })],
    ["the same card twice in the arguments", 2, call(JSON.stringify({ from: CARD, to: CARD }))],
    ["two cards in the arguments", 2, call(JSON.stringify({ from: CARD, to: "4111 1111 1111 1111" }))],
    ["one card in the arguments and one in the user's text", 2, request({ messages: [{ role: "user", content: [text(`pay with ${CARD}`)] }, { role: "assistant", content: [{ type: "tool_call", id: "c1", name: "pay", arguments: JSON.stringify({ card: CARD }) }] }] })],
  ])("counts %s as %i", (_what, count, value) => {
    expect(cards(value)).toBe(count);
  });

  it("raises a request with an image to the unscannable-content class and counts the images", () => {
    const value = request({ messages: [{ role: "user", content: [text("what is this?"), { type: "image", url: "data:image/png;base64,iVBORw0KGgo=" }] }] });
    const finding = analyse(value).analysis.findings.find((entry) => entry.type === UNSCANNABLE_IMAGE);
    expect(finding).toMatchObject({ count: 1, dataClass: "confidential" });
    expect(analyse(value).analysis.requiredCapabilities).toEqual(["images"]);
  });

  it("names what the request needs from a model", () => {
    const value = request({
      tools: [{ name: "lookup", parameters: { type: "object" } }],
      outputFormat: { type: "json_object" },
      parameters: { reasoningEffort: "high", maxOutputTokens: 9_000 },
      openaiExtras: { logit_bias: { "50256": -100 }, metadata: { a: "b" } },
    });
    const { analysis } = analyse(value);
    expect(analysis.requiredCapabilities).toEqual(["tools", "structured_output", "reasoning"]);
    expect(analysis.openaiOnlyFields).toEqual(["logit_bias"]);
    expect(analysis.declaredOutputTokens).toBe(9_000);
  });

  it("hashes the prompt and never keeps matched values in findings", () => {
    const result = analyse(request({ messages: [{ role: "user", content: [text("IBAN GB82 WEST 1234 5698 7654 32 please")] }], parameters: { maxOutputTokens: 50 } }), "tier:local");
    expect(result.promptSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(result.analysis.findings)).not.toContain("WEST");
    expect(result.analysis.requestedOutputTokens).toBe(50);
    expect(result.analysis.pin).toEqual({ kind: "tier", tierKey: "local" });
  });

  it("assumes an output allowance when the caller sets no max_tokens", () => {
    const { analysis } = analyse(request());
    expect(analysis.requestedOutputTokens).toBe(DEFAULT_OUTPUT_ALLOWANCE);
    expect(analysis.declaredOutputTokens).toBeNull();
    expect(analysis.estimatedPromptTokens).toBeGreaterThan(0);
  });
});
