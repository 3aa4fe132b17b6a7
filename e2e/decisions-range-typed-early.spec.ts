import { expect, test, type Locator } from "@playwright/test";
import { storageStatePath } from "./support/users";

// A day typed into the log's From/To before the page has hydrated is kept: the range fields are
// controlled and follow the URL, and they once took the URL's empty range on mounting, so a quick
// visitor's day was wiped and the search ran over all time. The page's scripts are held back until
// the days are typed, so the typing surely comes first. Reads nothing from the database.

test.use({ storageState: storageStatePath("auditor") });

/** React marks the DOM nodes it has hydrated with its own expando keys. */
const hydrated = (input: Locator) => input.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactFiber")));

test("From and To typed before hydration survive it and are searched", async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // Scripts only: the stylesheets block rendering, so holding them would hide the form too.
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  // Not "load": that waits for the scripts held above.
  await page.goto("/decisions", { waitUntil: "commit" });
  const search = page.getByRole("search", { name: "Search decisions" });
  const from = search.getByLabel("From (UTC day)");
  const to = search.getByLabel("To (UTC day)");
  await from.fill("2026-11-03");
  await to.fill("2026-11-04");
  expect(await hydrated(from)).toBe(false);

  release();
  await expect.poll(() => hydrated(from)).toBe(true);
  // A choice made after hydration re-renders the fields, and React runs the mount effects before
  // it: the days typed earlier must still be there once it has rendered.
  await search.getByLabel("To hour").selectOption("12");
  await expect(search.getByLabel("To hour")).toHaveValue("12");
  await expect(from).toHaveValue("2026-11-03");
  await expect(to).toHaveValue("2026-11-04");

  // The log writes a range with an hour as day and hour in one (from=…T00&to=…T12).
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]from=2026-11-03(T00)?&to=2026-11-04T12(&|$)/);
});
