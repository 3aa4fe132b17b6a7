// One time range for Costs and Decisions, kept in the URL: a relative preset ("last 7 days") or
// explicit ends at hour precision, read in the viewer's time zone (`tz`, an IANA name; UTC when
// absent). Pure: the server resolves the URL into instants, the picker writes it back.
import { zonedDay, zonedHour, zonedToInstant, isTimeZone } from "./zoned-time";

/** A page's URL search parameters as Next hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

export const RANGE_PRESETS = [
  { key: "last-hour", label: "Last hour" },
  { key: "last-24h", label: "Last 24 hours" },
  { key: "last-7", label: "Last 7 days" },
  { key: "last-30", label: "Last 30 days" },
  { key: "mtd", label: "This month" },
  { key: "last-month", label: "Last month" },
  { key: "last-90", label: "Last 90 days" },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]["key"];

export interface TimeRange {
  /** Inclusive. */
  start: Date;
  /** Exclusive. */
  end: Date;
  /** The preset that produced start/end, when one did: a shared link keeps meaning "last month". */
  preset: RangePreset | null;
  /** The IANA zone the ends were read in and are shown in. */
  timeZone: string;
}

export type RangeParams = Record<string, string | string[] | undefined>;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const DEFAULT_TIME_ZONE = "UTC";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(?::00)?$/;

function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

export const isRangePreset = (value: string | undefined): value is RangePreset => RANGE_PRESETS.some((preset) => preset.key === value);

/** The zone named in the URL, if it is a real IANA zone; UTC otherwise. */
export function resolveTimeZone(params: RangeParams): string {
  const tz = single(params.tz);
  return tz && isTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
}

