import { describe, expect, it } from "vitest";
import { changeSearch, decodeChangeCursor, encodeChangeCursor, resolveChangeFilters, resolveChangePage } from "./change-filters";

describe("change filters", () => {
  it("keeps entity and user in the URL, and a cursor for paging", () => {
    const filters = resolveChangeFilters({ entity: " model ", actor: "ada@example.com", junk: "x" });
    expect(filters).toEqual({ entity: "model", actor: "ada@example.com" });
    const cursor = { at: new Date("2026-12-01T10:00:00Z"), id: "cmabc123" };
    const search = changeSearch(filters, { direction: "older", cursor });
    expect(search).toBe(`entity=model&actor=ada%40example.com&after=${cursor.at.getTime()}.cmabc123`);
    expect(resolveChangePage(Object.fromEntries(new URLSearchParams(search)))).toEqual({ direction: "older", cursor });
    expect(resolveChangePage({ before: encodeChangeCursor(cursor) })).toEqual({ direction: "newer", cursor });
  });

  it("ignores cursors and values that cannot be real", () => {
    expect(decodeChangeCursor("12.not valid!")).toBeNull();
    expect(decodeChangeCursor("x.abc")).toBeNull();
    expect(resolveChangeFilters({ entity: "", actor: "a".repeat(400) })).toEqual({ entity: null, actor: null });
  });
});
