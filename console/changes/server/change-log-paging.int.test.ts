// The change log reaches every entry: keyset pages of 50, filtered by entity and user.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { listChangeFacets, listConfigChangePage } from "./list-config-changes";

const ENTITY = "paging-test entity";

beforeAll(async () => {
  const start = Date.UTC(2020, 0, 1);
  await getDb().configChange.createMany({
    data: Array.from({ length: 130 }, (_, i) => ({
      // Pairs share a timestamp, so the id breaks ties.
      at: new Date(start + Math.floor(i / 2) * 1000),
      actorEmail: i % 3 === 0 ? "pager-a@example.com" : "pager-b@example.com",
      entity: ENTITY,
      entityKey: `k${i}`,
      action: "update",
      before: { n: i },
      after: { n: i + 1 },
    })),
  });
});

describe("change log pages", () => {
  it("walks every entry of a filter, newest first, and back", async () => {
    const seen: string[] = [];
    let page = await listConfigChangePage({ entity: ENTITY, actor: null }, { direction: "older", cursor: null });
    const firstPage = page.rows.map((row) => row.id);
    for (;;) {
      seen.push(...page.rows.map((row) => row.entityKey));
      if (!page.older) break;
      page = await listConfigChangePage({ entity: ENTITY, actor: null }, { direction: "older", cursor: page.older });
    }
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect(page.newer).not.toBeNull();
    // Newer from the second page returns the first.
    const second = await listConfigChangePage({ entity: ENTITY, actor: null }, { direction: "older", cursor: (await listConfigChangePage({ entity: ENTITY, actor: null }, { direction: "older", cursor: null })).older });
    const back = await listConfigChangePage({ entity: ENTITY, actor: null }, { direction: "newer", cursor: second.newer });
    expect(back.rows.map((row) => row.id)).toEqual(firstPage);
    expect(back.newer).toBeNull();
  });

  it("filters by user, and offers the entities and users the log has", async () => {
    const page = await listConfigChangePage({ entity: ENTITY, actor: "pager-a@example.com" }, { direction: "older", cursor: null }, 500);
    expect(page.rows).toHaveLength(44);
    expect(page.rows.every((row) => row.actorEmail === "pager-a@example.com")).toBe(true);
    const facets = await listChangeFacets();
    expect(facets.entities).toContain(ENTITY);
    expect(facets.actors).toEqual(expect.arrayContaining(["pager-a@example.com", "pager-b@example.com"]));
  });
});
