import { describe, expect, it } from "vitest";
import { describeHardwarePrice, powerOnlyPricePerMTok } from "./hardware-price";

const seedCard = { purchasePriceUsd: "1600", amortisationMonths: "36", watts: "450", usdPerKwh: "0.15", tokensPerDay: "3000000" };

describe("describeHardwarePrice", () => {
  it("prices seed 001's card as the snapshot does, with the parts spelled out", () => {
    const view = describeHardwarePrice(seedCard);
    expect(view).toMatchObject({ ok: true, headline: "$1.03 per 1M tokens" });
    expect(view.ok && view.breakdown).toBe("amortisation $44.44 + power $49.31 a month, over 91.3M tokens a month");
  });

  it("accepts what people type: spaces and thousands separators", () => {
    expect(describeHardwarePrice({ ...seedCard, tokensPerDay: " 3,000,000 " })).toMatchObject({ ok: true, headline: "$1.03 per 1M tokens" });
  });

  it("asks for the missing field instead of showing a wrong number", () => {
    expect(describeHardwarePrice({ ...seedCard, watts: "" })).toEqual({ ok: false, headline: "Fill in every hardware field to see the effective price." });
    expect(describeHardwarePrice({ ...seedCard, usdPerKwh: "abc" }).ok).toBe(false);
    expect(describeHardwarePrice({ ...seedCard, tokensPerDay: "0" })).toEqual({ ok: false, headline: "Needs at least one month of amortisation and some tokens per day." });
  });

  it("shows cheap prices to four places and dearer ones with cents", () => {
    expect(describeHardwarePrice({ ...seedCard, tokensPerDay: "30000000" }).headline).toBe("$0.1027 per 1M tokens");
    expect(describeHardwarePrice({ ...seedCard, tokensPerDay: "30000" }).headline).toBe("$102.67 per 1M tokens");
  });
});

describe("powerOnlyPricePerMTok", () => {
  const card = { purchasePriceUsd: 1600, amortisationMonths: 36, watts: 450, usdPerKwh: 0.15, tokensPerDay: 3_000_000 };

  it("prices seed 001's card by its power alone: $49.31 a month over 91.3M tokens", () => {
    expect(powerOnlyPricePerMTok(card)).toBeCloseTo(49.3128 / 91.32, 4);
  });

  it("ignores the purchase price, which only the full price writes off", () => {
    expect(powerOnlyPricePerMTok({ ...card, purchasePriceUsd: 16_000 })).toBe(powerOnlyPricePerMTok(card));
    expect(powerOnlyPricePerMTok(card)!).toBeLessThan(1.03);
  });

  it("has no price without throughput or with a utilisation outside (0, 1]", () => {
    expect(powerOnlyPricePerMTok({ ...card, tokensPerDay: 0 })).toBeNull();
    expect(powerOnlyPricePerMTok({ ...card, utilisation: 0 })).toBeNull();
    expect(powerOnlyPricePerMTok({ ...card, utilisation: 1.5 })).toBeNull();
  });
});
