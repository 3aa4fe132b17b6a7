import { describe, it, expect } from "vitest";
import {
  baselineCostUsd,
  breakEvenMonths,
  effectivePricePerMTok,
  monthlyPowerCostUsd,
  requestCostUsd,
} from "./cost";
import { fixtureSnapshot } from "@/lib/routing/fixtures";

describe("requestCostUsd", () => {
  it("prices input and output tokens per million", () => {
    // 12,000 in × $2.50 + 1,000 out × $10 per 1M = $0.03 + $0.01
    expect(requestCostUsd({ inputPricePerMTok: 2.5, outputPricePerMTok: 10 }, 12_000, 1_000)).toBeCloseTo(0.04, 10);
  });

  it("is null, never zero, when either price is unknown", () => {
    expect(requestCostUsd({ inputPricePerMTok: null, outputPricePerMTok: 10 }, 100, 100)).toBeNull();
    expect(requestCostUsd({ inputPricePerMTok: 1, outputPricePerMTok: null }, 100, 100)).toBeNull();
  });

  it("charges nothing for no tokens on a priced model", () => {
    expect(requestCostUsd({ inputPricePerMTok: 1, outputPricePerMTok: 1 }, 0, 0)).toBe(0);
  });
});

describe("baselineCostUsd", () => {
  it("prices the tokens on the snapshot's baseline model (gpt-4o: $2.50 / $10)", () => {
    const snapshot = fixtureSnapshot();
    expect(snapshot.baselineModelAlias).toBe("gpt-4o");
    expect(baselineCostUsd(snapshot, 1_000_000, 100_000)).toBeCloseTo(3.5, 10);
  });

  it("is null without a baseline, with a missing one, or with an unpriced one", () => {
    const snapshot = fixtureSnapshot();
    expect(baselineCostUsd({ ...snapshot, baselineModelAlias: null }, 10, 10)).toBeNull();
    expect(baselineCostUsd({ ...snapshot, baselineModelAlias: "gone" }, 10, 10)).toBeNull();
    const unpriced = snapshot.models.map((model) =>
      model.alias === "gpt-4o" ? { ...model, inputPricePerMTok: null } : model,
    );
    expect(baselineCostUsd({ ...snapshot, models: unpriced }, 10, 10)).toBeNull();
  });
});

describe("local hardware (seed 001: 24 GB card ~$1,600, 450 W, $0.15/kWh, ~3M tokens/day)", () => {
  const card = { purchasePriceUsd: 1_600, amortisationMonths: 36, watts: 450, usdPerKwh: 0.15, tokensPerDay: 3_000_000 };

  it("draws ~$49/month flat out and lands in the seed's $10–$20 band at moderate use", () => {
    // 0.45 kW × 24 h × 30.44 d × $0.15
    expect(monthlyPowerCostUsd(450, 0.15)).toBeCloseTo(49.3128, 4);
    const moderate = monthlyPowerCostUsd(450, 0.15, 0.3);
    expect(moderate).toBeGreaterThanOrEqual(10);
    expect(moderate).toBeLessThanOrEqual(20);
  });

  it("costs about $1.03 per 1M tokens at sustained load over 36 months", () => {
    // ($1,600 / 36 + $49.31) / (3M × 30.44 / 1M) = $93.76 / 91.32
    expect(effectivePricePerMTok(card)).toBeCloseTo(1.0267, 3);
  });

  it("costs more per token when the card sits idle part of the day", () => {
    // ($44.44 + $14.79) / 27.396M tokens
    expect(effectivePricePerMTok({ ...card, utilisation: 0.3 })).toBeCloseTo(2.1621, 3);
  });

  it("has no price (null, not zero or infinity) for a profile with no throughput or write-off period", () => {
    expect(effectivePricePerMTok({ ...card, tokensPerDay: 0 })).toBeNull();
    expect(effectivePricePerMTok({ ...card, amortisationMonths: 0 })).toBeNull();
    expect(effectivePricePerMTok({ ...card, utilisation: 0 })).toBeNull();
    expect(effectivePricePerMTok({ ...card, utilisation: 1.5 })).toBeNull();
  });
});

describe("breakEvenMonths (seed 001's rules of thumb)", () => {
  it("pays back in months above $200/month of API spend", () => {
    // 100M tokens × $2 = $200/month hosted, $15 power → $1,600 / $185
    const months = breakEvenMonths(1_600, 100_000_000, 2, 15);
    expect(months).toBeCloseTo(8.65, 2);
  });

  it("pays back in 2–3 years at ~$50/month of API spend", () => {
    // 25M tokens × $2 = $50/month, $15 power → $1,000 / $35 ≈ 28.6 months
    const months = breakEvenMonths(1_000, 25_000_000, 2, 15);
    expect(months).toBeCloseTo(28.57, 2);
    expect(months! / 12).toBeGreaterThan(2);
    expect(months! / 12).toBeLessThan(3);
  });

  it("never pays back when the hosted bill does not exceed the power bill", () => {
    expect(breakEvenMonths(1_600, 5_000_000, 2, 15)).toBeNull();
    expect(breakEvenMonths(1_600, 7_500_000, 2, 15)).toBeNull();
  });
});
