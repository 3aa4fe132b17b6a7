import { describe, it, expect } from "vitest";
import { decide } from "./decide";
import { dataClassRank } from "./constraints/data-class";
import { fixtureAnalysis, fixtureFinding, fixtureLive, fixtureSnapshot } from "./fixtures";
import { DATA_CLASSES, type Analysis, type CallerPin, type DataClassKey, type LiveState } from "./types";

const card = fixtureFinding("payment_card", "restricted");
const aliasesOf = (decision: ReturnType<typeof decide>) => decision.candidates.map((candidate) => candidate.alias);
const reasonsOf = (decision: ReturnType<typeof decide>) =>
  Object.fromEntries(decision.rejected.map((rejection) => [rejection.alias, rejection.reason]));

describe("fail-closed: restricted data never leaves the local tier", () => {
  it("refuses a frontier tier pin with 403 naming the class and the tier", () => {
    const decision = decide(
      fixtureAnalysis({ findings: [card], pin: { kind: "tier", tierKey: "frontier" } }),
      fixtureSnapshot(),
      fixtureLive(),
    );
    expect(decision.outcome).toEqual({
      kind: "refused",
      refusal: {
        status: 403,
        code: "data_class_forbidden",
        type: "permission_error",
        message: "Data class restricted (found 1 payment card) may use only the local tier; the request pins the frontier tier.",
        constraint: "data_class",
        retryAfterSeconds: null,
      },
    });
    expect(decision.candidates).toEqual([]);
    expect(decision.dataClass.key).toBe("restricted");
  });

  it("refuses a pinned frontier model with 403 naming the model's tier", () => {
    const decision = decide(fixtureAnalysis({ findings: [card], pin: { kind: "model", alias: "gpt-4o" } }), fixtureSnapshot(), fixtureLive());
    expect(decision.outcome.kind === "refused" && decision.outcome.refusal).toMatchObject({
      status: 403,
      code: "data_class_forbidden",
      message: "Data class restricted (found 1 payment card) may use only the local tier; the pinned model gpt-4o is on the frontier tier.",
    });
  });

  it("returns 503 when every local model's circuit is open — and never offers a hosted model", () => {
    const decision = decide(
      fixtureAnalysis({ featureKey: "hr-assistant" }),
      fixtureSnapshot(),
      fixtureLive({ openCircuitProviderKeys: ["ollama-lab", "vllm-lab"] }),
    );
    expect(decision.candidates).toEqual([]);
    expect(decision.outcome).toEqual({
      kind: "refused",
      refusal: {
        status: 503,
        code: "no_candidate",
        type: "server_error",
        message:
          "No model can serve this request: data class restricted allows only the local tier, and providers ollama-lab and vllm-lab are failing (circuit open).",
        constraint: "circuit_open",
        retryAfterSeconds: null,
      },
    });
    expect(reasonsOf(decision)).toEqual({
      "llama-3.1-8b": "circuit_open",
      "gemma-2-9b": "circuit_open",
      "qwen-2.5-3b": "circuit_open",
      "deepseek-v3": "data_class",
      "llama-3.1-70b": "data_class",
      "gpt-4o": "data_class",
      "claude-sonnet": "data_class",
    });
  });

  it("keeps a restricted feature on local under a budget downgrade (the budget never widens the class)", () => {
    const decision = decide(
      fixtureAnalysis({ featureKey: "hr-assistant", declaredDifficulty: "hard" }),
      fixtureSnapshot(),
      fixtureLive({ monthToDateSpendUsdByFeature: { "hr-assistant": 250 } }),
    );
    expect(decision.outcome).toEqual({ kind: "ok" });
    expect(aliasesOf(decision)).toEqual(["llama-3.1-8b", "gemma-2-9b", "qwen-2.5-3b"]);
    expect(decision.budget).toMatchObject({ exceeded: true, effect: "downgraded", monthToDateSpendUsd: 250, monthlyBudgetUsd: 200 });
    expect(decision.minTier).toMatchObject({ tierKey: "local", source: "budget" });
    // Dearer models are out for the class, which is checked before the budget.
    expect(new Set(decision.rejected.map((rejection) => rejection.reason))).toEqual(new Set(["data_class"]));
  });

  it("refuses with 400 context_length_exceeded naming context when a restricted prompt fits no local window, even over budget (a retry cannot help)", () => {
    const analysis = fixtureAnalysis({ featureKey: "hr-assistant", estimatedPromptTokens: 40_000, requestedOutputTokens: 1_024 });
    for (const live of [fixtureLive(), fixtureLive({ monthToDateSpendUsdByFeature: { "hr-assistant": 999 } })]) {
      const decision = decide(analysis, fixtureSnapshot(), live);
      expect(decision.candidates).toEqual([]);
      expect(decision.outcome).toEqual({
        kind: "refused",
        refusal: {
          status: 400,
          code: "context_length_exceeded",
          type: "invalid_request_error",
          message:
            "No model can serve this request: data class restricted allows only the local tier, and its models' 8,192- and 32,768-token windows are smaller than the 41,024 tokens needed.",
          constraint: "context_window",
          retryAfterSeconds: null,
        },
      });
    }
  });

  it("ignores a rule pin to a hosted model for restricted data instead of refusing (the caller did not ask)", () => {
    const decision = decide(
      fixtureAnalysis({ findings: [card], featureKey: "hr-assistant", promptText: "Write the SQL for the payroll export" }),
      fixtureSnapshot(),
      fixtureLive(),
    );
    expect(decision.outcome).toEqual({ kind: "ok" });
    expect(decision.pin).toBeNull();
    expect(aliasesOf(decision)).toEqual(["llama-3.1-8b", "gemma-2-9b", "qwen-2.5-3b"]);
    expect(decision.trace).toContain(
      'Rule "SQL questions to DeepSeek" pins model deepseek-v3, but data class restricted may use only the local tier; the pin is ignored.',
    );
  });
});

