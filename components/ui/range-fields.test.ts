import { describe, expect, it } from "vitest";
import { EMPTY_RANGE_FIELDS, fieldsAtHydration } from "./range-fields";

const untouched = { from: "", fromHour: "0", to: "", toHour: "23" };

describe("fieldsAtHydration", () => {
  it("keeps the URL's range when nothing was typed", () => {
    const fromUrl = { fromDay: "2026-11-01", fromHour: 6, toDay: "2026-11-30", toHour: 18 };
    expect(fieldsAtHydration({ from: "2026-11-01", fromHour: "6", to: "2026-11-30", toHour: "18" }, fromUrl)).toEqual(fromUrl);
    expect(fieldsAtHydration(untouched, EMPTY_RANGE_FIELDS)).toEqual(EMPTY_RANGE_FIELDS);
  });

  it("keeps days typed before hydration over the URL's empty range", () => {
    expect(fieldsAtHydration({ ...untouched, from: "2026-12-01", to: "2026-12-02" }, EMPTY_RANGE_FIELDS)).toEqual({ fromDay: "2026-12-01", fromHour: 0, toDay: "2026-12-02", toHour: 23 });
  });

  it("keeps hours chosen and days cleared before hydration", () => {
    const fromUrl = { fromDay: "2026-11-01", fromHour: 0, toDay: "2026-11-30", toHour: 23 };
    expect(fieldsAtHydration({ from: "", fromHour: "9", to: "2026-11-30", toHour: "17" }, fromUrl)).toEqual({ fromDay: "", fromHour: 9, toDay: "2026-11-30", toHour: 17 });
  });

  it("falls back to the URL's value for anything no input could hold", () => {
    const fromUrl = { fromDay: "2026-11-01", fromHour: 4, toDay: "2026-11-30", toHour: 20 };
    expect(fieldsAtHydration({ from: "yesterday", fromHour: "", to: "2026-11-30", toHour: "24" }, fromUrl)).toEqual(fromUrl);
  });
});
