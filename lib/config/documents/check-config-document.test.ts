import { describe, expect, it } from "vitest";
import { checkConfigDocument } from "./check-config-document";
import { sampleConfigDocument } from "./testing/sample-config-document";

const issuesOf = (input: unknown) => {
  const result = checkConfigDocument(input);
  return result.ok ? [] : result.issues;
};

describe("checkConfigDocument", () => {
  it("accepts a valid document, from text or from a value", () => {
    const doc = sampleConfigDocument();
    expect(checkConfigDocument(JSON.stringify(doc)).ok).toBe(true);
    expect(checkConfigDocument(doc).ok).toBe(true);
  });

  it("says when the file is not JSON or not a Switchyard document", () => {
    expect(issuesOf("{ not json")[0]?.message).toMatch(/not valid JSON/);
    expect(issuesOf({ ...sampleConfigDocument(), format: "other" })[0]).toMatchObject({ path: "format", message: expect.stringContaining("not a Switchyard configuration") });
    expect(issuesOf({ ...sampleConfigDocument(), formatVersion: 2 })[0]?.message).toMatch(/Unsupported formatVersion/);
  });

  it("names the field of a shape problem the way a reader finds it", () => {
    const doc = sampleConfigDocument() as unknown as { models: Array<Record<string, unknown>> };
    doc.models[1]!.contextWindow = "big";
    expect(issuesOf(doc)[0]?.path).toBe("models[1].contextWindow");
  });

  it("refuses unknown tier, provider, licence and hardware profile keys, listing the known ones", () => {
    const doc = sampleConfigDocument();
    doc.models[0] = { ...doc.models[0]!, tier: "frontierr", provider: "openai", licence: "mit" };
    doc.models[1] = { ...doc.models[1]!, hardwareProfile: "48 GB card" };
    const issues = issuesOf(doc);
    expect(issues).toContainEqual({ path: "models[0].tier", message: 'Unknown tier "frontierr". Known tiers: local, frontier.' });
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(["models[0].provider", "models[0].licence", "models[1].hardwareProfile"]));
  });

  it("refuses duplicates, two baselines and a missing data class", () => {
    const doc = sampleConfigDocument();
    doc.models.push({ ...doc.models[0]! });
    doc.tiers[1] = { ...doc.tiers[1]!, rank: 0 };
    doc.dataClasses.pop();
    const messages = issuesOf(doc).map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Duplicate alias "claude-sonnet" (also at models[0]).',
        'Duplicate rank "0" (also at tiers[0]).',
        "Only one model can be the baseline; claude-sonnet, claude-sonnet all are.",
        "Every data class must be present; missing: restricted.",
      ]),
    );
  });

  it("refuses a regex RE2 cannot run, or an invalid one, with the data-rules form's own reason", () => {
    const doc = sampleConfigDocument();
    doc.classificationRules[1] = { ...doc.classificationRules[1]!, pattern: "(a)\\1" };
    expect(issuesOf(doc)[0]).toMatchObject({ path: "classificationRules[1].pattern", message: expect.stringContaining("Backreferences") });
    doc.classificationRules[1] = { ...doc.classificationRules[1]!, pattern: "(unclosed" };
    expect(issuesOf(doc)[0]?.message).toMatch(/not a valid regular expression/);
  });

  it("checks routing rules: references, token bounds, tier order and that the rule does something", () => {
    const doc = sampleConfigDocument();
    doc.routingRules[0] = {
      ...doc.routingRules[0]!,
      when: { ...doc.routingRules[0]!.when, feature: "nope", minEstimatedTokens: 7000, maxEstimatedTokens: 10 },
      then: { minTier: "frontier", maxTier: "local", pinModel: "gpt-9" },
    };
    const paths = issuesOf(doc).map((issue) => issue.path);
    expect(paths).toEqual(["routingRules[0].when.feature", "routingRules[0].then.pinModel", "routingRules[0].when.maxEstimatedTokens", "routingRules[0].then.maxTier"]);
  });

  it("checks model-name mappings: targets name a known tier or model, patterns are unique", () => {
    const doc = sampleConfigDocument();
    doc.modelNameMappings = [
      { pattern: "a-*", target: "tier:moon", difficulty: null, priority: 1 },
      { pattern: "b-*", target: "no-such-model", difficulty: null, priority: 1 },
      { pattern: "b-*", target: "auto", difficulty: null, priority: 2 },
    ];
    expect(issuesOf(doc).map((issue) => issue.path)).toEqual(["modelNameMappings[2].pattern", "modelNameMappings[0].target", "modelNameMappings[1].target"]);
    expect(issuesOf({ ...sampleConfigDocument(), modelNameMappings: [{ pattern: "bad pattern!", target: "auto", difficulty: null, priority: 1 }] })[0]?.path).toBe("modelNameMappings[0].pattern");
  });

  it("refuses a secret where the key's variable name belongs", () => {
    const doc = sampleConfigDocument();
    doc.providers[1] = { ...doc.providers[1]!, apiKeyEnv: "sk-ant-0123456789abcdef" };
    expect(issuesOf(doc)[0]).toMatchObject({ path: "providers[1].apiKeyEnv", message: expect.stringContaining("NAME of the environment variable") });
  });

  it("applies an older document without capabilities, extra prices or settings with their defaults", () => {
    const doc = sampleConfigDocument() as unknown as { models: Array<Record<string, unknown>>; unscannableDataClass?: string };
    for (const model of doc.models) for (const field of ["capabilities", "maxOutputTokens", "cachedInputPricePerMTok", "cacheWritePricePerMTok", "longContext", "catalogueRef"]) delete model[field];
    delete doc.unscannableDataClass;
    const result = checkConfigDocument(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.models[0]).toMatchObject({ capabilities: [], maxOutputTokens: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null, catalogueRef: null });
    expect(result.document.unscannableDataClass).toBe("confidential");
  });

  it("reports invalid capabilities, limits, long-context tiers and classes by path", () => {
    const doc = sampleConfigDocument() as unknown as { models: Array<Record<string, unknown>>; unscannableDataClass: string };
    doc.models[0]!.capabilities = ["tools", "telepathy"];
    doc.models[1]!.longContext = { thresholdTokens: 0, inputPricePerMTok: 1, outputPricePerMTok: null };
    doc.unscannableDataClass = "secret";
    expect(issuesOf(doc).map((issue) => issue.path)).toEqual(["models[0].capabilities[1]", "models[1].longContext.thresholdTokens", "unscannableDataClass"]);

    const limits = sampleConfigDocument();
    limits.models[1] = { ...limits.models[1]!, maxOutputTokens: 16_384 };
    limits.models[0] = { ...limits.models[0]!, longContext: { thresholdTokens: 200_000, inputPricePerMTok: null, outputPricePerMTok: null } };
    expect(issuesOf(limits)).toEqual([
      { path: "models[0].longContext", message: "A long-context tier needs an input price, an output price or both." },
      { path: "models[1].maxOutputTokens", message: "The max output (16384 tokens) cannot exceed the context window (8192)." },
    ]);
  });

  it("lists a data class's tiers cheapest first so their order never reads as a change", () => {
    const doc = sampleConfigDocument();
    doc.dataClasses[0] = { ...doc.dataClasses[0]!, tiers: ["frontier", "local", "local"] };
    const result = checkConfigDocument(doc);
    expect(result.ok && result.document.dataClasses[0]?.tiers).toEqual(["local", "frontier"]);
  });
});
