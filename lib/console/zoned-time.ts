// Wall-clock time in an IANA zone with the platform's Intl data only (no date library needed for
// these four operations). Pure.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True for a zone name Intl knows ("Europe/Paris", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (name.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(name)) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function parts(at: Date, timeZone: string): Parts {
  const values = Object.fromEntries(formatter(timeZone).formatToParts(at).filter((part) => part.type !== "literal").map((part) => [part.type, Number(part.value)]));
  return { year: values.year!, month: values.month!, day: values.day!, hour: values.hour! % 24, minute: values.minute!, second: values.second! };
}

/** The calendar day `at` falls on in the zone. */
export function zonedDay(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const { year, month, day } = parts(at, timeZone);
  return { year, month, day };
}

export function zonedHour(at: Date, timeZone: string): number {
  return parts(at, timeZone).hour;
}

/** Milliseconds the zone's wall clock is ahead of UTC at `at`. */
function offsetAt(at: Date, timeZone: string): number {
  const p = parts(at, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a wall time names in the zone. A wall time skipped by a daylight-saving jump maps to
 * the instant after the jump; one that occurs twice, to the first.
 */
export function zonedToInstant(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  const first = wall - offsetAt(new Date(wall), timeZone);
  const second = wall - offsetAt(new Date(first), timeZone);
  if (first === second) return new Date(first);
  // Offsets disagree near a transition: take the earlier one that reads back as this wall time.
  const candidates = [first, second].sort((a, b) => a - b);
  for (const candidate of candidates) {
    const p = parts(new Date(candidate), timeZone);
    if (p.year === year && p.month === month && p.day === day && p.hour === hour) return new Date(candidate);
  }
  return new Date(Math.max(first, second));
}
