import { describe, expect, it } from "vitest";
import { endParam, foldHourFields, isWholeDays, presetTimeRange, rangeInputs, rangeParams, rangeWords, resolveTimeRange } from "./time-range";
import { zonedToInstant } from "./zoned-time";

const now = new Date("2026-12-03T11:40:00Z");
const iso = (date: Date) => date.toISOString();

describe("presets", () => {
  it("covers hours for the hour presets, ending at the next hour", () => {
    expect(presetTimeRange("last-hour", now)).toMatchObject({ start: new Date("2026-12-03T10:00:00Z"), end: new Date("2026-12-03T12:00:00Z") });
    expect(iso(presetTimeRange("last-24h", now).start)).toBe("2026-12-02T11:00:00.000Z");
  });

  it("covers whole days in the viewer's zone for day and month presets", () => {
    const paris = presetTimeRange("last-7", now, "Europe/Paris");
    expect(iso(paris.start)).toBe("2026-11-26T23:00:00.000Z");
    expect(iso(paris.end)).toBe("2026-12-03T23:00:00.000Z");
    expect(isWholeDays(paris)).toBe(true);
    const lastMonth = presetTimeRange("last-month", now, "America/New_York");
    expect(iso(lastMonth.start)).toBe("2026-11-01T04:00:00.000Z");
    expect(iso(lastMonth.end)).toBe("2026-12-01T05:00:00.000Z");
    expect(iso(presetTimeRange("mtd", now).start)).toBe("2026-12-01T00:00:00.000Z");
  });

  it("takes this month in the viewer's zone, which may still be last month in UTC", () => {
    const early = new Date("2026-12-31T23:30:00Z");
    expect(iso(presetTimeRange("mtd", early, "Asia/Tokyo").start)).toBe("2026-12-31T15:00:00.000Z");
  });
});

describe("resolveTimeRange", () => {
  it("reads whole days inclusively and hours to the end of the hour", () => {
    const days = resolveTimeRange({ from: "2026-11-01", to: "2026-11-30" }, now, { fallback: "last-30" })!;
    expect([iso(days.start), iso(days.end)]).toEqual(["2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"]);
    const hours = resolveTimeRange({ from: "2026-12-01T13", to: "2026-12-01T17", tz: "Europe/Paris" }, now, { fallback: null })!;
    expect([iso(hours.start), iso(hours.end)]).toEqual(["2026-12-01T12:00:00.000Z", "2026-12-01T17:00:00.000Z"]);
  });

  it("prefers a preset, falls back on bad input, swaps reversed ends and caps the length", () => {
    expect(resolveTimeRange({ preset: "last-month", from: "2026-01-01" }, now, { fallback: "last-30" })!.preset).toBe("last-month");
    expect(resolveTimeRange({ range: "last-hour" }, now, { fallback: null })!.preset).toBe("last-hour");
    expect(resolveTimeRange({ from: "2026-02-30", to: "nope" }, now, { fallback: "last-30" })!.preset).toBe("last-30");
    expect(resolveTimeRange({}, now, { fallback: null })).toBeNull();
    const swapped = resolveTimeRange({ from: "2026-11-30", to: "2026-11-01" }, now, { fallback: "last-30" })!;
    expect(swapped.start < swapped.end).toBe(true);
    const capped = resolveTimeRange({ from: "2020-01-01", to: "2026-11-30" }, now, { fallback: "last-30", maxDays: 400 })!;
    expect((capped.end.getTime() - capped.start.getTime()) / 86_400_000).toBe(400);
  });

  it("ignores an unknown zone and hostile values", () => {
    expect(resolveTimeRange({ preset: "mtd", tz: "Mars/Olympus" }, now, { fallback: null })!.timeZone).toBe("UTC");
    expect(resolveTimeRange({ from: "2026-12-01T24", tz: "../../etc" }, now, { fallback: null })).toBeNull();
  });
});

describe("writing the range back", () => {
  it("round-trips days, hours and the zone through the URL", () => {
    for (const params of [{ from: "2026-11-01", to: "2026-11-30" }, { from: "2026-12-01T13", to: "2026-12-01T17", tz: "Europe/Paris" }, { preset: "last-7", tz: "Asia/Tokyo" }]) {
      expect(rangeParams(resolveTimeRange(params, now, { fallback: null }))).toEqual(params);
    }
  });

  it("gives the form its day and hour fields, the To hour inclusive", () => {
    const range = resolveTimeRange({ from: "2026-12-01T13", to: "2026-12-01T17" }, now, { fallback: null })!;
    expect(rangeInputs(range)).toEqual({ fromDay: "2026-12-01", fromHour: 13, toDay: "2026-12-01", toHour: 17 });
    expect(endParam("2026-12-01", "0", "start")).toBe("2026-12-01");
    expect(endParam("2026-12-01", "23", "end")).toBe("2026-12-01");
    expect(endParam("2026-12-01", "9", "start")).toBe("2026-12-01T09");
    expect(endParam("2026-12-01", "x", "end")).toBe("2026-12-01");
  });

  it("says the range in words", () => {
    expect(rangeWords(resolveTimeRange({ from: "2026-10-01", to: "2026-10-31" }, now, { fallback: null })!)).toBe("Oct 1 – Oct 31, 2026");
    expect(rangeWords(resolveTimeRange({ from: "2026-12-01T13", to: "2026-12-01T16" }, now, { fallback: null })!)).toBe("Dec 1, 13:00 – Dec 1, 17:00");
  });
});

describe("zonedToInstant", () => {
  it("maps wall times across daylight saving", () => {
    // Paris springs forward at 02:00 on 2026-03-29: 02:00 does not exist, 03:00 is 01:00 UTC.
    expect(iso(zonedToInstant(2026, 3, 29, 3, "Europe/Paris"))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(zonedToInstant(2026, 7, 1, 0, "Europe/Paris"))).toBe("2026-06-30T22:00:00.000Z");
    expect(iso(zonedToInstant(2026, 1, 1, 0, "UTC"))).toBe("2026-01-01T00:00:00.000Z");
  });
});

describe("foldHourFields", () => {
  it("folds the form's hour fields into from/to and leaves other URLs alone", () => {
    expect(foldHourFields({ from: "2026-12-01", fromHour: "13", to: "2026-12-01", toHour: "23", feature: "x" })).toEqual({
      params: { from: "2026-12-01T13", to: "2026-12-01", feature: "x" },
      folded: true,
    });
    const plain = { preset: "last-7" };
    expect(foldHourFields(plain)).toEqual({ params: plain, folded: false });
  });
});
