// The model names clients send by default (Claude Code asks for claude-opus-4-8, Codex for
// gpt-5-codex) mapped onto what Switchyard routes: `auto`, a tier pin or a model alias. Names
// Switchyard already knows are never remapped; for any other, the first mapping by priority
// whose glob matches decides. Pure: the mappings come with the published policy snapshot.
import { apiError, type ApiError } from "@/lib/http/api-error";
import type { Difficulty, ModelNameMappingPolicy } from "@/lib/routing/types";

export type ModelNameResolution =
  /** auto, a tier pin or a known alias: routed as sent. */
  | { kind: "direct"; target: string }
  | { kind: "mapped"; target: string; difficulty: Difficulty | null; mapping: ModelNameMappingPolicy }
  | { kind: "unmapped" };

const compiled = new Map<string, RegExp>();

/** `*` matches any run of characters (none included); everything else literally, case-insensitively. */
export function globMatches(pattern: string, name: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) {
    const source = pattern.split("*").map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
    regex = new RegExp(`^${source}$`, "is");
    if (compiled.size > 1_000) compiled.clear();
    compiled.set(pattern, regex);
  }
  return regex.test(name);
}

/** Mappings in the order they are tried: priority, then the longer (more specific) pattern, then the pattern. */
export function orderMappings(mappings: readonly ModelNameMappingPolicy[]): ModelNameMappingPolicy[] {
  return [...mappings].sort((a, b) => a.priority - b.priority || b.pattern.length - a.pattern.length || a.pattern.localeCompare(b.pattern));
}

export function resolveModelName(requested: string, known: { aliases: { has(alias: string): boolean } }, mappings: readonly ModelNameMappingPolicy[]): ModelNameResolution {
  const name = requested.trim();
  if (name === "" || name === "auto" || name.startsWith("tier:") || known.aliases.has(name)) return { kind: "direct", target: name };
  const mapping = orderMappings(mappings).find((candidate) => globMatches(candidate.pattern, name));
  if (!mapping) return { kind: "unmapped" };
  return { kind: "mapped", target: mapping.target, difficulty: mapping.difficulty, mapping };
}

/** A pattern an admin could add for an unknown name: its family (`claude-opus-4-8` → `claude-opus-*`). */
export function suggestedPattern(name: string): string {
  const family = /^([a-z]+(?:-[a-z]+)*)-/i.exec(name.trim());
  return family ? `${family[1]}-*` : name.trim();
}

/** The trace sentence for a mapped name. */
export function mappingSentence(requested: string, resolution: Extract<ModelNameResolution, { kind: "mapped" }>): string {
  const difficulty = resolution.difficulty ? ` with difficulty ${resolution.difficulty}` : "";
  return `The requested model '${requested}' matches the model-name mapping '${resolution.mapping.pattern}', so it is routed as '${resolution.target}'${difficulty}.`;
}

/** The 404 for a name that is neither Switchyard's nor mapped; each endpoint words it in its own error shape. */
export function unmappedModelError(requested: string): ApiError {
  const name = requested.trim();
  return apiError(
    "model_not_found",
    `The model '${name}' is not a Switchyard model, tier or mapped name. Send 'auto', 'tier:<tier key>' or a model alias (GET /api/v1/models), or ask an admin to add a model-name mapping in Models & tiers, e.g. pattern '${suggestedPattern(name)}' → auto.`,
    { param: "model" },
  );
}
