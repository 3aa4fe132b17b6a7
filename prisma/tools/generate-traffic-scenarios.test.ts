import { describe, expect, it } from "vitest";
import { FIXTURE_NOW, fixtureSnapshot } from "@/lib/routing/fixtures";
import { UNPRICED_TRIAL_ALIAS, buildTrafficScenarios } from "./generate-traffic-scenarios";
import { hourlyCounts } from "./generate-traffic";

describe("traffic scenarios", () => {
  const snapshot = fixtureSnapshot();
  const scenarios = buildTrafficScenarios(snapshot, FIXTURE_NOW);
  const share = (predicate: (s: (typeof scenarios)[number]) => boolean) => scenarios.filter(predicate).reduce((sum, s) => sum + s.weight, 0);

  it("is a probability distribution over distinct request shapes", () => {
    expect(scenarios.length).toBeGreaterThan(100);
    expect(share(() => true)).toBeCloseTo(1, 10);
    expect(scenarios.every((s) => s.weight > 0)).toBe(true);
  });

  it("looks like production: mostly served, some fallbacks, refusals and errors, every escalation reason", () => {
    expect(share((s) => s.status === "success")).toBeGreaterThan(0.85);
    expect(share((s) => s.status === "fallback_success")).toBeGreaterThan(0.005);
    expect(share((s) => s.status === "refused")).toBeGreaterThan(0.005);
    expect(share((s) => s.status === "error")).toBeGreaterThan(0.001);
    expect(share((s) => s.dryRun)).toBeGreaterThan(0.001);
    const reasons = new Set(scenarios.map((s) => s.escalationReason));
    for (const reason of ["none", "difficulty", "rule", "pin", "health", "context"]) expect(reasons).toContain(reason);
    expect(new Set(scenarios.map((s) => s.refusalConstraint))).toContain("data_class");
  });

  it("never serves data on a tier its class forbids, even after a fallback (the real engine decided every shape)", () => {
    const allowed = new Map(snapshot.dataClasses.map((dataClass) => [dataClass.key as string, dataClass.allowedTierKeys]));
    for (const scenario of scenarios) {
      if (scenario.tierKey === null) continue;
      expect(allowed.get(scenario.dataClass), `${scenario.dataClass} on ${scenario.tierKey}`).toContain(scenario.tierKey);
    }
  });

  it("prices served usage from the published prices, and counts the unpriced trial model as unpriced", () => {
    const trial = scenarios.filter((s) => s.modelAlias === UNPRICED_TRIAL_ALIAS && s.usage);
    expect(trial.length).toBeGreaterThan(0);
    expect(trial.every((s) => s.inputPrice === null)).toBe(true);
    const served = scenarios.find((s) => s.modelAlias !== null && s.modelAlias !== UNPRICED_TRIAL_ALIAS && s.usage)!;
    const model = snapshot.models.find((m) => m.alias === served.modelAlias)!;
    expect(served.inputPrice).toBe(model.inputPricePerMTok);
  });

  it("records fallbacks the way the gateway does: the failed attempt, its cause, and a trace line", () => {
    const fallback = scenarios.find((s) => s.status === "fallback_success")!;
    expect(fallback.fallbacks).toHaveLength(1);
    expect(fallback.trace.some((line) => line.includes("failed before the first byte"))).toBe(true);
    expect(fallback.trace.at(-1)).toMatch(/^Served by /);
  });
});

describe("hourlyCounts", () => {
  it("spreads exactly the requested total, busier on weekday afternoons than weekend nights", () => {
    const start = new Date("2026-11-02T00:00:00.000Z"); // a Monday
    const counts = hourlyCounts(start, 24 * 7, 100_000, () => 0.5);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100_000);
    const mondayAfternoon = counts[15]!;
    const sundayNight = counts[6 * 24 + 3]!;
    expect(mondayAfternoon).toBeGreaterThan(sundayNight * 3);
  });
});
