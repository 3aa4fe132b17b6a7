import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/analytics/decisions/decision-filters";
import { backToSearch } from "./back-to-search";

const id = "0194f2c1-7b3a-7c4e-9a2b-1f2e3d4c5b6a";

describe("back to the search", () => {
  it("is the plain log when the page was opened from it", () => {
    expect(backToSearch({})).toBe("");
  });

  it("keeps the search, the grouping, the page and the viewer's zone", () => {
    const after = encodeCursor({ createdAt: new Date(1_700_000_000_000), id });
    expect(backToSearch({ status: "refused", group: "feature", after, tz: "Europe/Paris" })).toBe(`status=refused&after=${encodeURIComponent(after)}&group=feature&tz=Europe%2FParis`);
  });

  it("drops what the log does not know: other parameters, unknown groups, nonsense values", () => {
    expect(backToSearch({ group: "salary", next: "https://evil.example", status: "exploded" })).toBe("");
  });
});
