// Keyed lists before → after, described in words: "claude-sonnet: output price $15 → $12",
// "model qwen-3 added". Pure; the snapshot diff (diff-snapshots.ts) and the config-document
// plan (plan-config-changes.ts) each declare their sections with this vocabulary.
import type { Capability } from "@/lib/routing/types";

export interface ChangeField<T> {
  label: string;
  read: (item: T) => unknown;
  format?: (value: unknown) => string;
  /** The whole clause when "label a → b" reads badly, e.g. enabled → "disabled". */
  sentence?: (before: unknown, after: unknown) => string;
}

export interface ChangeSection<T> {
  /** Heading in the diff view, e.g. "Models". */
  title: string;
  /** Used for added and removed entries: "model qwen-3 added". */
  noun: string;
  keyOf: (item: T) => string;
  /** How a changed entry is named; default the key alone ("claude-sonnet"), rules say "rule <key>". */
  subject?: (key: string) => string;
  fields: Array<ChangeField<T>>;
  /** A few words about an added or removed entry, shown beside it. */
  summary?: (item: T) => string;
}

export interface DescribedChange {
  section: string;
  key: string;
  kind: "added" | "removed" | "changed";
  /** The field that changed; null for added / removed entries. */
  field: string | null;
  before: string | null;
  after: string | null;
  text: string;
}

const money = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** Prices and amounts: 15 → "$15", 0.27 → "$0.27", null → "no price". */
export const usd = (value: unknown): string => (typeof value === "number" ? `$${money.format(value)}` : "no price");
/** Counts as people type them ("6000"), none for null. */
export const plain = (value: unknown): string => (value === null || value === undefined ? "none" : String(value));
export const list = (value: unknown): string => (Array.isArray(value) && value.length > 0 ? value.join(", ") : "none");
export const yesNo = (value: unknown): string => (value ? "yes" : "no");
export const onOff = (value: unknown): string => (value ? "enabled" : "disabled");
/** enabled true → false reads "disabled". */
export const enabledSentence = (_before: unknown, after: unknown): string => (after ? "enabled" : "disabled");

const CAPABILITY_LABELS: Record<Capability, string> = { tools: "tools", structured_output: "structured output", images: "images", reasoning: "reasoning" };

/** One capability as a switch: "gemma-2-9b: tools on". A list missing from an older snapshot reads as none. */
export function capabilityField<T>(capability: Capability, read: (item: T) => readonly string[] | null | undefined): ChangeField<T> {
  const label = CAPABILITY_LABELS[capability];
  return {
    label,
    read: (item) => (read(item) ?? []).includes(capability),
    format: (value) => (value ? "on" : "off"),
    sentence: (_before, after) => `${label} ${after ? "on" : "off"}`,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function describeSection<T>(section: ChangeSection<T>, before: readonly T[], after: readonly T[]): DescribedChange[] {
  const subject = section.subject ?? ((key: string) => key);
  const beforeByKey = new Map(before.map((item) => [section.keyOf(item), item]));
  const afterByKey = new Map(after.map((item) => [section.keyOf(item), item]));
  const changes: DescribedChange[] = [];

  for (const [key, old] of beforeByKey) {
    const next = afterByKey.get(key);
    if (next === undefined) {
      const summary = section.summary?.(old) ?? null;
      changes.push({ section: section.title, key, kind: "removed", field: null, before: summary ?? key, after: null, text: `${section.noun} ${key} removed` });
      continue;
    }
    for (const field of section.fields) {
      const a = field.read(old);
      const b = field.read(next);
      if (same(a, b)) continue;
      const format = field.format ?? plain;
      const clause = field.sentence ? field.sentence(a, b) : `${field.label} ${format(a)} → ${format(b)}`;
      changes.push({ section: section.title, key, kind: "changed", field: field.label, before: format(a), after: format(b), text: `${subject(key)}: ${clause}` });
    }
  }
  for (const [key, item] of afterByKey) {
    if (beforeByKey.has(key)) continue;
    const summary = section.summary?.(item) ?? null;
    changes.push({ section: section.title, key, kind: "added", field: null, before: null, after: summary ?? key, text: `${section.noun} ${key} added${summary ? ` (${summary})` : ""}` });
  }
  return changes;
}