describe("fail-closed: no combination of pin, feature, size, budget or outage escapes the class", () => {
  const snapshot = fixtureSnapshot();
  const pins: CallerPin[] = [
    { kind: "auto" },
    ...snapshot.tiers.map((tier): CallerPin => ({ kind: "tier", tierKey: tier.key })),
    ...snapshot.models.map((model): CallerPin => ({ kind: "model", alias: model.alias })),
  ];
  const overBudget = Object.fromEntries(snapshot.features.map((feature) => [feature.key, 1_000_000]));
  const lives: LiveState[] = [
    fixtureLive(),
    fixtureLive({ openCircuitProviderKeys: ["ollama-lab", "vllm-lab"] }),
    fixtureLive({ openCircuitProviderKeys: ["ollama-lab", "vllm-lab", "deepseek", "together"] }),
    fixtureLive({ rateLimitedProviders: snapshot.providers.map((provider) => ({ providerKey: provider.key, retryAfterSeconds: 5 })) }),
    fixtureLive({ monthToDateSpendUsdByFeature: overBudget }),
    fixtureLive({ monthToDateSpendUsdByFeature: overBudget, openCircuitProviderKeys: ["ollama-lab"] }),
  ];
  const features = [null, ...snapshot.features.map((feature) => feature.key)];
  const prompts = [
    { estimatedPromptTokens: 500, promptText: "Say hello." },
    { estimatedPromptTokens: 20_000, promptText: "Review the contract and the SQL." },
    { estimatedPromptTokens: 150_000, promptText: "Summarise everything." },
  ];
  const declared: Array<DataClassKey | null> = [null, ...DATA_CLASSES];

  it("offers only tiers the effective class allows, and refuses pins outside it with 403", () => {
    let checked = 0;
    for (const featureKey of features) {
      const floor = snapshot.features.find((feature) => feature.key === featureKey)?.defaultDataClass ?? "internal";
      for (const declaredDataClass of declared) {
        const expectedClass =
          declaredDataClass !== null && dataClassRank(declaredDataClass) > dataClassRank(floor) ? declaredDataClass : floor;
        const allowed = snapshot.dataClasses.find((policy) => policy.key === expectedClass)?.allowedTierKeys ?? [];
        for (const pin of pins) {
          for (const prompt of prompts) {
            for (const live of lives) {
              const analysis: Analysis = fixtureAnalysis({ featureKey, declaredDataClass, pin, ...prompt });
              const decision = decide(analysis, snapshot, live);
              checked += 1;
              expect(decision.dataClass.key).toBe(expectedClass);
              for (const candidate of decision.candidates) expect(allowed).toContain(candidate.tierKey);
              if (decision.outcome.kind === "refused") expect(decision.candidates).toEqual([]);
              const pinnedTier =
                pin.kind === "tier" ? pin.tierKey : pin.kind === "model" ? snapshot.models.find((m) => m.alias === pin.alias)?.tierKey : undefined;
              if (pinnedTier !== undefined && !allowed.includes(pinnedTier)) {
                expect(decision.outcome.kind === "refused" && decision.outcome.refusal.status).toBe(403);
              }
            }
          }
        }
      }
    }
    expect(checked).toBe(6 * 5 * 11 * 3 * 6);
  });
});
