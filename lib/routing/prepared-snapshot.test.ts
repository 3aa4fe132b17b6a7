// A prepared snapshot is only a cache: decide() must say exactly what it says on the bare snapshot.
import { describe, expect, it } from "vitest";
import { decide } from "./decide";
import { fixtureAnalysis, fixtureFinding, fixtureLive, fixtureSnapshot } from "./fixtures";
import { prepareSnapshot } from "./prepared-snapshot";
import type { Analysis } from "./types";

const cases: Array<[string, Partial<Analysis>]> = [
  ["a routine request with no feature", { featureKey: null }],
  ["a feature's request", { featureKey: "support-bot" }],
  ["restricted data", { featureKey: "support-bot", findings: [fixtureFinding("payment_card", "restricted")] }],
  ["a hard request", { featureKey: "support-bot", declaredDifficulty: "hard" }],
  ["a pinned frontier model", { featureKey: "support-bot", pin: { kind: "model", alias: "gpt-4o" } }],
  ["a prompt too large for any window", { estimatedPromptTokens: 10_000_000 }],
];

describe("decide() on a prepared snapshot", () => {
  it.each(cases)("decides %s as on the bare snapshot, first and second time", (_name, patch) => {
    const snapshot = fixtureSnapshot();
    const prepared = prepareSnapshot(snapshot);
    const analysis: Analysis = fixtureAnalysis(patch);
    const bare = decide(analysis, snapshot, fixtureLive());
    expect(decide(analysis, prepared, fixtureLive())).toEqual(bare);
    expect(decide(analysis, prepared, fixtureLive())).toEqual(bare);
  });

  it("keeps licence reviews apart per feature", () => {
    const snapshot = fixtureSnapshot();
    const prepared = prepareSnapshot(snapshot);
    for (const featureKey of [null, "support-bot", "contract-review", null, "hr-assistant", "support-bot"]) {
      const analysis: Analysis = fixtureAnalysis({ featureKey });
      expect(decide(analysis, prepared, fixtureLive())).toEqual(decide(analysis, snapshot, fixtureLive()));
    }
  });
});
