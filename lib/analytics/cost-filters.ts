// The Costs page's filters, kept in the URL so a view can be shared: parsed from searchParams,
// written back to query strings (page links, CSV links). Pure; dates are whole UTC days.
import type { Endpoint } from "@/lib/ledger/record";
import { ENDPOINTS } from "./decision-filters";

export const GRAINS = ["day", "week", "month"] as const;
export type Grain = (typeof GRAINS)[number];

export const TRAFFIC = ["all", "real", "synthetic"] as const;
export type Traffic = (typeof TRAFFIC)[number];

export const PRESETS = [
  { key: "mtd", label: "Month to date" },
  { key: "last-month", label: "Last month" },
  { key: "last-7", label: "Last 7 days" },
  { key: "last-30", label: "Last 30 days" },
  { key: "last-90", label: "Last 90 days" },
] as const;
export type PresetKey = (typeof PRESETS)[number]["key"];

export interface CostFilters {
  /** First day (UTC midnight). */
  from: Date;
  /** Last day, inclusive (UTC midnight). */
  to: Date;
  /** The preset that produced from/to, when one did. */
  preset: PresetKey | null;
  grain: Grain;
  feature: string | null;
  team: string | null;
  model: string | null;
  /** API key id. */
  key: string | null;
  /** The surface requests came in on (chat completions, Messages, Responses, …). */
  endpoint: Endpoint | null;
  traffic: Traffic;
}

export type SearchParams = Record<string, string | string[] | undefined>;

const DAY_MS = 86_400_000;
/** The longest range one view may cover (rollups are kept longer; this bounds a page's work). */
export const MAX_RANGE_DAYS = 400;
const DEFAULT_PRESET: PresetKey = "last-30";

const utcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** "2026-11-21" (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function parseDay(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || isoDay(date) !== value ? null : date;
}

function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

/** The days a preset covers, as of `now`. */
export function presetRange(preset: PresetKey, now: Date): { from: Date; to: Date } {
  const today = utcDay(now);
  switch (preset) {
    case "mtd":
      return { from: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)), to: today };
    case "last-month": {
      const firstOfThisMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
      return { from: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)), to: addDays(firstOfThisMonth, -1) };
    }
    case "last-7":
      return { from: addDays(today, -6), to: today };
    case "last-30":
      return { from: addDays(today, -29), to: today };
    case "last-90":
      return { from: addDays(today, -89), to: today };
  }
}

const isPreset = (value: string | undefined): value is PresetKey => PRESETS.some((preset) => preset.key === value);

/**
 * Filters from the URL. A preset wins over from/to; a missing or invalid range falls back to the
 * last 30 days; a reversed range is swapped; a range longer than MAX_RANGE_DAYS is cut to its end.
 */
export function resolveCostFilters(params: SearchParams, now: Date): CostFilters {
  const presetParam = single(params.preset);
  let preset: PresetKey | null = isPreset(presetParam) ? presetParam : null;
  let from = parseDay(single(params.from));
  let to = parseDay(single(params.to));
  if (preset === null && (from === null || to === null)) preset = from === null && to === null ? DEFAULT_PRESET : null;
  if (preset !== null) ({ from, to } = presetRange(preset, now));
  else {
    to ??= utcDay(now);
    from ??= addDays(to, -29);
  }
  if (from! > to!) [from, to] = [to, from];
  if ((to!.getTime() - from!.getTime()) / DAY_MS + 1 > MAX_RANGE_DAYS) from = addDays(to!, -(MAX_RANGE_DAYS - 1));
  const grainParam = single(params.grain);
  const trafficParam = single(params.traffic);
  return {
    from: from!,
    to: to!,
    preset,
    grain: (GRAINS as readonly string[]).includes(grainParam ?? "") ? (grainParam as Grain) : "day",
    feature: single(params.feature) ?? null,
    team: single(params.team) ?? null,
    model: single(params.model) ?? null,
    key: single(params.key) ?? null,
    endpoint: ENDPOINTS.find((entry) => entry.key === single(params.endpoint))?.key ?? null,
    traffic: (TRAFFIC as readonly string[]).includes(trafficParam ?? "") ? (trafficParam as Traffic) : "all",
  };
}

/** Number of days in the range, both ends included. */
export function rangeDays(filters: Pick<CostFilters, "from" | "to">): number {
  return Math.round((filters.to.getTime() - filters.from.getTime()) / DAY_MS) + 1;
}

/** The exclusive end of the range: midnight after `to`. */
export function rangeEnd(filters: Pick<CostFilters, "to">): Date {
  return addDays(filters.to, 1);
}

export type CostSearchChanges = Partial<Record<"preset" | "from" | "to" | "grain" | "feature" | "team" | "model" | "key" | "endpoint" | "traffic", string | null>>;

/**
 * The query string for these filters with `changes` applied (null removes a parameter). A preset
 * is written as the preset, so a shared link keeps meaning "last month"; explicit days otherwise.
 * Defaults (grain day, all traffic) are left out.
 */
export function costSearch(filters: CostFilters, changes: CostSearchChanges = {}): string {
  const params = new URLSearchParams();
  const rangeChanged = "from" in changes || "to" in changes || "preset" in changes;
  const preset = rangeChanged ? (changes.preset ?? null) : filters.preset;
  if (preset) params.set("preset", preset);
  else {
    params.set("from", (rangeChanged ? changes.from : null) ?? isoDay(filters.from));
    params.set("to", (rangeChanged ? changes.to : null) ?? isoDay(filters.to));
  }
  const current: Record<string, string | null> = { grain: filters.grain, feature: filters.feature, team: filters.team, model: filters.model, key: filters.key, endpoint: filters.endpoint, traffic: filters.traffic };
  for (const name of ["grain", "feature", "team", "model", "key", "endpoint", "traffic"] as const) {
    const value = name in changes ? (changes[name] ?? null) : current[name];
    if (value && !(name === "grain" && value === "day") && !(name === "traffic" && value === "all")) params.set(name, value);
  }
  return params.toString();
}

/** "2026-10-01_to_2026-10-31", for file names. */
export function rangeSlug(filters: Pick<CostFilters, "from" | "to">): string {
  return `${isoDay(filters.from)}_to_${isoDay(filters.to)}`;
}

/** "Oct 1 – Oct 31, 2026" (UTC). */
export function rangeWords(filters: Pick<CostFilters, "from" | "to">): string {
  const format = (date: Date, year: boolean) =>
    new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", ...(year ? { year: "numeric" } : {}), timeZone: "UTC" }).format(date);
  const sameYear = filters.from.getUTCFullYear() === filters.to.getUTCFullYear();
  return `${format(filters.from, !sameYear)} – ${format(filters.to, true)}`;
}