/** "2026-12-01" or "2026-12-01T13": a wall time in the viewer's zone, checked for a real date. */
export function parseWallTime(value: string | undefined, edge: "start" | "end"): { wall: WallTime; hourGiven: boolean } | null {
  if (!value) return null;
  const match = HOUR.exec(value) ?? DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const hourGiven = match[4] !== undefined;
  const hour = hourGiven ? Number(match[4]) : edge === "start" ? 0 : 23;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (hour > 23 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { wall: { year, month, day, hour }, hourGiven };
}

const instant = (wall: WallTime, timeZone: string) => zonedToInstant(wall.year, wall.month, wall.day, wall.hour, timeZone);

/** Midnight starting the viewer's day `offset` days from the one `at` falls on. */
function dayStart(at: Date, offset: number, timeZone: string): Date {
  const { year, month, day } = zonedDay(at, timeZone);
  const shifted = new Date(Date.UTC(year, month - 1, day + offset));
  return zonedToInstant(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate(), 0, timeZone);
}

function monthStart(at: Date, offset: number, timeZone: string): Date {
  const { year, month } = zonedDay(at, timeZone);
  const shifted = new Date(Date.UTC(year, month - 1 + offset, 1));
  return zonedToInstant(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 1, 0, timeZone);
}

/** The range a preset covers as of `now`. Day presets end at the next midnight; hour presets at the next hour. */
export function presetTimeRange(preset: RangePreset, now: Date, timeZone: string = DEFAULT_TIME_ZONE): TimeRange {
  const nextHour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  const tomorrow = dayStart(now, 1, timeZone);
  const range = (start: Date, end: Date): TimeRange => ({ start, end, preset, timeZone });
  switch (preset) {
    case "last-hour":
      return range(new Date(nextHour.getTime() - 2 * HOUR_MS), nextHour);
    case "last-24h":
      return range(new Date(nextHour.getTime() - 25 * HOUR_MS), nextHour);
    case "last-7":
      return range(dayStart(now, -6, timeZone), tomorrow);
    case "last-30":
      return range(dayStart(now, -29, timeZone), tomorrow);
    case "last-90":
      return range(dayStart(now, -89, timeZone), tomorrow);
    case "mtd":
      return range(monthStart(now, 0, timeZone), tomorrow);
    case "last-month":
      return range(monthStart(now, -1, timeZone), monthStart(now, 0, timeZone));
  }
}

export interface ResolveOptions {
  /** The range when the URL names none; null: no range (all time). */
  fallback: RangePreset | null;
  /** The longest range one view may cover, in days; a longer one keeps its end. */
  maxDays?: number;
}

/**
 * The range in the URL: `range` (or Costs' older `preset`) wins over from/to; an invalid or
 * missing end takes the fallback's; a reversed range is swapped. `to` is inclusive: a day means
 * through its last hour, an hour through its last minute.
 */
export function resolveTimeRange(params: RangeParams, now: Date, { fallback, maxDays }: ResolveOptions): TimeRange | null {
  const timeZone = resolveTimeZone(params);
  const named = single(params.range) ?? single(params.preset);
  if (isRangePreset(named)) return presetTimeRange(named, now, timeZone);
  let fromText = single(params.from);
  let toText = single(params.to);
  let from = parseWallTime(fromText, "start");
  let to = parseWallTime(toText, "end");
  if (!from && !to) return fallback ? presetTimeRange(fallback, now, timeZone) : null;
  if (from && to && instant(from.wall, timeZone) > instant(to.wall, timeZone)) {
    // Reversed ends: read each as the other edge (a day From becomes that day's start).
    [fromText, toText] = [toText, fromText];
    [from, to] = [parseWallTime(fromText, "start"), parseWallTime(toText, "end")];
  }
  const defaults = presetTimeRange(fallback ?? "last-30", now, timeZone);
  const end = to ? new Date(instant(to.wall, timeZone).getTime() + HOUR_MS) : fallback ? defaults.end : new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  let start = from ? instant(from.wall, timeZone) : fallback ? defaults.start : new Date(0);
  if (start >= end) start = new Date(end.getTime() - HOUR_MS);
  if (maxDays && end.getTime() - start.getTime() > maxDays * DAY_MS) start = new Date(end.getTime() - maxDays * DAY_MS);
  return { start, end, preset: null, timeZone };
}

/** Whole days in the viewer's zone: both ends fall on midnight there. */
export function isWholeDays(range: Pick<TimeRange, "start" | "end" | "timeZone">): boolean {
  return zonedHour(range.start, range.timeZone) === 0 && zonedHour(range.end, range.timeZone) === 0;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** "2026-12-01" or, with an hour, "2026-12-01T13" — the URL's spelling of a wall time. */
function wallString(at: Date, timeZone: string, withHour: boolean): string {
  const { year, month, day } = zonedDay(at, timeZone);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return withHour ? `${date}T${pad(zonedHour(at, timeZone))}` : date;
}

/** The inputs' values: first day and hour, last day and hour (inclusive), in the range's zone. */
export function rangeInputs(range: TimeRange): { fromDay: string; fromHour: number; toDay: string; toHour: number } {
  const last = new Date(range.end.getTime() - HOUR_MS);
  return { fromDay: wallString(range.start, range.timeZone, false), fromHour: zonedHour(range.start, range.timeZone), toDay: wallString(last, range.timeZone, false), toHour: zonedHour(last, range.timeZone) };
}

/** The URL parameters for a range: the preset, or from/to (days when whole, hours otherwise), and tz unless UTC. */
export function rangeParams(range: TimeRange | null): Record<string, string> {
  if (!range) return {};
  const tz: Record<string, string> = range.timeZone === DEFAULT_TIME_ZONE ? {} : { tz: range.timeZone };
  if (range.preset) return { preset: range.preset, ...tz };
  const whole = isWholeDays(range);
  const last = new Date(range.end.getTime() - (whole ? DAY_MS : HOUR_MS));
  return { from: wallString(range.start, range.timeZone, !whole), to: wallString(last, range.timeZone, !whole), ...tz };
}

/**
 * The URL value of one end from the form's day and hour fields: the day alone when the hour is
 * the edge's default (00 for From, 23 for To), so whole-day links stay short.
 */
export function endParam(day: string | undefined, hour: string | undefined, edge: "start" | "end"): string | undefined {
  if (!day || !DAY.test(day)) return day;
  const value = hour === undefined || hour === "" ? null : Number(hour);
  if (value === null || !Number.isInteger(value) || value < 0 || value > 23) return day;
  if ((edge === "start" && value === 0) || (edge === "end" && value === 23)) return day;
  return `${day}T${pad(value)}`;
}

/** "Dec 1 – Dec 31, 2026" for whole days; "Dec 3, 13:00 – 17:00" otherwise (the end exclusive), in the range's zone. */
export function rangeWords(range: TimeRange): string {
  const zone = range.timeZone;
  const whole = isWholeDays(range);
  if (whole) {
    const last = new Date(range.end.getTime() - DAY_MS);
    const format = (date: Date, year: boolean) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", ...(year ? { year: "numeric" } : {}), timeZone: zone }).format(date);
    const sameYear = zonedDay(range.start, zone).year === zonedDay(last, zone).year;
    const sameDay = wallString(range.start, zone, false) === wallString(last, zone, false);
    return sameDay ? format(last, true) : `${format(range.start, !sameYear)} – ${format(last, true)}`;
  }
  const format = (date: Date) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }).format(date);
  return `${format(range.start)} – ${format(range.end)}`;
}

/** How many days the range spans (fractional for hour ranges). */
export function rangeLengthDays(range: Pick<TimeRange, "start" | "end">): number {
  return (range.end.getTime() - range.start.getTime()) / DAY_MS;
}

/**
 * The form sends each end as a day field plus an hour field (fromHour, toHour), so it works
 * without JavaScript; this folds them into from/to ("2026-12-01T13") and says whether it did, so
 * the page can answer with the short URL.
 */
export function foldHourFields(params: RangeParams): { params: RangeParams; folded: boolean } {
  if (params.fromHour === undefined && params.toHour === undefined) return { params, folded: false };
  const { fromHour, toHour, ...rest } = params;
  const from = endParam(single(rest.from), single(fromHour), "start");
  const to = endParam(single(rest.to), single(toHour), "end");
  return { params: { ...rest, from, to }, folded: true };
}
