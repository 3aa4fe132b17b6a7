import { describe, expect, it } from "vitest";
import { effectivePricePerMTok } from "@/lib/pricing/cost";
import { computeBreakEven, monthlyVolume } from "./break-even";

// Seed 001: a ~$1,600 24 GB card, 450 W, $0.15/kWh, ~3M tokens/day sustained.
const card = { name: "24 GB card", purchasePriceUsd: 1_600, amortisationMonths: 36, watts: 450, usdPerKwh: 0.15, tokensPerDay: 3_000_000 };
const hosted = [
  { alias: "mini", tierKey: "hosted-open", tierName: "Hosted", inputPricePerMTok: 2, outputPricePerMTok: 2 },
  { alias: "frontier", tierKey: "frontier", tierName: "Frontier", inputPricePerMTok: 3, outputPricePerMTok: 15 },
];

describe("computeBreakEven", () => {
  it("follows seed 001: 100M tokens/month at $2/1M with power at load pays back in months", () => {
    // 100M/month = 3.29M/day → two cards; power at 3.29/6 utilisation of 2 × 450 W.
    const result = computeBreakEven({ hardware: card, monthlyInputTokens: 80_000_000, monthlyOutputTokens: 20_000_000, hosted });
    expect(result.boxes).toBe(2);
    expect(result.utilisation).toBeCloseTo(100_000_000 / 30.44 / 6_000_000, 10);
    const mini = result.comparisons.find((row) => row.alias === "mini")!;
    expect(mini.hostedMonthlyUsd).toBeCloseTo(200, 10);
    expect(mini.breakEvenMonths).toBeCloseTo(3_200 / (200 - result.monthlyPowerUsd), 10);
    expect(mini.paysBack).toBe(true);
    // The blended frontier price follows the volume's input/output mix: (0.8 × 3 + 0.2 × 15).
    expect(result.comparisons.find((row) => row.alias === "frontier")!.blendedPricePerMTok).toBeCloseTo(5.4, 10);
    expect(result.comparisons.map((row) => row.alias)).toEqual(["mini", "frontier"]);
  });

  it("costs the profile's effective price per token when the box runs flat out", () => {
    const monthly = 3_000_000 * 30.44;
    const result = computeBreakEven({ hardware: card, monthlyInputTokens: monthly, monthlyOutputTokens: 0, hosted });
    expect(result).toMatchObject({ boxes: 1 });
    expect(result.utilisation).toBeCloseTo(1, 10);
    expect(result.localPricePerMTok).toBeCloseTo(effectivePricePerMTok(card)!, 10);
  });

  it("does not pay back within the write-off at a small volume, and never below the power cost per token", () => {
    // 1M tokens/month at $2: $2/month against ~$0.54 of power → ~91 years.
    const small = computeBreakEven({ hardware: card, monthlyInputTokens: 1_000_000, monthlyOutputTokens: 0, hosted: [hosted[0]!] });
    expect(small.comparisons[0]!.breakEvenMonths! / 12).toBeGreaterThan(36);
    expect(small.comparisons[0]!.paysBack).toBe(false);
    // Power costs ~$0.54 per 1M tokens served: a hosted price below that never pays back.
    const cheap = computeBreakEven({ hardware: card, monthlyInputTokens: 50_000_000, monthlyOutputTokens: 0, hosted: [{ ...hosted[0]!, inputPricePerMTok: 0.3, outputPricePerMTok: 0.3 }] });
    expect(cheap.comparisons[0]!.breakEvenMonths).toBeNull();
    const none = computeBreakEven({ hardware: card, monthlyInputTokens: 0, monthlyOutputTokens: 0, hosted });
    expect(none).toMatchObject({ monthlyPowerUsd: 0, localPricePerMTok: null });
    expect(none.comparisons.every((row) => row.breakEvenMonths === null)).toBe(true);
  });

  it("scales an observed volume to a month of 30.44 days", () => {
    expect(monthlyVolume(10_000_000, 10)).toBeCloseTo(30_440_000, 5);
    expect(monthlyVolume(5, 0)).toBe(0);
  });
});
