// The Costs page's filters, kept in the URL so a view can be shared: parsed from searchParams,
// written back to query strings (page links, CSV links). Pure; the range is the shared one
// (lib/console/time-range.ts): presets, days or hours, in the viewer's time zone.
import type { Endpoint } from "@/lib/ledger/record";
import { RANGE_PRESETS, presetTimeRange, rangeLengthDays, rangeParams, resolveTimeRange, type RangePreset, type SearchParams, type TimeRange } from "@/lib/console/time-range";
// The pages read SearchParams from here (next to the filters they resolve).
export type { SearchParams } from "@/lib/console/time-range";
import { zonedDay } from "@/lib/console/zoned-time";
import { ENDPOINTS } from "../decisions/decision-filters";

export const GRAINS = ["day", "week", "month"] as const;
export type Grain = (typeof GRAINS)[number];

export const TRAFFIC = ["all", "real", "synthetic"] as const;
export type Traffic = (typeof TRAFFIC)[number];

/** The presets Costs offers (the shared picker's, with 90 days for quarter-long views). */
export const PRESETS = RANGE_PRESETS;
export type PresetKey = RangePreset;

export interface CostFilters {
  /** The instants covered, [start, end), read in the viewer's time zone. */
  range: TimeRange;
  /** First calendar day the range touches in its zone (as that day's UTC midnight, for labels and periods). */
  from: Date;
  /** Last calendar day the range touches, inclusive (same encoding). */
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

/** The feature filter's value for requests that named no feature. */
export const NO_FEATURE_FILTER = "(none)";

/** The longest range one view may cover (rollups are kept longer; this bounds a page's work). */
export const MAX_RANGE_DAYS = 400;
const DEFAULT_PRESET: PresetKey = "last-30";

/** "2026-11-21" (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

/** The calendar day an instant falls on in the zone, encoded as that day's UTC midnight. */
function calendarDay(at: Date, timeZone: string): Date {
  const { year, month, day } = zonedDay(at, timeZone);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The days a preset covers, as of `now` (UTC). */
export function presetRange(preset: PresetKey, now: Date): { from: Date; to: Date } {
  const range = presetTimeRange(preset, now);
  return { from: calendarDay(range.start, range.timeZone), to: calendarDay(new Date(range.end.getTime() - 1), range.timeZone) };
}

/**
 * Filters from the URL. A preset wins over from/to (days, or hours as 2026-12-01T13), read in the
 * zone `tz` names; a missing or invalid range falls back to the last 30 days; a reversed range is
 * swapped; a range longer than MAX_RANGE_DAYS is cut to its end.
 */
export function resolveCostFilters(params: SearchParams, now: Date): CostFilters {
  const range = resolveTimeRange(params, now, { fallback: DEFAULT_PRESET, maxDays: MAX_RANGE_DAYS })!;
  const grainParam = single(params.grain);
  const trafficParam = single(params.traffic);
  return {
    range,
    from: calendarDay(range.start, range.timeZone),
    to: calendarDay(new Date(range.end.getTime() - 1), range.timeZone),
    preset: range.preset,
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
export function rangeDays(filters: Pick<CostFilters, "range">): number {
  return rangeLengthDays(filters.range);
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
  const current = rangeParams(filters.range);
  if (rangeChanged) {
    if (changes.preset) params.set("preset", changes.preset);
    else {
      params.set("from", changes.from ?? current.from ?? isoDay(filters.from));
      params.set("to", changes.to ?? current.to ?? isoDay(filters.to));
    }
  } else {
    for (const name of ["preset", "from", "to"] as const) if (current[name]) params.set(name, current[name]);
  }
  const dimensions: Record<string, string | null> = { grain: filters.grain, feature: filters.feature, team: filters.team, model: filters.model, key: filters.key, endpoint: filters.endpoint, traffic: filters.traffic };
  for (const name of ["grain", "feature", "team", "model", "key", "endpoint", "traffic"] as const) {
    const value = name in changes ? (changes[name] ?? null) : dimensions[name];
    if (value && !(name === "grain" && value === "day") && !(name === "traffic" && value === "all")) params.set(name, value);
  }
  // The zone last: it qualifies every range the link could carry.
  if (current.tz) params.set("tz", current.tz);
  return params.toString();
}

/** "2026-10-01_to_2026-10-31", for file names. */
export function rangeSlug(filters: Pick<CostFilters, "from" | "to">): string {
  return `${isoDay(filters.from)}_to_${isoDay(filters.to)}`;
}

export { rangeWords } from "@/lib/console/time-range";
