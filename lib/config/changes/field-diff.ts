// What one change-log entry changed, field by field: only the fields whose values differ, with a
// dotted path ("pricing.inputPricePerMTok", "allowedTiers"). The log stores whole before/after
// entries (document shapes); this is what a reader wants to see of them. Pure.
export interface FieldChange {
  path: string;
  kind: "added" | "removed" | "changed";
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
const isObjectList = (value: unknown): value is unknown[] => Array.isArray(value) && value.some((item) => isRecord(item));

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(before: unknown, after: unknown, path: string, out: FieldChange[]) {
  if (same(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])]) walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (isObjectList(before) && isObjectList(after) && before.length === after.length) {
    before.forEach((item, index) => walk(item, after[index], `${path}[${index + 1}]`, out));
    return;
  }
  const absent = (value: unknown) => value === undefined;
  out.push({ path: path || "value", kind: absent(before) ? "added" : absent(after) ? "removed" : "changed", before: before ?? null, after: after ?? null });
}

/**
 * The fields that differ. A created entry (no before) lists its fields as added, a removed one
 * as removed, so every entry reads the same way.
 */
export function fieldDiff(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  const none = (value: unknown) => value === null || value === undefined;
  if (none(before) && none(after)) return out;
  if (none(before) && isRecord(after)) {
    walk({}, after, "", out);
    return out;
  }
  if (none(after) && isRecord(before)) {
    walk(before, {}, "", out);
    return out;
  }
  walk(none(before) ? undefined : before, none(after) ? undefined : after, "", out);
  return out;
}

/** A value as a reader sees it in the diff: strings bare, lists comma-separated, the rest as JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value === "" ? "(empty)" : value;
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== "object")) return value.length === 0 ? "(none)" : value.join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
