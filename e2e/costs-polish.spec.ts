import { expect, test, type Locator } from "@playwright/test";
import { storageStatePath } from "./support/users";
import { ensureSyntheticTraffic } from "./support/synthetic-traffic";

// Issue 14 items 7, 8 and 11 as their users meet them: finance reads a feature × tier table with
// subtotals and a total that add up; an engineer saves a form on a long page and is told so, with
// the publish bar still in view; the Models page shows a local model's power-only cost and why
// local goes first. Synthetic traffic from e2e/support/synthetic-traffic.ts (the same for every spec, so
// whichever spec runs first generates it and the others reuse it).

const integer = (text: string) => Number(text.replace(/[^\d]/g, ""));

/** The Requests cell (third visible column: Feature, Tier, Requests) of each row. */
async function requestsOf(rows: Locator): Promise<number[]> {
  return Promise.all((await rows.all()).map(async (row) => integer(await row.locator("td").nth(2).innerText())));
}

test.describe("finance reads costs", () => {
  test.use({ storageState: storageStatePath("finance") });
  test.beforeAll(() => ensureSyntheticTraffic());

  test("Cost by feature and tier has a subtotal per feature and a grand total that add up", async ({ page }) => {
    await page.goto("/costs?preset=last-30");
    const table = page.getByTestId("table-feature-tier");
    // The summary rows sit at the table's foot and stay out of its CSV (an export is data).
    const subtotals = table.locator('tfoot tr[data-row-kind="subtotal"]');
    const total = table.locator('tfoot tr[data-row-kind="total"]');
    await expect(subtotals.first()).toContainText("Subtotal");
    await expect(total).toHaveCount(1);
    await expect(total).toContainText("Total");
    await expect(total).toContainText("All tiers");
    await expect(table.locator("tfoot tr").last()).toHaveAttribute("data-row-kind", "total");

    const tierRows = await requestsOf(table.locator("tbody tr"));
    const [grand] = await requestsOf(total);
    expect(tierRows.length).toBeGreaterThan(1);
    expect(grand).toBe(tierRows.reduce((sum, value) => sum + value, 0));
    // A feature's subtotal is the sum of its tier rows.
    const featureOf = (row: import("@playwright/test").Locator) => row.locator("td").first().evaluate((cell) => cell.childNodes[0]?.textContent?.trim() ?? "");
    const byFeature = new Map<string, number>();
    for (const row of await table.locator("tbody tr").all()) {
      const [requests] = await requestsOf(row);
      const feature = await featureOf(row);
      byFeature.set(feature, (byFeature.get(feature) ?? 0) + requests!);
    }
    for (const row of await subtotals.all()) {
      const [requests] = await requestsOf(row);
      expect(requests).toBe(byFeature.get(await featureOf(row)));
    }
  });

  test("a week the range cuts is marked partial, not drawn as a dip", async ({ page }) => {
    await page.goto("/costs?preset=last-30&grain=week");
    await expect(page.getByTestId("partial-period-note")).toBeVisible();
    await expect(page.locator("#spend")).toContainText("(partial)");
  });
});

test.describe("an engineer edits", () => {
  test.use({ storageState: storageStatePath("engineer") });

  test("saving a model says Saved, and the publish bar stays in view on the long Models page", async ({ page }) => {
    await page.goto("/models");
    const bar = page.getByTestId("publish-bar");
    await page.getByTestId("tier-frontier").scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 4000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(400);
    await expect(bar).toBeInViewport();

    // Saved unchanged, so the working configuration still equals the live one for later specs.
    await page.getByTestId("tier-local").getByTestId("model-mistral-7b").getByRole("button", { name: "Edit" }).click();
    await page.getByRole("form", { name: "Edit mistral-7b" }).getByRole("button", { name: "Save model" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Edit mistral-7b" })).toHaveCount(0);
  });

  test("a local model shows its power-only cost next to its full cost, and why local goes first", async ({ page }) => {
    await page.goto("/models");
    const local = page.getByTestId("tier-local");
    const row = local.getByTestId("model-llama-3.1-8b");
    // Seed 001's card: $1.03 per 1M in full; power alone ($49.31 a month over 91.3M tokens) is $0.54.
    await expect(row).toContainText("$1.03 / 1M");
    await expect(row.getByTestId("marginal-cost")).toHaveText(/^power only \$0\.54\d* \/ 1M$/);
    await expect(local.getByTestId("tier-order-note")).toContainText("tiers are tried in order — local first — then by price within a tier");
    await expect(page.getByTestId("tier-hosted-open").getByTestId("tier-order-note")).toHaveCount(0);
  });
});
