import { describe, expect, it } from "vitest";
import { compileRules, DEFAULT_DETECTOR_RULES } from "@/lib/detectors";
import { analyseRequest, DEFAULT_OUTPUT_ALLOWANCE, parsePin, promptTextOf } from "./analyse";

describe("parsePin", () => {
  it.each([
    ["auto", { kind: "auto" }],
    ["", { kind: "auto" }],
    ["tier:local", { kind: "tier", tierKey: "local" }],
    ["claude-sonnet", { kind: "model", alias: "claude-sonnet" }],
  ])("reads %j", (model, pin) => expect(parsePin(model)).toEqual(pin));
});

describe("analyseRequest", () => {
  const detectors = compileRules(DEFAULT_DETECTOR_RULES);

  it("classifies every message sent upstream, system and assistant included", () => {
    const text = promptTextOf([
      { role: "system", content: "Contact ops@example.com on failure." },
      { role: "assistant", content: null, tool_calls: [{ id: "1", type: "function", function: { name: "pay", arguments: '{"card":"4242 4242 4242 4242"}' } }] },
      { role: "user", content: [{ type: "text", text: "go" }] },
    ]);
    const { analysis } = analyseRequest({ messages: [{ role: "user", content: text }], maxOutputTokens: null, requestedModel: "auto", featureKey: null, declaredDifficulty: null, declaredDataClass: null }, detectors);
    expect(analysis.findings.map((finding) => finding.type).sort()).toEqual(["email", "payment_card"]);
  });

  it("hashes the prompt and never keeps matched values in findings", () => {
    const result = analyseRequest({ messages: [{ role: "user", content: "IBAN GB82 WEST 1234 5698 7654 32 please" }], maxOutputTokens: 50, requestedModel: "tier:local", featureKey: "x", declaredDifficulty: "hard", declaredDataClass: "internal" }, detectors);
    expect(result.promptSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(result.analysis.findings)).not.toContain("WEST");
    expect(result.analysis.requestedOutputTokens).toBe(50);
    expect(result.analysis.pin).toEqual({ kind: "tier", tierKey: "local" });
  });

  it("assumes an output allowance when the caller sets no max_tokens", () => {
    const { analysis } = analyseRequest({ messages: [{ role: "user", content: "hi" }], maxOutputTokens: null, requestedModel: "auto", featureKey: null, declaredDifficulty: null, declaredDataClass: null }, detectors);
    expect(analysis.requestedOutputTokens).toBe(DEFAULT_OUTPUT_ALLOWANCE);
    expect(analysis.estimatedPromptTokens).toBeGreaterThan(0);
  });
});
