// Whether two policy snapshots say the same thing, whatever order PostgreSQL's jsonb kept their
// keys in. The words of diffSnapshots cover the fields people edit; this is the safety net under
// them, so a field the words do not cover yet still counts as a difference. Pure.
import type { PolicySnapshot } from "@/lib/routing/types";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    // Lists of plain values are sets here (allowed tiers, keywords, regions): order carries no meaning.
    return items.every((item) => item === null || typeof item !== "object") ? [...items].sort((a, b) => String(a).localeCompare(String(b))) : items;
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, entry]) => [key, canonical(entry)]),
    );
  }
  return value;
}

/** Equal apart from the version number each was built for. */
export function sameSnapshot(a: PolicySnapshot, b: PolicySnapshot): boolean {
  return JSON.stringify(canonical({ ...a, version: 0 })) === JSON.stringify(canonical({ ...b, version: 0 }));
}
