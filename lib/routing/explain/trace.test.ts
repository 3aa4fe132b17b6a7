import { describe, it, expect } from "vitest";
import { decide } from "../decide";
import { describeFindings } from "./finding-names";
import { fixtureAnalysis, fixtureFinding, fixtureLive, fixtureSnapshot } from "../fixtures";
import { toOpenAiError } from "./refusal";
import { keywordMatches } from "../constraints/rules";
import { fallbackTraceLine } from "./trace";
import { formatUsd, listWords } from "./wording";

describe("fallbackTraceLine", () => {
  const local = { alias: "llama-3.1-8b", providerKey: "ollama-lab", tierKey: "local" };
  const gemma = { alias: "gemma-2-9b", providerKey: "ollama-lab", tierKey: "local" };
  const hosted = { alias: "deepseek-v3", providerKey: "deepseek", tierKey: "hosted-open" };

  it.each([
    [local, gemma, "timeout", "llama-3.1-8b (ollama-lab, local tier) failed before the first byte: it timed out; falling back to gemma-2-9b (ollama-lab) on the same tier."],
    [
      gemma,
      hosted,
      "rate_limit",
      "gemma-2-9b (ollama-lab, local tier) failed before the first byte: it was rate-limited; falling back to deepseek-v3 (deepseek) moving from the local tier to the hosted-open tier, which this request's data class also allows.",
    ],
    [hosted, null, "server_error", "deepseek-v3 (deepseek, hosted-open tier) failed before the first byte: the provider returned a server error; no candidates are left."],
    [local, gemma, "teapot", 'llama-3.1-8b (ollama-lab, local tier) failed before the first byte: it failed ("teapot"); falling back to gemma-2-9b (ollama-lab) on the same tier.'],
  ] as const)("%o → %o on %s", (from, to, kind, line) => {
    expect(fallbackTraceLine(from, to, kind)).toBe(line);
  });
});

describe("wording helpers", () => {
  it("lists, money and findings read naturally", () => {
    expect(listWords([])).toBe("");
    expect(listWords(["a"])).toBe("a");
    expect(listWords(["a", "b"])).toBe("a and b");
    expect(listWords(["a", "b", "c"], "or")).toBe("a, b or c");
    expect(formatUsd(500)).toBe("$500.00");
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(0.000412345)).toBe("$0.000412");
    expect(
      describeFindings([
        fixtureFinding("payment_card", "restricted"),
        fixtureFinding("email", "confidential", 2),
        fixtureFinding("email", "confidential", 1),
        fixtureFinding("rule:project-bluebird", "confidential"),
        fixtureFinding("passport_number", "restricted", 2),
      ]),
    ).toBe('1 payment card, 3 email addresses, 1 match of rule "project-bluebird" and 2 passport number findings');
  });

  it.each([
    ["Please review the SQL.", "sql", true],
    ["mysql is down", "sql", false],
    ["Run SQL_QUERY now", "sql", false],
    ["a due   diligence pack", "due diligence", true],
    ["über-Vertrag prüfen", "vertrag", true],
    ["Vertragsentwurf", "vertrag", false],
    ["what about C++?", "c++", true],
    ["anything", "  ", false],
  ])("keywordMatches(%j, %j) = %s", (text, keyword, expected) => {
    expect(keywordMatches(text, keyword)).toBe(expected);
  });
});

describe("refusals in OpenAI's error shape", () => {
  it("maps a refusal to { error: { message, type, param, code } }", () => {
    const decision = decide(fixtureAnalysis({ pin: { kind: "model", alias: "gpt-9" } }), fixtureSnapshot(), fixtureLive());
    if (decision.outcome.kind !== "refused") throw new Error("expected a refusal");
    expect(toOpenAiError(decision.outcome.refusal)).toEqual({
      error: { message: "The model 'gpt-9' does not exist.", type: "invalid_request_error", param: "model", code: "model_not_found" },
    });
  });
});

describe("a whole trace, as an auditor reads it", () => {
  it("explains a confidential request with a long prompt, step by step", () => {
    const decision = decide(
      fixtureAnalysis({
        featureKey: "support-bot",
        findings: [fixtureFinding("email", "confidential", 2)],
        estimatedPromptTokens: 9_000,
        requestedOutputTokens: 1_000,
      }),
      fixtureSnapshot(),
      fixtureLive({ monthToDateSpendUsdByFeature: { "support-bot": 42 }, openCircuitProviderKeys: ["deepseek"] }),
    );
    expect(decision.trace).toEqual([
      "Request for feature Support bot (team Customer Care).",
      "Found 2 email addresses → data class confidential (may use: local, hosted-open).",
      "Feature Support bot has spent $42.00 of its $500.00 monthly budget.",
      'Rule "Long prompts to hosted open-weight" matched (prompt of 9,000 tokens ≥ 6,000) → at least the hosted-open tier.',
      "Difficulty routine (the default of feature Support bot) needs the local tier or above.",
      'Tier in force: hosted-open only (rule "Long prompts to hosted open-weight" needs the hosted-open tier or above; data class confidential allows nothing above the hosted-open tier).',
      "gpt-4o and claude-sonnet rejected: data class confidential may use only the local and hosted-open tiers.",
      "qwen-2.5-3b rejected: the Qwen Research licence forbids commercial use, and feature Support bot is commercial.",
      "llama-3.1-8b rejected: 9,000 prompt + 1,000 output tokens exceed its 8,192-token window.",
      "gemma-2-9b rejected: 9,000 prompt + 1,000 output tokens exceed its 8,192-token window.",
      "deepseek-v3 rejected: provider deepseek is failing (circuit open).",
      "Candidates, in order: llama-3.1-70b (hosted-open, est. $0.0088).",
      'llama-3.1-70b is under the Llama 3.1 Community licence, which allows commercial use with conditions — see its notes: Llama 3.1 Acceptable Use Policy applies; display "Built with Llama".',
      // deepseek-v3's outage moved the choice within the tier; off local it was the length rule.
      'llama-3.1-70b is above the local tier, the cheapest data class confidential allows, because rule "Long prompts to hosted open-weight" needs the hosted-open tier or above.',
    ]);
    expect(decision.escalation).toBe("rule");
  });
});

describe("purity", () => {
  it("gives the same decision twice and never mutates its inputs", () => {
    const snapshot = fixtureSnapshot();
    const analysis = fixtureAnalysis({ featureKey: "support-bot", promptText: "sql and a contract" });
    const live = fixtureLive({ monthToDateSpendUsdByFeature: { "support-bot": 900 } });
    const before = JSON.stringify([snapshot, analysis, live]);
    const first = decide(analysis, snapshot, live);
    expect(decide(analysis, snapshot, live)).toEqual(first);
    expect(JSON.stringify([snapshot, analysis, live])).toBe(before);
  });
});
