import { describe, expect, it } from "vitest";
import type { ModelNameMappingPolicy } from "@/lib/routing/types";
import { globMatches, mappingSentence, resolveModelName, suggestedPattern } from "./model-names";

const mappings: ModelNameMappingPolicy[] = [
  { pattern: "claude-*", target: "auto", difficulty: null, priority: 100 },
  { pattern: "claude-opus-*", target: "auto", difficulty: "hard", priority: 10 },
  { pattern: "gpt-*", target: "auto", difficulty: null, priority: 100 },
  { pattern: "o[0-9]*", target: "tier:frontier", difficulty: null, priority: 100 },
  { pattern: "haiku", target: "llama-3.1-8b", difficulty: "routine", priority: 100 },
];
const known = { aliases: new Set(["llama-3.1-8b", "claude-sonnet"]) };

describe("globMatches", () => {
  it.each([
    ["claude-*", "claude-opus-4-8", true],
    ["claude-*", "claude-opus-4-8[1m]", true],
    ["claude-*", "Claude-Sonnet-4-5", true],
    ["claude-*", "claude", false],
    ["claude-*", "my-claude-x", false],
    ["*-codex", "gpt-5-codex", true],
    ["gpt-5*", "gpt-5", true],
    ["o[0-9]*", "o[0-9]-mini", true],
    ["o[0-9]*", "o3-mini", false],
    ["a.b", "axb", false],
    ["*", "", true],
  ])("%s against %s → %s", (pattern, name, expected) => {
    expect(globMatches(pattern, name)).toBe(expected);
  });
});

describe("resolveModelName", () => {
  it("routes auto, tier pins and known aliases as sent, even when a mapping would match", () => {
    expect(resolveModelName("auto", known, mappings)).toEqual({ kind: "direct", target: "auto" });
    expect(resolveModelName("tier:nowhere", known, mappings)).toEqual({ kind: "direct", target: "tier:nowhere" });
    expect(resolveModelName("claude-sonnet", known, mappings)).toEqual({ kind: "direct", target: "claude-sonnet" });
    expect(resolveModelName("", known, mappings)).toEqual({ kind: "direct", target: "" });
  });

  it("takes the first mapping by priority, whatever the order they are listed in", () => {
    const opus = resolveModelName("claude-opus-4-8", known, mappings);
    expect(opus).toMatchObject({ kind: "mapped", target: "auto", difficulty: "hard", mapping: { pattern: "claude-opus-*" } });
    expect(resolveModelName("claude-sonnet-4-5-20250929", known, mappings)).toMatchObject({ kind: "mapped", target: "auto", difficulty: null, mapping: { pattern: "claude-*" } });
    expect(resolveModelName("haiku", known, mappings)).toMatchObject({ kind: "mapped", target: "llama-3.1-8b", difficulty: "routine" });
  });

  it("prefers the more specific pattern when priorities tie", () => {
    const tied = mappings.map((mapping) => ({ ...mapping, priority: 100 }));
    expect(resolveModelName("claude-opus-4-1", known, tied)).toMatchObject({ mapping: { pattern: "claude-opus-*" } });
  });

  it("leaves a name no mapping matches unmapped", () => {
    expect(resolveModelName("gemini-2.5-pro", known, mappings)).toEqual({ kind: "unmapped" });
    expect(resolveModelName("claude-opus-4-8", known, [])).toEqual({ kind: "unmapped" });
  });

  it("words the mapping for the trace and suggests a family pattern for unknown names", () => {
    const opus = resolveModelName("claude-opus-4-8", known, mappings);
    if (opus.kind !== "mapped") throw new Error("expected a mapping");
    expect(mappingSentence("claude-opus-4-8", opus)).toBe("The requested model 'claude-opus-4-8' matches the model-name mapping 'claude-opus-*', so it is routed as 'auto' with difficulty hard.");
    expect(suggestedPattern("gemini-2.5-pro")).toBe("gemini-*");
    expect(suggestedPattern("claude-opus-4-8")).toBe("claude-opus-*");
    expect(suggestedPattern("o3")).toBe("o3");
  });
});
