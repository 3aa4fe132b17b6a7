import { describe, expect, it } from "vitest";
import { BUILT_IN_DETECTORS } from "@/lib/detectors";
import { asDataClass, classChoices, detectorSettings, workingRules } from "./data-rules-view";

const rule = (overrides: Partial<Parameters<typeof workingRules>[0][number]>) => ({
  key: "r",
  name: "R",
  kind: "keywords" as const,
  detector: null,
  pattern: null,
  keywords: ["nightjar"],
  dataClass: { key: "confidential" },
  enabled: true,
  version: 1,
  ...overrides,
});

describe("the data-rules page view", () => {
  it("reads a class key the engine does not know as restricted", () => {
    expect(asDataClass("internal")).toBe("internal");
    expect(asDataClass("secret")).toBe("restricted");
    expect(classChoices([{ key: "secret", name: "Secret" }])).toEqual([{ key: "restricted", name: "Secret" }]);
  });

  it("gives every built-in detector a setting, with its rule when it has one (the first by key)", () => {
    const email = BUILT_IN_DETECTORS.find((detector) => detector.key === "email")!;
    const settings = detectorSettings([
      rule({ key: "detector-email", kind: "detector", detector: "email", dataClass: { key: "internal" }, version: 4 }),
      rule({ key: "detector-email-2", kind: "detector", detector: "email", dataClass: { key: "restricted" } }),
      rule({ key: "project-nightjar" }),
    ]);
    expect(settings).toHaveLength(BUILT_IN_DETECTORS.length);
    expect(settings.find((setting) => setting.detector === "email")).toEqual({
      detector: "email",
      label: email.label,
      defaultDataClass: email.defaultDataClass,
      rule: { key: "detector-email", enabled: true, dataClassKey: "internal", version: 4 },
    });
    expect(settings.filter((setting) => setting.rule === null)).toHaveLength(BUILT_IN_DETECTORS.length - 1);
  });

  it("turns stored rules into the test box's working rules", () => {
    expect(workingRules([rule({ kind: "regex", pattern: "\\bnj-\\d+\\b", keywords: [], dataClass: { key: "nope" }, enabled: false })])).toEqual([
      { key: "r", name: "R", kind: "regex", detector: null, pattern: "\\bnj-\\d+\\b", keywords: [], dataClassKey: "restricted", enabled: false },
    ]);
  });
});
