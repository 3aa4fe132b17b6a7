import { describe, expect, it } from "vitest";
import type { PolicySnapshot } from "@/lib/routing/types";
import { sameSnapshot } from "./snapshot-equality";

const snap = (extra: Record<string, unknown>) => ({ version: 1, tiers: [{ key: "local", rank: 1, name: "Local" }], dataClasses: [{ key: "internal", allowedTierKeys: ["local", "frontier"] }], ...extra }) as unknown as PolicySnapshot;

describe("sameSnapshot", () => {
  it("ignores the version, key order and the order of plain lists", () => {
    const reordered = { version: 7, dataClasses: [{ allowedTierKeys: ["frontier", "local"], key: "internal" }], tiers: [{ name: "Local", rank: 1, key: "local" }] } as unknown as PolicySnapshot;
    expect(sameSnapshot(snap({}), reordered)).toBe(true);
  });

  it("sees a field that differs, even one no change description covers", () => {
    expect(sameSnapshot(snap({ features: [{ key: "a", difficultyEstimator: { threshold: 0.5 } }] }), snap({ features: [{ key: "a", difficultyEstimator: { threshold: 0.6 } }] }))).toBe(false);
    expect(sameSnapshot(snap({}), snap({ tiers: [{ key: "local", rank: 2, name: "Local" }] }))).toBe(false);
  });
});
