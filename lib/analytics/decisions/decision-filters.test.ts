import { describe, expect, it } from "vitest";
import { decisionSearch, decodeCursor, encodeCursor, idPrefixBounds, resolveDecisionFilters, resolvePage } from "./decision-filters";

const id = "0194f2c1-7b3a-7c4e-9a2b-1f2e3d4c5b6a";

describe("decision filters", () => {
  it("searches by a partial id as a range of ids, and ignores what cannot be one", () => {
    expect(resolveDecisionFilters({ idPrefix: " 0194F2C1-7b " }).idPrefix).toBe("0194f2c17b");
    expect(resolveDecisionFilters({ idPrefix: "019" }).idPrefix).toBeNull();
    expect(resolveDecisionFilters({ idPrefix: "not-hex!" }).idPrefix).toBeNull();
    expect(idPrefixBounds("0194f2c17b")).toEqual({ low: "0194f2c1-7b00-0000-0000-000000000000", high: "0194f2c1-7bff-ffff-ffff-ffffffffffff" });
  });

  it("takes the shared time range: presets, hours and the viewer's zone stay in the URL", () => {
    const now = new Date("2026-12-03T11:40:00Z");
    const filters = resolveDecisionFilters({ from: "2026-12-01T13", to: "2026-12-01T17", tz: "Europe/Paris", status: "error" }, now);
    expect(filters.range?.start.toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(decisionSearch(filters)).toBe("from=2026-12-01T13&to=2026-12-01T17&status=error&tz=Europe%2FParis");
    expect(decisionSearch(resolveDecisionFilters({ preset: "last-24h" }, now))).toBe("preset=last-24h");
    expect(resolveDecisionFilters({}, now).range).toBeNull();
  });

  it("parses the search, swapping reversed ranges and dropping nonsense", () => {
    const filters = resolveDecisionFilters({ from: "2026-11-18", to: "2026-11-17", feature: "support-summaries", status: "refused", fallback: "maybe", minLatency: "-5", minCost: "2", maxCost: "1" });
    expect(filters).toMatchObject({ feature: "support-summaries", status: "refused", fallback: null, minLatencyMs: null, minCostUsd: 1, maxCostUsd: 2 });
    expect(filters.range?.start.toISOString()).toBe("2026-11-17T00:00:00.000Z");
    expect(filters.range?.end.toISOString()).toBe("2026-11-19T00:00:00.000Z");
    expect(decisionSearch(filters)).toBe("from=2026-11-17&to=2026-11-18&feature=support-summaries&status=refused&minCost=1&maxCost=2");
    expect(resolveDecisionFilters({ status: "exploded" }).status).toBeNull();
    expect(resolveDecisionFilters({ endpoint: "messages" }).endpoint).toBe("messages");
    expect(resolveDecisionFilters({ endpoint: "completions; drop" }).endpoint).toBeNull();
    expect(decisionSearch(resolveDecisionFilters({ endpoint: "messages", status: "error" }))).toBe("endpoint=messages&status=error");
  });

  it("round-trips the cursor and rejects tampered ones", () => {
    const cursor = { createdAt: new Date("2026-11-17T10:00:00.123Z"), id };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("123.not-a-uuid")).toBeNull();
    expect(decodeCursor(`abc.${id}`)).toBeNull();
    expect(decodeCursor(`1.${id}.x`)).toBeNull();
  });

  it("writes pages as URLs: older after a cursor, newer before one", () => {
    const filters = resolveDecisionFilters({ feature: "code-assist", status: "refused" });
    const cursor = { createdAt: new Date(1_700_000_000_000), id };
    const search = decisionSearch(filters, { direction: "older", cursor });
    expect(search).toBe(`feature=code-assist&status=refused&after=1700000000000.${id}`);
    expect(resolvePage(Object.fromEntries(new URLSearchParams(search)))).toEqual({ direction: "older", cursor });
    expect(resolvePage({ before: encodeCursor(cursor) })).toEqual({ direction: "newer", cursor });
    expect(resolvePage({})).toEqual({ direction: "older", cursor: null });
  });
});
