import { describe, expect, it } from "vitest";
import { formatPricePerMTok, formatTokens, formatUsd } from "./format";

describe("format", () => {
  it("shows unknown prices as words, never as zero", () => {
    expect(formatUsd(null)).toBe("unknown");
    expect(formatPricePerMTok(null)).toBe("no price");
  });
  it("keeps sub-dollar prices precise", () => {
    expect(formatPricePerMTok(0.27)).toBe("$0.27 / 1M");
    expect(formatPricePerMTok(1.0262)).toBe("$1.03 / 1M");
    expect(formatUsd(0.000123)).toBe("$0.0001");
  });
  it("abbreviates context windows", () => {
    expect(formatTokens(8192)).toBe("8k");
    expect(formatTokens(128_000)).toBe("128k");
    expect(formatTokens(1_000_000)).toBe("1M");
  });
});
